package com.acme.shop.identity.dto;

import com.acme.shop.identity.Role;
import com.acme.shop.identity.User;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AdminUser")
public record AdminUserDto(
        @Schema(required = true) UUID id,
        @Schema(required = true) String email,
        @Schema(required = true) String name,
        @Schema(required = true, enumeration = {"customer", "admin"}, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING) Role role,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) long orderCount,
        @Schema(required = true, description = "Paid and not refunded, in minor units") long totalSpentCents) {

    public static AdminUserDto of(User user, long orderCount, long totalSpentCents) {
        return new AdminUserDto(user.id, user.email, user.name, user.role, user.createdAt, orderCount, totalSpentCents);
    }
}
