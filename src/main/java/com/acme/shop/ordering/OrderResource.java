package com.acme.shop.ordering;

import com.acme.shop.identity.Role;
import com.acme.shop.ordering.dto.OrderDto;
import com.acme.shop.platform.Page;
import com.acme.shop.platform.PageRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A signed-in customer's own orders. */
@Path("/v1/orders")
@Tag(name = "Orders")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.CUSTOMER_NAME, Role.ADMIN_NAME})
public class OrderResource {

    private final Orders orders;
    private final JsonWebToken jwt;

    OrderResource(Orders orders, JsonWebToken jwt) {
        this.orders = orders;
        this.jwt = jwt;
    }

    @GET
    @Operation(operationId = "listMyOrders", summary = "The caller's orders, newest first")
    public Page<OrderDto> listMyOrders(@Valid @BeanParam PageRequest page) {
        return orders.listOwn(UUID.fromString(jwt.getSubject()), page);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getMyOrder", summary = "One of the caller's orders")
    @APIResponse(responseCode = "200", description = "The order")
    @APIResponse(responseCode = "404", description = "not_found: no such order, or not the caller's")
    public OrderDto getMyOrder(@PathParam("id") UUID id) {
        return orders.getOwn(UUID.fromString(jwt.getSubject()), id);
    }
}
