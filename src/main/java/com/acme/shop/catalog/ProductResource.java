package com.acme.shop.catalog;

import com.acme.shop.catalog.dto.ProductDto;
import com.acme.shop.platform.Page;
import com.acme.shop.platform.PageRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The storefront's view of the catalog: active products only. */
@Path("/v1/products")
@Tag(name = "Catalog")
@Produces(MediaType.APPLICATION_JSON)
public class ProductResource {

    private final Products products;

    ProductResource(Products products) {
        this.products = products;
    }

    @GET
    @Operation(operationId = "listProducts", summary = "Active products, searchable and sorted, one page at a time")
    public Page<ProductDto> listProducts(
            @Parameter(description = "Case-insensitive search in name and description")
            @QueryParam("q") @Size(max = 200, message = "must be at most 200 characters") String q,
            @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = {"newest", "price_asc", "price_desc", "name"},
                    pattern = "newest|price_asc|price_desc|name", defaultValue = "newest"))
            @QueryParam("sort") @DefaultValue("newest") Products.Sort sort,
            @Parameter(description = "A category's slug: only products filed under it or one of its descendants "
                    + "(an unknown slug: none)")
            @QueryParam("category") @Size(max = 200, message = "must be at most 200 characters") String category,
            @Valid @BeanParam PageRequest page) {
        return products.listPublic(q, category, sort, page);
    }

    @GET
    @Path("/{slug}")
    @Operation(operationId = "getProductBySlug", summary = "An active product by its slug")
    @APIResponse(responseCode = "200", description = "The product")
    @APIResponse(responseCode = "404", description = "not_found: no such product, or it is archived")
    public ProductDto getProductBySlug(@PathParam("slug") String slug) {
        return products.getPublic(slug);
    }
}
