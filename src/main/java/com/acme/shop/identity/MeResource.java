package com.acme.shop.identity;

import com.acme.shop.identity.dto.PasswordChange;
import com.acme.shop.identity.dto.TotpConfirm;
import com.acme.shop.identity.dto.TotpEnrollment;
import com.acme.shop.identity.dto.UserDto;
import com.acme.shop.platform.RateLimited;
import jakarta.annotation.security.RolesAllowed;
import jakarta.json.JsonString;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/v1/me")
@Tag(name = "Identity")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    private final Accounts accounts;
    private final JsonWebToken jwt;
    private final TwoFactorSignIn twoFactor;

    MeResource(Accounts accounts, JsonWebToken jwt, TwoFactorSignIn twoFactor) {
        this.twoFactor = twoFactor;
        this.accounts = accounts;
        this.jwt = jwt;
    }

    @GET
    @RolesAllowed({Role.CUSTOMER_NAME, Role.ADMIN_NAME})
    @Operation(operationId = "getMe", summary = "The signed-in user")
    public UserDto me() {
        return accounts.me(userId());
    }

    @POST
    @Path("/password")
    @RateLimited("auth")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.CUSTOMER_NAME, Role.ADMIN_NAME})
    @Operation(operationId = "changePassword", summary = "Change the signed-in user's password; signs out every other session")
    @APIResponse(responseCode = "204", description = "Changed; the calling session stays signed in, every other one is revoked")
    @APIResponse(responseCode = "400", description = "invalid_credentials: the current password is wrong; or validation_failed (the new password must be 8 to 128 characters)")
    @APIResponse(responseCode = "409", description = "conflict: the password was changed by another request meanwhile")
    @APIResponse(responseCode = "429", description = "rate_limited: too many wrong passwords (login failures) for this account")
    public RestResponse<Void> changePassword(@Valid @NotNull PasswordChange body) {
        accounts.changePassword(userId(), sessionId(), body.currentPassword(), body.newPassword());
        return RestResponse.noContent();
    }

    @POST
    @Path("/totp")
    @RateLimited("auth")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Role.CUSTOMER_NAME, Role.ADMIN_NAME})
    @Operation(operationId = "enrollTotp", summary = "Start two-factor sign-in: a new pending authenticator secret")
    @APIResponse(responseCode = "200", description = "The pending secret and its otpauth URI; confirm a code to turn two-factor sign-in on",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TotpEnrollment.class)))
    @APIResponse(responseCode = "409", description = "conflict: two-factor sign-in is already on (an operator resets it with SHOP_TOTP_RESET)")
    @APIResponse(responseCode = "429", description = "rate_limited")
    public TotpEnrollment enrollTotp() {
        return twoFactor.enroll(userId());
    }

    @POST
    @Path("/totp/confirm")
    @RateLimited("auth")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.CUSTOMER_NAME, Role.ADMIN_NAME})
    @Operation(operationId = "confirmTotp", summary = "Turn two-factor sign-in on with a code of the pending secret")
    @APIResponse(responseCode = "204", description = "Two-factor sign-in is on: login now needs otp")
    @APIResponse(responseCode = "400", description = "invalid_token: the code is wrong, or there is no pending enrollment; or validation_failed")
    @APIResponse(responseCode = "429", description = "rate_limited")
    public RestResponse<Void> confirmTotp(@Valid @NotNull TotpConfirm body) {
        twoFactor.confirm(userId(), body.code().trim());
        return RestResponse.noContent();
    }

    private UUID userId() {
        return UUID.fromString(jwt.getSubject());
    }

    /** The session the access token was issued in; tokens issued before sessions were named have none. */
    private Optional<UUID> sessionId() {
        Object claim = jwt.getClaim(AccessTokens.SESSION_CLAIM);
        String value = claim instanceof JsonString json ? json.getString() : claim instanceof String s ? s : null;
        try {
            return Optional.ofNullable(value).map(UUID::fromString);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
