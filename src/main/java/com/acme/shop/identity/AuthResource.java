package com.acme.shop.identity;

import com.acme.shop.cart.Carts;
import com.acme.shop.cart.GuestCartCookie;
import com.acme.shop.identity.dto.AuthResponse;
import com.acme.shop.identity.dto.LoginRequest;
import com.acme.shop.identity.dto.PasswordResetConfirm;
import com.acme.shop.identity.dto.PasswordResetRequest;
import com.acme.shop.identity.dto.RegisterRequest;
import com.acme.shop.platform.RateLimited;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/v1/auth")
@Tag(name = "Identity")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AuthResource {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(AuthResource.class);

    private final Accounts accounts;
    private final AuthCookies cookies;
    private final AccessTokens accessTokens;
    private final Carts carts;
    private final GuestCartCookie guestCartCookie;
    private final PasswordResets resets;

    AuthResource(Accounts accounts, AuthCookies cookies, AccessTokens accessTokens, Carts carts,
            GuestCartCookie guestCartCookie, PasswordResets resets) {
        this.resets = resets;
        this.accounts = accounts;
        this.cookies = cookies;
        this.accessTokens = accessTokens;
        this.carts = carts;
        this.guestCartCookie = guestCartCookie;
    }

    /** Signs the session in: refresh cookie set, and a guest cart brought along merged into the user's cart. */
    private RestResponse<AuthResponse> signedIn(RestResponse.Status status, Accounts.Session session, String guestCart) {
        RestResponse.ResponseBuilder<AuthResponse> response = RestResponse.ResponseBuilder
                .create(status, session.response(accessTokens.ttlSeconds()))
                .cookie(cookies.refresh(session.refreshToken()));
        if (guestCart != null) {
            try {
                carts.mergeGuestCart(guestCart, session.user().id);
                response.cookie(guestCartCookie.clear());
            } catch (RuntimeException e) {
                // The sign-in stands; the guest cart and its cookie stay, and the next sign-in merges it.
                LOG.warnf(e, "Could not merge a guest cart into the cart of user %s", session.user().id);
            }
        }
        return response.build();
    }

    @POST
    @Path("/register")
    @RateLimited("auth")
    @Operation(operationId = "register", summary = "Create a customer account and sign in")
    @APIResponse(responseCode = "201", description = "Signed in; the refresh token is set as the httpOnly cookie refresh_token; a guest cart_token cart is merged into the account's cart and its cookie cleared",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuthResponse.class)))
    @APIResponse(responseCode = "409", description = "email_taken")
    @APIResponse(responseCode = "429", description = "rate_limited")
    public RestResponse<AuthResponse> register(
            @Parameter(hidden = true) @CookieParam(GuestCartCookie.NAME) String guestCart,
            @Valid @NotNull RegisterRequest body) {
        return signedIn(RestResponse.Status.CREATED, accounts.register(body), guestCart);
    }

    @POST
    @Path("/login")
    @RateLimited("auth")
    @Operation(operationId = "login", summary = "Sign in with email and password")
    @APIResponse(responseCode = "200", description = "Signed in; the refresh token is set as the httpOnly cookie refresh_token; a guest cart_token cart is merged into the account's cart and its cookie cleared")
    @APIResponse(responseCode = "401", description = "invalid_credentials (also for an unknown email); mfa_required: two-factor sign-in is on and otp is missing, wrong or already used (counts as a failed login)")
    @APIResponse(responseCode = "429", description = "rate_limited: too many failed logins for this email, or too many requests from this address")
    public RestResponse<AuthResponse> login(
            @Parameter(hidden = true) @CookieParam(GuestCartCookie.NAME) String guestCart,
            @Valid @NotNull LoginRequest body) {
        return signedIn(RestResponse.Status.OK, accounts.login(body), guestCart);
    }

    @POST
    @Path("/refresh")
    @RateLimited("auth")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "refreshSession", summary = "Exchange the refresh cookie for a new access token; the cookie is rotated")
    @APIResponse(responseCode = "200", description = "A new access token; refresh_token cookie rotated")
    @APIResponse(responseCode = "401", description = "invalid_token: missing, unknown, expired or revoked; presenting a rotated token revokes its family")
    @APIResponse(responseCode = "429", description = "rate_limited")
    public RestResponse<AuthResponse> refresh(
            @Parameter(hidden = true) @CookieParam(AuthCookies.REFRESH) String refreshToken) {
        Accounts.Session session = accounts.refresh(refreshToken);
        return RestResponse.ResponseBuilder.ok(session.response(accessTokens.ttlSeconds()))
                .cookie(cookies.refresh(session.refreshToken())).build();
    }

    @POST
    @Path("/logout")
    @RateLimited("auth")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "logout", summary = "Revoke the refresh token's session and clear the cookie")
    @APIResponse(responseCode = "204", description = "Signed out")
    @APIResponse(responseCode = "429", description = "rate_limited")
    public RestResponse<Void> logout(@Parameter(hidden = true) @CookieParam(AuthCookies.REFRESH) String refreshToken) {
        accounts.logout(refreshToken);
        return RestResponse.ResponseBuilder.<Void>noContent().cookie(cookies.clearRefresh()).build();
    }

    @POST
    @Path("/password-reset")
    @RateLimited("auth")
    @Operation(operationId = "requestPasswordReset", summary = "Email a reset link if an account has this address")
    @APIResponse(responseCode = "202", description = "Accepted, always (whether or not the address has an account)")
    @APIResponse(responseCode = "429", description = "rate_limited")
    public RestResponse<Void> requestPasswordReset(@Valid @NotNull PasswordResetRequest body) {
        resets.request(body.email());
        return RestResponse.accepted();
    }

    @POST
    @Path("/password-reset/confirm")
    @RateLimited("auth")
    @Operation(operationId = "confirmPasswordReset", summary = "Set a new password with the emailed token; signs out every session")
    @APIResponse(responseCode = "204", description = "Password changed")
    @APIResponse(responseCode = "400", description = "invalid_token (unknown, expired after 1 h, or used), or validation_failed")
    @APIResponse(responseCode = "429", description = "rate_limited")
    public RestResponse<Void> confirmPasswordReset(@Valid @NotNull PasswordResetConfirm body) {
        resets.confirm(body.token(), body.password());
        return RestResponse.noContent();
    }
}
