package com.acme.shop.catalog;

import com.acme.shop.catalog.dto.BulkCreated;
import com.acme.shop.catalog.dto.BulkUpdated;
import com.acme.shop.catalog.dto.ImportResult;
import com.acme.shop.catalog.dto.ProductCreate;
import com.acme.shop.catalog.dto.ProductDto;
import com.acme.shop.catalog.dto.ProductPatch;
import com.acme.shop.catalog.dto.VariantSet;
import com.acme.shop.identity.Role;
import com.acme.shop.platform.Page;
import com.acme.shop.platform.PageRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The back office's catalog: every product, including archived ones, and every way of writing them. */
@Path("/v1/admin/products")
@Tag(name = "Admin catalog")
@RolesAllowed(Role.ADMIN_NAME)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdminProductResource {

    private final Products products;
    private final BulkProducts bulk;
    private final CsvImport csv;

    AdminProductResource(Products products, BulkProducts bulk, CsvImport csv) {
        this.products = products;
        this.bulk = bulk;
        this.csv = csv;
    }

    @GET
    @Operation(operationId = "adminListProducts", summary = "All products, newest first; q matches sku or name",
            description = "Filters combine (AND) with q, active and category. option.<name>=<value> is the storefront "
                    + "list's option filter: repeatable, one parameter per option, its name after 'option.' (e.g. "
                    + "option.Size=M&option.Color=Red); a product matches when ONE of its active variants has every "
                    + "asked value (archived variants are not looked at); names and values are compared exactly, an "
                    + "unknown one matches nothing; a blank name or value is 400 validation_failed.")
    public Page<ProductDto> adminListProducts(
            @QueryParam("q") @Size(max = 200, message = "must be at most 200 characters") String q,
            @QueryParam("active") Boolean active,
            @Parameter(description = "A category's slug: only products filed under it or one of its descendants "
                    + "(an unknown slug: none)")
            @QueryParam("category") @Size(max = 200, message = "must be at most 200 characters") String category,
            @Valid @BeanParam PageRequest page,
            @Context UriInfo uri) {
        ListFilters options = ListFilters.of(null, null, null, uri.getQueryParameters());
        return products.listAdmin(q, active, category, options, page);
    }

    @POST
    @Operation(operationId = "adminCreateProduct", summary = "Create a product; the slug is derived from the name when absent")
    @APIResponse(responseCode = "201", description = "Created; Location names the product",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProductDto.class)))
    @APIResponse(responseCode = "409", description = "sku_taken, or slug_taken for an explicit slug")
    public RestResponse<ProductDto> adminCreateProduct(@Valid @NotNull ProductCreate body) {
        ProductDto created = products.create(body);
        return RestResponse.ResponseBuilder.<ProductDto>created(URI.create("/v1/admin/products/" + created.id()))
                .entity(created).build();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "adminGetProduct", summary = "A product by id, archived or not")
    @APIResponse(responseCode = "200", description = "The product")
    @APIResponse(responseCode = "404", description = "not_found")
    public ProductDto adminGetProduct(@PathParam("id") UUID id) {
        return products.get(id);
    }

    @PATCH
    @Path("/{id}")
    @Operation(operationId = "adminUpdateProduct", summary = "Change some fields of a product")
    @APIResponse(responseCode = "200", description = "The updated product")
    @APIResponse(responseCode = "404", description = "not_found")
    @APIResponse(responseCode = "409", description = "version_conflict (stale version), sku_taken or slug_taken")
    public ProductDto adminUpdateProduct(@PathParam("id") UUID id, @Valid @NotNull ProductPatch body) {
        return products.update(id, body);
    }

    @PUT
    @Path("/{id}/variants")
    @Operation(operationId = "adminReplaceProductVariants",
            summary = "Replace a product's options and variants, all or nothing (left-out variants are archived)")
    @APIResponse(responseCode = "200", description = "The product with its new options and variants")
    @APIResponse(responseCode = "400", description = "validation_failed: a malformed body or options (names unique, values unique)")
    @APIResponse(responseCode = "404", description = "not_found")
    @APIResponse(responseCode = "409", description = "version_conflict: the version is stale")
    @APIResponse(responseCode = "422", description = "bulk_validation_failed: errors[{index, field, message}] for every bad "
            + "variant (duplicate combination, a value not among its option's values, sku taken); nothing written")
    public ProductDto adminReplaceProductVariants(@PathParam("id") UUID id, @Valid @NotNull VariantSet body) {
        return products.replaceVariants(id, body);
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "adminArchiveProduct", summary = "Archive a product (active=false); orders keep it")
    @APIResponse(responseCode = "204", description = "Archived")
    @APIResponse(responseCode = "404", description = "not_found")
    public void adminArchiveProduct(@PathParam("id") UUID id) {
        products.archive(id);
    }

    @POST
    @Path("/bulk")
    @Operation(operationId = "adminBulkCreateProducts", summary = "Create up to 10,000 products, all or nothing")
    @APIResponse(responseCode = "201", description = "All created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BulkCreated.class)))
    @APIResponse(responseCode = "422", description = "bulk_validation_failed: errors[{index, field, message}] for every bad item; nothing written")
    public RestResponse<BulkCreated> adminBulkCreateProducts(List<ProductCreate> body) {
        return RestResponse.status(RestResponse.Status.CREATED, bulk.create(body));
    }

    @PATCH
    @Path("/bulk")
    @Operation(operationId = "adminBulkUpdateProducts", summary = "Change up to 10,000 products by id, all or nothing")
    @APIResponse(responseCode = "200", description = "All updated")
    @APIResponse(responseCode = "422", description = "bulk_validation_failed: errors[{index, field, message}] for every bad item (unknown ids included); nothing written")
    public BulkUpdated adminBulkUpdateProducts(List<ProductPatch> body) {
        return bulk.update(body);
    }

    @POST
    @Path("/import")
    @Consumes("text/csv")
    @Operation(operationId = "adminImportProductsCsv",
            summary = "Upsert products by sku from CSV (header sku,name,slug,description,price,stock,active,image_url; price in major units)",
            description = "Also takes Shopify's product CSV export, recognised by its Handle column (columns matched by "
                    + "name, unknown ones ignored): the rows of a handle are one new product with its options, variants "
                    + "and images (Handle is its slug, Variant Price in major units, Body (HTML) becomes a plain-text "
                    + "description, Status draft or archived an inactive product); a handle or sku the catalog has is an "
                    + "error. Errors name the line and the Shopify column.")
    @RequestBody(content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "200", description = "Imported (or, with dryRun=true, checked)")
    @APIResponse(responseCode = "422", description = "bulk_validation_failed: errors[{line, field, message}] for every bad line; nothing written")
    public ImportResult adminImportProductsCsv(
            @Parameter(description = "true: check only, write nothing", schema = @Schema(type = SchemaType.BOOLEAN))
            @QueryParam("dryRun") @DefaultValue("false")
            @Pattern(regexp = "true|false", message = "must be true or false") String dryRun,
            @Parameter(hidden = true) InputStream body) {
        return csv.run(body, Boolean.parseBoolean(dryRun));
    }
}
