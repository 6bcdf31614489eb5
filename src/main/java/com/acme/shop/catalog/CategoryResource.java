package com.acme.shop.catalog;

import com.acme.shop.catalog.dto.CategoryNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The storefront's category navigation. */
@Path("/v1/categories")
@Tag(name = "Catalog")
@Produces(MediaType.APPLICATION_JSON)
public class CategoryResource {

    private final Categories categories;

    CategoryResource(Categories categories) {
        this.categories = categories;
    }

    @GET
    @Operation(operationId = "listCategories", summary = "The category tree: top-level categories, each with its children, in display order")
    public List<CategoryNode> listCategories() {
        return categories.tree();
    }
}
