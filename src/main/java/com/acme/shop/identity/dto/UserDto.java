package com.acme.shop.identity.dto;

import com.acme.shop.identity.Role;
import com.acme.shop.identity.User;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "User")
public record UserDto(
        @Schema(required = true) UUID id,
        @Schema(required = true) String email,
        @Schema(required = true) String name,
        @Schema(required = true, enumeration = {"customer", "admin"}, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING) Role role,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true, description = "Whether sign-in asks for a code of an authenticator app") boolean twoFactorEnabled) {

    public static UserDto of(User user) {
        return new UserDto(user.id, user.email, user.name, user.role, user.createdAt, user.twoFactorEnabled());
    }
}
