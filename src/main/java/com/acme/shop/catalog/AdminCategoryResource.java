package com.acme.shop.catalog;

import com.acme.shop.catalog.dto.CategoryCreate;
import com.acme.shop.catalog.dto.CategoryDto;
import com.acme.shop.catalog.dto.CategoryPatch;
import com.acme.shop.identity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The back office's category tree editing; the tree itself is read at GET /api/v1/categories. */
@Path("/v1/admin/categories")
@Tag(name = "Admin catalog")
@RolesAllowed(Role.ADMIN_NAME)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdminCategoryResource {

    private final Categories categories;

    AdminCategoryResource(Categories categories) {
        this.categories = categories;
    }

    @POST
    @Operation(operationId = "adminCreateCategory", summary = "Create a category; the slug is derived from the name when absent")
    @APIResponse(responseCode = "201", description = "Created; Location names the category",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CategoryDto.class)))
    @APIResponse(responseCode = "409", description = "slug_taken: an explicit slug another category has")
    public RestResponse<CategoryDto> adminCreateCategory(@Valid @NotNull CategoryCreate body) {
        CategoryDto created = categories.create(body);
        // Relative to the application's root path (/api): Quarkus REST puts that in front of a relative Location.
        return RestResponse.ResponseBuilder.<CategoryDto>created(URI.create("/v1/admin/categories/" + created.id()))
                .entity(created).build();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "adminGetCategory", summary = "A category by id")
    @APIResponse(responseCode = "200", description = "The category")
    @APIResponse(responseCode = "404", description = "not_found")
    public CategoryDto adminGetCategory(@PathParam("id") UUID id) {
        return categories.get(id);
    }

    @PATCH
    @Path("/{id}")
    @Operation(operationId = "adminUpdateCategory", summary = "Rename, re-slug, reorder or move a category")
    @APIResponse(responseCode = "200", description = "The updated category")
    @APIResponse(responseCode = "404", description = "not_found")
    @APIResponse(responseCode = "409", description = "conflict (a move under itself or one of its descendants), or slug_taken")
    public CategoryDto adminUpdateCategory(@PathParam("id") UUID id, @Valid @NotNull CategoryPatch body) {
        return categories.update(id, body);
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "adminDeleteCategory", summary = "Delete a category without sub-categories; its products stay, without it")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "not_found")
    @APIResponse(responseCode = "409", description = "conflict: the category has sub-categories")
    public void adminDeleteCategory(@PathParam("id") UUID id) {
        categories.delete(id);
    }
}
