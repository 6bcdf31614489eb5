package com.acme.shop.identity.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TotpEnrollment", description = "A new pending secret; two-factor sign-in is on once a code from it is confirmed")
public record TotpEnrollment(
        @Schema(required = true, description = "The secret in Base32, for typing into an authenticator app") String secret,
        @Schema(required = true, description = "otpauth://totp/ URI (Key Uri Format), for a QR code") String otpauthUri) {
}
