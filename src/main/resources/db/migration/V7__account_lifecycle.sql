-- Password resets and guest invites: single-use tokens, stored only as SHA-256.

CREATE TABLE password_reset_token (
    token_hash bytea       PRIMARY KEY,
    user_id    uuid        NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    used_at    timestamptz,
    CONSTRAINT password_reset_token_hash_length CHECK (length(token_hash) = 32),
    CONSTRAINT password_reset_token_expiry_after_creation CHECK (expires_at > created_at)
);
CREATE INDEX password_reset_token_by_user ON password_reset_token (user_id) WHERE used_at IS NULL;

-- One invite per email address that placed a guest order; redeeming it at registration attaches that
-- address's guest orders to the new account.
CREATE TABLE guest_invite (
    email       text        PRIMARY KEY,
    token_hash  bytea       NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    redeemed_at timestamptz,
    redeemed_by uuid        REFERENCES app_user (id) ON DELETE SET NULL,
    CONSTRAINT guest_invite_token_unique UNIQUE (token_hash),
    CONSTRAINT guest_invite_email_normalised CHECK (email = lower(btrim(email)))
);
