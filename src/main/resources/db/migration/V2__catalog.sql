-- The catalog. Trigram indexes serve the case-insensitive substring search (ILIKE '%q%') on name,
-- description and sku; partial indexes on active products serve each public sort order.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE product (
    id          uuid        PRIMARY KEY,
    sku         text        NOT NULL,
    slug        text        NOT NULL,
    name        text        NOT NULL,
    description text,
    price_cents bigint      NOT NULL,
    stock       integer     NOT NULL,
    active      boolean     NOT NULL DEFAULT true,
    image_url   text,
    version     bigint      NOT NULL DEFAULT 0,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT product_sku_unique UNIQUE (sku),
    CONSTRAINT product_slug_unique UNIQUE (slug),
    CONSTRAINT product_price_nonnegative CHECK (price_cents >= 0),
    CONSTRAINT product_stock_nonnegative CHECK (stock >= 0),
    CONSTRAINT product_sku_format CHECK (sku ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$'),
    CONSTRAINT product_slug_format CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 120),
    CONSTRAINT product_name_present CHECK (length(btrim(name)) BETWEEN 1 AND 200)
);

CREATE INDEX product_active_newest ON product (created_at DESC, id DESC) WHERE active;
CREATE INDEX product_active_price ON product (price_cents, id) WHERE active;
CREATE INDEX product_active_name ON product (lower(name), id) WHERE active;
CREATE INDEX product_all_newest ON product (created_at DESC, id DESC);
CREATE INDEX product_name_trgm ON product USING gin (name gin_trgm_ops);
CREATE INDEX product_description_trgm ON product USING gin (description gin_trgm_ops);
CREATE INDEX product_sku_trgm ON product USING gin (sku gin_trgm_ops);
-- Serves the range scans that find the "-N" forms of a derived slug, whatever the database collation.
CREATE INDEX product_slug_bytewise ON product ((slug COLLATE "C"));
