package com.acme.shop.ordering;

import com.acme.shop.identity.Role;
import com.acme.shop.ordering.dto.AdminOrderDto;
import com.acme.shop.ordering.dto.OrderDto;
import com.acme.shop.ordering.dto.RefundDto;
import com.acme.shop.ordering.dto.RefundRequest;
import com.acme.shop.ordering.dto.StatusChangeRequest;
import com.acme.shop.platform.ApiException;
import com.acme.shop.platform.Audit;
import com.acme.shop.platform.Page;
import com.acme.shop.platform.PageRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/v1/admin/orders")
@Tag(name = "Admin orders")
@RolesAllowed(Role.ADMIN_NAME)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdminOrderResource {

    /** Documentation only: {@link com.acme.shop.platform.QueryParams} parses these. */
    private static final String DATE = "\\d{4}-\\d{2}-\\d{2}";
    private static final String UUID_PATTERN = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    private final AdminOrders orders;
    private final Refunds refunds;
    private final Audit audit;

    AdminOrderResource(AdminOrders orders, Refunds refunds, Audit audit) {
        this.orders = orders;
        this.refunds = refunds;
        this.audit = audit;
    }

    @GET
    @Operation(operationId = "adminListOrders", summary = "Orders, newest first, filtered")
    public Page<OrderDto> adminListOrders(
            @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = {"PENDING_PAYMENT", "PAID", "SHIPPED", "DELIVERED", "CANCELLED", "REFUNDED"},
                    pattern = "PENDING_PAYMENT|PAID|SHIPPED|DELIVERED|CANCELLED|REFUNDED"))
            @QueryParam("status") OrderStatus status,
            @Parameter(description = "First day, inclusive (UTC)", schema = @Schema(type = SchemaType.STRING, format = "date", pattern = DATE))
            @QueryParam("from") LocalDate from,
            @Parameter(description = "Last day, inclusive (UTC)", schema = @Schema(type = SchemaType.STRING, format = "date", pattern = DATE))
            @QueryParam("to") LocalDate to,
            @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid", pattern = UUID_PATTERN))
            @QueryParam("userId") UUID userId,
            @Parameter(description = "Exact email, case-insensitive")
            @QueryParam("email") @Size(max = 254, message = "must be at most 254 characters") String email,
            @Parameter(description = "Part of the order number")
            @QueryParam("q") @Size(max = 40, message = "must be at most 40 characters") String q,
            @Valid @BeanParam PageRequest page) {
        if (from != null && to != null && from.isAfter(to)) {
            throw ApiException.validation("from", "must not be after to");
        }
        return orders.list(new AdminOrders.Filter(status, from, to, userId, email, q), page);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "adminGetOrder", summary = "An order with its status history and refunds")
    @APIResponse(responseCode = "200", description = "The order")
    @APIResponse(responseCode = "404", description = "not_found")
    public AdminOrderDto adminGetOrder(@PathParam("id") UUID id) {
        return orders.get(id);
    }

    @PATCH
    @Path("/{id}/status")
    @Operation(operationId = "adminChangeOrderStatus", summary = "Move an order to another status (SHIPPED sends the shipping email)")
    @APIResponse(responseCode = "200", description = "The order")
    @APIResponse(responseCode = "404", description = "not_found")
    @APIResponse(responseCode = "409", description = "invalid_transition")
    public AdminOrderDto adminChangeOrderStatus(@PathParam("id") UUID id, @Valid @NotNull StatusChangeRequest body) {
        return orders.changeStatus(id, body, audit.actorLabel());
    }

    @POST
    @Path("/{id}/refunds")
    @Operation(operationId = "adminRefundOrder", summary = "Refund part or all of a paid order")
    @APIResponse(responseCode = "201", description = "Refunded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RefundDto.class)))
    @APIResponse(responseCode = "404", description = "not_found")
    @APIResponse(responseCode = "409", description = "invalid_transition: the order is not PAID, SHIPPED or DELIVERED")
    @APIResponse(responseCode = "422", description = "refund_exceeds_total")
    public RestResponse<RefundDto> adminRefundOrder(@PathParam("id") UUID id, @Valid @NotNull RefundRequest body) {
        return RestResponse.status(RestResponse.Status.CREATED, refunds.refund(id, body, audit.actorLabel()));
    }

}
