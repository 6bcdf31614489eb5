package com.acme.shop.identity;

import com.acme.shop.identity.dto.AdminUserDto;
import com.acme.shop.identity.dto.UserDto;
import com.acme.shop.platform.Page;
import com.acme.shop.platform.PageRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/admin/users")
@Tag(name = "Admin users")
@RolesAllowed(Role.ADMIN_NAME)
@Produces(MediaType.APPLICATION_JSON)
public class AdminUserResource {

    private final AdminUsers users;

    AdminUserResource(AdminUsers users) {
        this.users = users;
    }

    @GET
    @Operation(operationId = "adminListUsers", summary = "Accounts, newest first; q matches part of the email or name")
    public Page<UserDto> adminListUsers(
            @Parameter(description = "Part of the email or name, case-insensitive")
            @QueryParam("q") @Size(max = 200, message = "must be at most 200 characters") String q,
            @Valid @BeanParam PageRequest page) {
        return users.list(q, page);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "adminGetUser", summary = "An account with its order count and money spent")
    @APIResponse(responseCode = "200", description = "The account")
    @APIResponse(responseCode = "404", description = "not_found")
    public AdminUserDto adminGetUser(@PathParam("id") UUID id) {
        return users.get(id);
    }
}
