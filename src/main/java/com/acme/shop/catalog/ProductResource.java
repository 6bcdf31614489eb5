package com.acme.shop.catalog;

import com.acme.shop.platform.PageRequest;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import com.acme.shop.catalog.dto.ProductListPage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The storefront's view of the catalog: active products only. Public and the same for everyone, so cacheable by
 * browsers and CDNs: {@link CatalogCache} renders, tags and answers them.
 */
@Path("/v1/products")
@Tag(name = "Catalog")
@Produces(MediaType.APPLICATION_JSON)
public class ProductResource {

    private final Products products;
    private final CatalogCache cache;

    ProductResource(Products products, CatalogCache cache) {
        this.products = products;
        this.cache = cache;
    }

    @GET
    @Operation(operationId = "listProducts", summary = "Active products, searchable, filterable and sorted, one page at a time",
            description = "Filters combine (AND) with q, sort and category. minPriceCents, maxPriceCents, inStock and "
                    + "option.<name>=<value> are variant filters: a product matches when ONE of its active variants "
                    + "passes all of them together (a product in Red/S and Blue/M does not match option.Color=Red&"
                    + "option.Size=M). option.<name>=<value> is repeatable, one parameter per option, its name after "
                    + "'option.' (e.g. option.Size=M&option.Color=Red); names and values are compared exactly, an "
                    + "unknown one matches nothing. With facets=true the page adds facets counted over the whole "
                    + "filtered result; without any of these parameters the answer is the v1 page.")
    @APIResponse(responseCode = "200", description = "OK", headers = {
            @Header(name = "ETag", description = "Validator of this answer: send it as If-None-Match to revalidate"),
            @Header(name = "Cache-Control", description = "public, max-age=N (SHOP_CATALOG_MAX_AGE)")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProductListPage.class)))
    @APIResponse(responseCode = "304", description = "Not modified: If-None-Match holds the current ETag")
    public Response listProducts(
            @Parameter(description = "Case-insensitive search in name and description")
            @QueryParam("q") @Size(max = 200, message = "must be at most 200 characters") String q,
            @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = {"newest", "price_asc", "price_desc", "name"},
                    pattern = "newest|price_asc|price_desc|name", defaultValue = "newest"))
            @QueryParam("sort") @DefaultValue("newest") Products.Sort sort,
            @Parameter(description = "A category's slug: only products filed under it or one of its descendants "
                    + "(an unknown slug: none)")
            @QueryParam("category") @Size(max = 200, message = "must be at most 200 characters") String category,
            @Parameter(description = "Only products with an active variant priced at least this (cents)",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "0"))
            @QueryParam("minPriceCents") String minPriceCents,
            @Parameter(description = "Only products with an active variant priced at most this (cents); not below "
                    + "minPriceCents", schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "0"))
            @QueryParam("maxPriceCents") String maxPriceCents,
            @Parameter(description = "true: only products with an active variant in stock",
                    schema = @Schema(type = SchemaType.BOOLEAN))
            @QueryParam("inStock") @Pattern(regexp = "true|false", message = "must be true or false") String inStock,
            @Parameter(description = "true: add facets (category, option value and price) of the whole filtered result",
                    schema = @Schema(type = SchemaType.BOOLEAN))
            @QueryParam("facets") @Pattern(regexp = "true|false", message = "must be true or false") String facets,
            @Valid @BeanParam PageRequest page,
            @Parameter(description = "The ETag of an earlier answer: 304 while it is still current")
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @Context UriInfo uri,
            @Context HttpServerRequest request) {
        ListFilters filters = ListFilters.of(minPriceCents, maxPriceCents, inStock, uri.getQueryParameters());
        boolean withFacets = "true".equals(facets);
        return cache.respond(request.uri(), ifNoneMatch,
                () -> products.listPublic(q, category, sort, page, filters, withFacets));
    }

    @GET
    @Path("/{slug}")
    @Operation(operationId = "getProductBySlug", summary = "An active product by its slug")
    @APIResponse(responseCode = "200", description = "The product", headers = {
            @Header(name = "ETag", description = "Validator of this answer: send it as If-None-Match to revalidate"),
            @Header(name = "Cache-Control", description = "public, max-age=N (SHOP_CATALOG_MAX_AGE)")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Product")))
    @APIResponse(responseCode = "304", description = "Not modified: If-None-Match holds the current ETag")
    @APIResponse(responseCode = "404", description = "not_found: no such product, or it is archived")
    public Response getProductBySlug(@PathParam("slug") String slug,
            @Parameter(description = "The ETag of an earlier answer: 304 while it is still current")
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @Context HttpServerRequest request) {
        return cache.respond(request.uri(), ifNoneMatch, () -> products.getPublic(slug));
    }
}
