-- Accounts, refresh-token families and the shared rate-limit counters.

CREATE TABLE app_user (
    id            uuid        PRIMARY KEY,
    email         text        NOT NULL,
    name          text        NOT NULL,
    password_hash text        NOT NULL,
    role          text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT app_user_email_unique UNIQUE (email),
    -- Emails are case-insensitive: only the normalised form is ever stored.
    CONSTRAINT app_user_email_normalised CHECK (email = lower(btrim(email)) AND length(email) BETWEEN 3 AND 254),
    CONSTRAINT app_user_role_known CHECK (role IN ('customer', 'admin')),
    CONSTRAINT app_user_name_present CHECK (length(btrim(name)) BETWEEN 1 AND 100)
);

-- Rotating refresh tokens. Only a SHA-256 of the token is stored. All tokens descended from one login share
-- a family; presenting a token that was already rotated revokes the whole family (RFC 9700 reuse detection).
CREATE TABLE refresh_token (
    id          uuid        PRIMARY KEY,
    user_id     uuid        NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    family_id   uuid        NOT NULL,
    token_hash  bytea       NOT NULL,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    revoked_at  timestamptz,
    replaced_by uuid        REFERENCES refresh_token (id) ON DELETE SET NULL,
    CONSTRAINT refresh_token_hash_unique UNIQUE (token_hash),
    CONSTRAINT refresh_token_hash_length CHECK (length(token_hash) = 32),
    CONSTRAINT refresh_token_expiry_after_creation CHECK (expires_at > created_at)
);
CREATE INDEX refresh_token_live_by_family ON refresh_token (family_id) WHERE revoked_at IS NULL;
CREATE INDEX refresh_token_live_by_user ON refresh_token (user_id) WHERE revoked_at IS NULL;
CREATE INDEX refresh_token_expires ON refresh_token (expires_at);

-- Fixed-window counters behind every rate limit, shared by all instances.
CREATE TABLE rate_limit_counter (
    bucket       text        NOT NULL,
    subject      text        NOT NULL,
    window_start timestamptz NOT NULL,
    hits         integer     NOT NULL,
    PRIMARY KEY (bucket, subject),
    CONSTRAINT rate_limit_counter_hits_nonnegative CHECK (hits >= 0)
);
CREATE INDEX rate_limit_counter_window ON rate_limit_counter (window_start);
