-- Identity hardening: sessions that end a fixed time after their login however often they rotate.

-- When the login that started a refresh-token family happened; every rotation copies it to the new token, and
-- the rotating statement refuses a family older than its role's maximum age (SHOP_SESSION_MAX_AGE,
-- SHOP_ADMIN_SESSION_MAX_AGE). Existing families start at their oldest token still stored.
ALTER TABLE refresh_token ADD COLUMN family_started_at timestamptz;
UPDATE refresh_token t SET family_started_at = f.started
FROM (SELECT family_id, min(created_at) AS started FROM refresh_token GROUP BY family_id) f
WHERE f.family_id = t.family_id;
ALTER TABLE refresh_token ALTER COLUMN family_started_at SET NOT NULL;
ALTER TABLE refresh_token ADD CONSTRAINT refresh_token_family_started_before_creation
    CHECK (family_started_at <= created_at);

-- Two-factor sign-in (TOTP, RFC 6238). An enrollment stores a pending secret; confirming it with a code moves it
-- to totp_secret, which turns two-factor sign-in on. totp_last_step is the time step of the last code accepted:
-- a code is accepted only by the guarded UPDATE that raises it, so a code is used once, even when two instances
-- check it at the same moment. The secrets are 160 bits (what authenticator apps expect).
ALTER TABLE app_user
    ADD COLUMN totp_secret         bytea,
    ADD COLUMN totp_pending_secret bytea,
    ADD COLUMN totp_enabled_at     timestamptz,
    ADD COLUMN totp_last_step      bigint,
    ADD CONSTRAINT app_user_totp_secret_length CHECK (length(totp_secret) = 20),
    ADD CONSTRAINT app_user_totp_pending_secret_length CHECK (length(totp_pending_secret) = 20),
    ADD CONSTRAINT app_user_totp_enabled_when_secret CHECK ((totp_secret IS NULL) = (totp_enabled_at IS NULL));

-- Retention (ExpiredTokenSweep): refresh tokens are purged past their expiry (refresh_token_expires) or when
-- their session is older than any role's maximum age.
CREATE INDEX refresh_token_family_started ON refresh_token (family_started_at);
