package com.acme.shop.identity;

import com.acme.shop.identity.dto.UserDto;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/me")
@Tag(name = "Identity")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    private final Accounts accounts;
    private final JsonWebToken jwt;

    MeResource(Accounts accounts, JsonWebToken jwt) {
        this.accounts = accounts;
        this.jwt = jwt;
    }

    @GET
    @RolesAllowed({Role.CUSTOMER_NAME, Role.ADMIN_NAME})
    @Operation(operationId = "getMe", summary = "The signed-in user")
    public UserDto me() {
        return accounts.me(UUID.fromString(jwt.getSubject()));
    }
}
