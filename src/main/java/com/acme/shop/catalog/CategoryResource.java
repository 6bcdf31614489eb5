package com.acme.shop.catalog;

import com.acme.shop.catalog.dto.CategoryNode;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The storefront's category navigation: public and the same for everyone, so cached like the product reads. */
@Path("/v1/categories")
@Tag(name = "Catalog")
@Produces(MediaType.APPLICATION_JSON)
public class CategoryResource {

    private final Categories categories;
    private final CatalogCache cache;

    CategoryResource(Categories categories, CatalogCache cache) {
        this.categories = categories;
        this.cache = cache;
    }

    @GET
    @Operation(operationId = "listCategories", summary = "The category tree: top-level categories, each with its children, in display order")
    @APIResponse(responseCode = "200", description = "OK", headers = {
            @Header(name = "ETag", description = "Validator of this answer: send it as If-None-Match to revalidate"),
            @Header(name = "Cache-Control", description = "public, max-age=N (SHOP_CATALOG_MAX_AGE)")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = CategoryNode.class)))
    @APIResponse(responseCode = "304", description = "Not modified: If-None-Match holds the current ETag")
    public Response listCategories(
            @Parameter(description = "The ETag of an earlier answer: 304 while it is still current")
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @Context HttpServerRequest request) {
        return cache.respond(request.uri(), ifNoneMatch, categories::tree);
    }
}
