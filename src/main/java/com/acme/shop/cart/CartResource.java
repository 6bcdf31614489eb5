package com.acme.shop.cart;

import com.acme.shop.cart.dto.AddCartItem;
import com.acme.shop.cart.dto.ApplyPromotion;
import com.acme.shop.cart.dto.CartDto;
import com.acme.shop.cart.dto.SetCartItemQuantity;
import com.acme.shop.platform.ClientAddresses;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The caller's cart: the user's with a bearer token, else the guest cart behind the httpOnly cookie
 * {@code cart_token} (set on the first write).
 */
@Path("/v1/cart")
@Tag(name = "Cart")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CartResource {

    private final Carts carts;
    private final CartOwners owners;
    private final GuestCartCookie cookie;
    private final ClientAddresses clients;

    CartResource(Carts carts, CartOwners owners, GuestCartCookie cookie, ClientAddresses clients) {
        this.carts = carts;
        this.owners = owners;
        this.cookie = cookie;
        this.clients = clients;
    }

    @GET
    @Operation(operationId = "getCart", summary = "The caller's cart (an empty one if there is none yet)")
    public CartDto getCart(@Parameter(hidden = true) @CookieParam(GuestCartCookie.NAME) String guestToken) {
        return carts.view(owners.of(guestToken));
    }

    @POST
    @Path("/items")
    @Operation(operationId = "addCartItem", summary = "Add units of a product (added to an existing line)")
    @APIResponse(responseCode = "200", description = "The cart; a guest's first write sets the cart_token cookie")
    @APIResponse(responseCode = "400", description = "validation_failed; naming variantId when the product has several variants and none is given")
    @APIResponse(responseCode = "404", description = "not_found: unknown or archived product, or a variant not of this product (or archived)")
    @APIResponse(responseCode = "409", description = "insufficient_stock: errors[{field: the line's key, message}]")
    public RestResponse<CartDto> addCartItem(@Parameter(hidden = true) @CookieParam(GuestCartCookie.NAME) String guestToken,
            @Valid @NotNull AddCartItem body) {
        Carts.Written written = carts.add(owners.of(guestToken), body.productId(), body.variantId(), body.quantity());
        RestResponse.ResponseBuilder<CartDto> response = RestResponse.ResponseBuilder.ok(written.cart());
        if (written.newGuestToken() != null) {
            response.cookie(cookie.issue(written.newGuestToken()));
        }
        return response.build();
    }

    @PATCH
    @Path("/items/{key}")
    @Operation(operationId = "setCartItemQuantity", summary = "Set a line's quantity (0 removes it); the key is the "
            + "line's variantId, or the product id for a product with a single variant")
    @APIResponse(responseCode = "200", description = "The cart")
    @APIResponse(responseCode = "404", description = "not_found: the cart has no such line")
    @APIResponse(responseCode = "409", description = "insufficient_stock: errors[{field: the line's key, message}]")
    public CartDto setCartItemQuantity(@Parameter(hidden = true) @CookieParam(GuestCartCookie.NAME) String guestToken,
            @Parameter(description = "The line's variantId, or the product id for a product with a single variant")
            @PathParam("key") UUID key, @Valid @NotNull SetCartItemQuantity body) {
        return carts.setQuantity(owners.of(guestToken), key, body.quantity());
    }

    @DELETE
    @Path("/items/{key}")
    @Operation(operationId = "removeCartItem", summary = "Remove a line (by variantId, or the product id for a product "
            + "with a single variant)")
    @APIResponse(responseCode = "200", description = "The cart")
    public CartDto removeCartItem(@Parameter(hidden = true) @CookieParam(GuestCartCookie.NAME) String guestToken,
            @Parameter(description = "The line's variantId, or the product id for a product with a single variant")
            @PathParam("key") UUID key) {
        return carts.remove(owners.of(guestToken), key);
    }

    @POST
    @Path("/promotions")
    @Operation(operationId = "applyCartPromotion", summary = "Apply a discount code (one per cart: it replaces the cart's code)")
    @APIResponse(responseCode = "200", description = "The cart with the code's discount")
    @APIResponse(responseCode = "409", description = "promotion_exhausted: the code's usage limit is reached")
    @APIResponse(responseCode = "422", description = "promotion_invalid: unknown, inactive, not started, ended, below its "
            + "minimum subtotal, or matching nothing in the cart")
    @APIResponse(responseCode = "429", description = "rate_limited, when RATE_LIMIT_PROMOTION_FAILURES is set: that many "
            + "codes did not apply from this address in 15 minutes; Retry-After says when to try again")
    public CartDto applyCartPromotion(@Parameter(hidden = true) @CookieParam(GuestCartCookie.NAME) String guestToken,
            @Valid @NotNull ApplyPromotion body, @Context HttpServerRequest request) {
        return carts.applyPromotion(owners.of(guestToken), body.code(), clients.rateLimitKey(request));
    }

    @DELETE
    @Path("/promotions/{code}")
    @Operation(operationId = "removeCartPromotion", summary = "Remove the cart's code")
    @APIResponse(responseCode = "200", description = "The cart")
    public CartDto removeCartPromotion(@Parameter(hidden = true) @CookieParam(GuestCartCookie.NAME) String guestToken,
            @PathParam("code") String code) {
        return carts.removePromotion(owners.of(guestToken), code);
    }

    @DELETE
    @Operation(operationId = "clearCart", summary = "Empty the cart")
    @APIResponse(responseCode = "204", description = "Emptied")
    public void clearCart(@Parameter(hidden = true) @CookieParam(GuestCartCookie.NAME) String guestToken) {
        carts.clear(owners.of(guestToken));
    }
}
