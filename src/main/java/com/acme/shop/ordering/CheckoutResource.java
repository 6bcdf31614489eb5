package com.acme.shop.ordering;

import com.acme.shop.cart.CartOwners;
import com.acme.shop.cart.GuestCartCookie;
import com.acme.shop.ordering.dto.CheckoutRequest;
import com.acme.shop.ordering.dto.CheckoutResponse;
import com.acme.shop.platform.IdempotencyKeys;
import com.acme.shop.platform.RateLimited;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/checkout")
@Tag(name = "Checkout")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CheckoutResource {

    private final Checkout checkout;
    private final CartOwners owners;

    CheckoutResource(Checkout checkout, CartOwners owners) {
        this.checkout = checkout;
        this.owners = owners;
    }

    @POST
    @RateLimited("checkout")
    @Operation(operationId = "checkout", summary = "Place an order from the caller's cart (user's, or guest's by cart_token cookie)")
    @APIResponse(responseCode = "201", description = "Order placed (or the first answer replayed for a repeated Idempotency-Key)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CheckoutResponse.class)))
    @APIResponse(responseCode = "400", description = "idempotency_key_missing, or validation_failed (a guest without email, a bad address...)")
    @APIResponse(responseCode = "409", description = "cart_empty; insufficient_stock with errors[{field: productId, message}]; price_changed; request_in_progress")
    @APIResponse(responseCode = "422", description = "idempotency_key_reused: the key was used with another body")
    @APIResponse(responseCode = "429", description = "rate_limited")
    @APIResponse(responseCode = "503", description = "payment_unavailable: stripe asked but not configured, or Stripe "
            + "failed (retry with the same key); service_unavailable: the database cannot be reached, retry after "
            + "Retry-After seconds with the same key")
    public Response checkout(
            @Parameter(description = "8 to 255 characters, the same for every retry of one checkout attempt", required = true)
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @Parameter(hidden = true) @CookieParam(GuestCartCookie.NAME) String guestToken,
            @Valid @NotNull CheckoutRequest body) {
        Checkout.Answer answer = checkout.checkout(owners.of(guestToken), idempotencyKey, body);
        return Response.status(answer.status()).type(MediaType.APPLICATION_JSON).entity(answer.body()).build();
    }
}
