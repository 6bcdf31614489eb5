package com.acme.shop.identity.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AuthResponse", description = "The refresh token travels only in the httpOnly cookie refresh_token")
public record AuthResponse(
        @Schema(required = true) String accessToken,
        @Schema(required = true, enumeration = "Bearer") String tokenType,
        @Schema(required = true, description = "Seconds until the access token expires") long expiresIn,
        @Schema(required = true) UserDto user) {

    public static AuthResponse bearer(String accessToken, long expiresIn, UserDto user) {
        return new AuthResponse(accessToken, "Bearer", expiresIn, user);
    }
}
