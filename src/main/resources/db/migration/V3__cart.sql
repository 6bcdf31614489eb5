-- Carts: one per user, or a guest cart found by the SHA-256 of its cart_token cookie.
CREATE TABLE cart (
    id         uuid        PRIMARY KEY,
    user_id    uuid        REFERENCES app_user (id) ON DELETE CASCADE,
    token_hash bytea,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT cart_user_unique UNIQUE (user_id),
    CONSTRAINT cart_token_unique UNIQUE (token_hash),
    CONSTRAINT cart_owned_by_user_or_guest CHECK ((user_id IS NULL) <> (token_hash IS NULL)),
    CONSTRAINT cart_token_hash_length CHECK (token_hash IS NULL OR length(token_hash) = 32)
);
-- Serves the purge of idle guest carts.
CREATE INDEX cart_guest_idle ON cart (updated_at) WHERE user_id IS NULL;

CREATE TABLE cart_line (
    cart_id    uuid        NOT NULL REFERENCES cart (id) ON DELETE CASCADE,
    product_id uuid        NOT NULL REFERENCES product (id),
    quantity   integer     NOT NULL,
    added_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (cart_id, product_id),
    CONSTRAINT cart_line_quantity_range CHECK (quantity BETWEEN 1 AND 99)
);
CREATE INDEX cart_line_product ON cart_line (product_id);
