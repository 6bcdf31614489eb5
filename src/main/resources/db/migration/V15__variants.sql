-- Variants, options and images (issue 16). A product has 0 to 3 options (Size, Colour), each with its values, and
-- one or more variants: what is actually sold, each with its own sku, price and stock. Stock moves from the product
-- to its variants (checkout takes it there, by one guarded UPDATE per variant); product.sku, product.price_cents and
-- product.image_url stay, kept by the catalog as the v1 view (first variant's sku, lowest active variant price,
-- first image), so the storefront's price sort keeps its index. Every existing product becomes one default variant
-- (no options) carrying its sku, price and stock; cart and order lines gain the variant they hold.

CREATE TABLE product_option (
    product_id uuid     NOT NULL REFERENCES product (id) ON DELETE CASCADE,
    position   smallint NOT NULL,
    name       text     NOT NULL,
    PRIMARY KEY (product_id, position),
    CONSTRAINT product_option_at_most_three CHECK (position BETWEEN 0 AND 2),
    CONSTRAINT product_option_name_unique UNIQUE (product_id, name),
    CONSTRAINT product_option_name_present CHECK (length(btrim(name)) BETWEEN 1 AND 50)
);

CREATE TABLE product_option_value (
    product_id      uuid     NOT NULL,
    option_position smallint NOT NULL,
    position        smallint NOT NULL,
    value           text     NOT NULL,
    PRIMARY KEY (product_id, option_position, position),
    CONSTRAINT product_option_value_unique UNIQUE (product_id, option_position, value),
    CONSTRAINT product_option_value_present CHECK (length(btrim(value)) BETWEEN 1 AND 100),
    FOREIGN KEY (product_id, option_position) REFERENCES product_option (product_id, position) ON DELETE CASCADE
);

-- combination_key is the variant's options as canonical JSON ({"Size":"M","Colour":"Red"} in option order; '{}'
-- for a product without options). One active variant per combination: the unique index below. An archived variant
-- keeps its key (it names what orders bought) and is never deleted.
CREATE TABLE product_variant (
    id              uuid        PRIMARY KEY,
    product_id      uuid        NOT NULL REFERENCES product (id) ON DELETE CASCADE,
    sku             text        NOT NULL,
    price_cents     bigint      NOT NULL,
    stock           integer     NOT NULL,
    active          boolean     NOT NULL DEFAULT true,
    image_url       text,
    position        integer     NOT NULL,
    combination_key text        NOT NULL DEFAULT '{}',
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT product_variant_sku_unique UNIQUE (sku),
    CONSTRAINT product_variant_stock_nonnegative CHECK (stock >= 0),
    CONSTRAINT product_variant_price_nonnegative CHECK (price_cents >= 0),
    CONSTRAINT product_variant_sku_format CHECK (sku ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$'),
    CONSTRAINT product_variant_position_nonnegative CHECK (position >= 0)
);
CREATE UNIQUE INDEX product_variant_one_combination ON product_variant (product_id, combination_key) WHERE active;
CREATE INDEX product_variant_by_product ON product_variant (product_id, position);

-- Which value of each option a variant has; the foreign key makes it one of its option's values.
CREATE TABLE product_variant_option_value (
    variant_id      uuid     NOT NULL REFERENCES product_variant (id) ON DELETE CASCADE,
    product_id      uuid     NOT NULL,
    option_position smallint NOT NULL,
    value           text     NOT NULL,
    PRIMARY KEY (variant_id, option_position),
    FOREIGN KEY (product_id, option_position, value)
        REFERENCES product_option_value (product_id, option_position, value) ON DELETE CASCADE
);
CREATE INDEX product_variant_option_value_by_value ON product_variant_option_value (product_id, option_position, value);

CREATE TABLE product_image (
    product_id uuid     NOT NULL REFERENCES product (id) ON DELETE CASCADE,
    position   smallint NOT NULL,
    url        text     NOT NULL,
    alt        text,
    PRIMARY KEY (product_id, position),
    CONSTRAINT product_image_position_range CHECK (position BETWEEN 0 AND 49),
    CONSTRAINT product_image_url_format CHECK (url ~ '^https?://\S+$' AND length(url) <= 2048),
    CONSTRAINT product_image_alt_length CHECK (alt IS NULL OR length(alt) <= 500)
);

-- Every product so far becomes its one default variant: same sku, price and stock.
INSERT INTO product_variant (id, product_id, sku, price_cents, stock, active, position, combination_key, created_at,
                             updated_at)
SELECT gen_random_uuid(), id, sku, price_cents, stock, true, 0, '{}', created_at, updated_at FROM product;

INSERT INTO product_image (product_id, position, url)
SELECT id, 0, image_url FROM product WHERE image_url IS NOT NULL;

-- The stock now lives on the variants only: one owner, no second copy to keep in step.
ALTER TABLE product DROP COLUMN stock;

-- Cart lines are keyed by variant; existing lines hold their product's default variant.
ALTER TABLE cart_line ADD COLUMN variant_id uuid REFERENCES product_variant (id);
UPDATE cart_line l SET variant_id = v.id FROM product_variant v WHERE v.product_id = l.product_id;
ALTER TABLE cart_line ALTER COLUMN variant_id SET NOT NULL;
ALTER TABLE cart_line DROP CONSTRAINT cart_line_pkey;
ALTER TABLE cart_line ADD PRIMARY KEY (cart_id, variant_id);
CREATE INDEX cart_line_variant ON cart_line (variant_id);

-- Order lines name the variant bought and keep its options as they were (a snapshot, like sku and name).
ALTER TABLE order_line ADD COLUMN variant_id uuid REFERENCES product_variant (id);
ALTER TABLE order_line ADD COLUMN options text NOT NULL DEFAULT '{}';
UPDATE order_line l SET variant_id = v.id FROM product_variant v WHERE v.product_id = l.product_id;
ALTER TABLE order_line ALTER COLUMN variant_id SET NOT NULL;
CREATE INDEX order_line_variant ON order_line (variant_id);
