package com.acme.shop.promotion;

import com.acme.shop.identity.Role;
import com.acme.shop.platform.Page;
import com.acme.shop.platform.PageRequest;
import com.acme.shop.promotion.dto.PromotionCreate;
import com.acme.shop.promotion.dto.PromotionDto;
import com.acme.shop.promotion.dto.PromotionPatch;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The back office's promotions and discount codes. */
@Path("/v1/admin/promotions")
@Tag(name = "Admin promotions")
@RolesAllowed(Role.ADMIN_NAME)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdminPromotionResource {

    private final Promotions promotions;

    AdminPromotionResource(Promotions promotions) {
        this.promotions = promotions;
    }

    @GET
    @Operation(operationId = "adminListPromotions", summary = "Promotions, newest first; q matches part of the code")
    public Page<PromotionDto> adminListPromotions(
            @Parameter(description = "Part of the code, case-insensitive")
            @QueryParam("q") @Size(max = 64, message = "must be at most 64 characters") String q,
            @Parameter(description = "Only active (true) or inactive (false) ones",
                    schema = @Schema(type = SchemaType.BOOLEAN))
            @QueryParam("active") @Pattern(regexp = "true|false", message = "must be true or false") String active,
            @Valid @BeanParam PageRequest page) {
        return promotions.list(q, active == null ? null : Boolean.valueOf(active), page);
    }

    @POST
    @Operation(operationId = "adminCreatePromotion", summary = "Create a promotion")
    @APIResponse(responseCode = "201", description = "Created; Location names the promotion",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PromotionDto.class)))
    @APIResponse(responseCode = "400", description = "validation_failed naming the field (value per type, endsAt "
            + "after startsAt, unknown categoryIds)")
    @APIResponse(responseCode = "409", description = "code_taken: another promotion has the code (case-insensitively)")
    public RestResponse<PromotionDto> adminCreatePromotion(@Valid @NotNull PromotionCreate body) {
        PromotionDto created = promotions.create(body);
        return RestResponse.ResponseBuilder.<PromotionDto>created(URI.create("/v1/admin/promotions/" + created.id()))
                .entity(created).build();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "adminGetPromotion", summary = "A promotion by id, with its uses")
    @APIResponse(responseCode = "200", description = "The promotion")
    @APIResponse(responseCode = "404", description = "not_found")
    public PromotionDto adminGetPromotion(@PathParam("id") UUID id) {
        return promotions.get(id);
    }

    @PATCH
    @Path("/{id}")
    @Operation(operationId = "adminUpdatePromotion", summary = "Change a promotion; absent fields are kept")
    @APIResponse(responseCode = "200", description = "The updated promotion")
    @APIResponse(responseCode = "400", description = "validation_failed naming the field")
    @APIResponse(responseCode = "404", description = "not_found")
    @APIResponse(responseCode = "409", description = "code_taken")
    @APIResponse(responseCode = "422", description = "validation_failed: usageLimit below usedCount")
    public PromotionDto adminUpdatePromotion(@PathParam("id") UUID id, @Valid @NotNull PromotionPatch body) {
        return promotions.update(id, body);
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "adminDeletePromotion", summary = "Deactivate a promotion (orders keep their code)")
    @APIResponse(responseCode = "204", description = "Deactivated")
    @APIResponse(responseCode = "404", description = "not_found")
    public void adminDeletePromotion(@PathParam("id") UUID id) {
        promotions.deactivate(id);
    }
}
