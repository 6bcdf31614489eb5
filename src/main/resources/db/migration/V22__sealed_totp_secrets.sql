-- Two-factor secrets may be stored sealed (identity/TotpSecrets, with SHOP_TOTP_KEY): a version byte (1), a 12-byte
-- nonce, the 20-byte secret under AES-256-GCM and its 16-byte tag, 49 bytes; or as they are, 20 bytes.
ALTER TABLE app_user
    DROP CONSTRAINT app_user_totp_secret_length,
    DROP CONSTRAINT app_user_totp_pending_secret_length,
    ADD CONSTRAINT app_user_totp_secret_length
        CHECK (length(totp_secret) = 20 OR (length(totp_secret) = 49 AND get_byte(totp_secret, 0) = 1)),
    ADD CONSTRAINT app_user_totp_pending_secret_length
        CHECK (length(totp_pending_secret) = 20 OR (length(totp_pending_secret) = 49 AND get_byte(totp_pending_secret, 0) = 1));
