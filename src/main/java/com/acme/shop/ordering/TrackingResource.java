package com.acme.shop.ordering;

import com.acme.shop.ordering.dto.OrderLookupRequest;
import com.acme.shop.ordering.dto.TrackedOrderDto;
import com.acme.shop.platform.RateLimited;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Public order tracking for guests: by the link in the confirmation email, or by number and email. */
@Path("/v1/orders")
@Tag(name = "Order tracking")
@Produces(MediaType.APPLICATION_JSON)
public class TrackingResource {

    private final Orders orders;

    TrackingResource(Orders orders) {
        this.orders = orders;
    }

    @GET
    @Path("/track/{token}")
    @RateLimited("lookup")
    @Operation(operationId = "trackOrder", summary = "The limited view of an order, by its tracking token")
    @APIResponse(responseCode = "200", description = "The order's limited view")
    @APIResponse(responseCode = "404", description = "not_found")
    @APIResponse(responseCode = "429", description = "rate_limited")
    public TrackedOrderDto trackOrder(@PathParam("token") String token) {
        return orders.track(token);
    }

    @POST
    @Path("/lookup")
    @RateLimited("lookup")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "lookupOrder", summary = "The limited view of an order, by its number and email")
    @APIResponse(responseCode = "200", description = "The order's limited view")
    @APIResponse(responseCode = "404", description = "not_found: no order with that number and email")
    @APIResponse(responseCode = "429", description = "rate_limited: too many requests from this address, or "
            + "RATE_LIMIT_LOOKUP_FAILURES (5) lookups that found nothing for this email in 15 minutes, from any "
            + "address; Retry-After says when to try again")
    public TrackedOrderDto lookupOrder(@Valid @NotNull OrderLookupRequest body) {
        return orders.lookup(body.number(), body.email());
    }
}
