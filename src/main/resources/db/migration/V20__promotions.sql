-- Promotions and discount codes (issue 17). The promotion feature owns promotion, promotion_category,
-- promotion_customer_use and promotion_redemption; the limits hold in these rows, not in memory, so they hold across
-- any number of instances: a use is one guarded UPDATE of promotion.used_count (it cannot pass usage_limit, and the
-- CHECK below says so again), a customer's use one guarded upsert of their promotion_customer_use row.
CREATE TABLE promotion (
    id                 uuid        PRIMARY KEY,
    code               text        NOT NULL,
    type               text        NOT NULL,
    value              bigint      NOT NULL,
    min_subtotal_cents bigint      NOT NULL DEFAULT 0,
    starts_at          timestamptz,
    ends_at            timestamptz,
    usage_limit        integer,
    per_customer_limit integer,
    used_count         integer     NOT NULL DEFAULT 0,
    active             boolean     NOT NULL DEFAULT true,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT promotion_code_length CHECK (length(code) BETWEEN 1 AND 64 AND code = btrim(code)),
    CONSTRAINT promotion_type_known CHECK (type IN ('percent', 'fixed', 'free_shipping')),
    CONSTRAINT promotion_value_per_type CHECK (
        (type = 'percent' AND value BETWEEN 1 AND 10000)
        OR (type = 'fixed' AND value > 0)
        OR (type = 'free_shipping' AND value = 0)),
    CONSTRAINT promotion_min_subtotal_not_negative CHECK (min_subtotal_cents >= 0),
    CONSTRAINT promotion_window_ordered CHECK (starts_at IS NULL OR ends_at IS NULL OR ends_at > starts_at),
    CONSTRAINT promotion_usage_limit_not_negative CHECK (usage_limit IS NULL OR usage_limit >= 0),
    CONSTRAINT promotion_per_customer_limit_positive CHECK (per_customer_limit IS NULL OR per_customer_limit >= 1),
    CONSTRAINT promotion_used_count_not_negative CHECK (used_count >= 0),
    CONSTRAINT promotion_used_within_limit CHECK (usage_limit IS NULL OR used_count <= usage_limit)
);
CREATE UNIQUE INDEX promotion_code_unique ON promotion (lower(code));
CREATE INDEX promotion_created ON promotion (created_at DESC, id);

-- A promotion limited to categories discounts the lines whose product is filed under one of them or a descendant.
-- A deleted category leaves the promotions it limited.
CREATE TABLE promotion_category (
    promotion_id uuid NOT NULL REFERENCES promotion (id) ON DELETE CASCADE,
    category_id  uuid NOT NULL REFERENCES category (id) ON DELETE CASCADE,
    PRIMARY KEY (promotion_id, category_id)
);
CREATE INDEX promotion_category_category ON promotion_category (category_id);

-- Uses per customer: an account ('user:' || id) or a guest's email ('email:' || lower(email)). Held uses only: a
-- released redemption gives its use back here too.
CREATE TABLE promotion_customer_use (
    promotion_id uuid    NOT NULL REFERENCES promotion (id) ON DELETE CASCADE,
    customer_key text    NOT NULL,
    used         integer NOT NULL,
    PRIMARY KEY (promotion_id, customer_key),
    CONSTRAINT promotion_customer_use_not_negative CHECK (used >= 0)
);

-- One redemption per order: 'held' while the order counts against the limits, 'released' once an order cancelled
-- before payment gave its use back (exactly once: the release is a guarded held -> released update).
CREATE TABLE promotion_redemption (
    order_id       uuid        PRIMARY KEY,
    promotion_id   uuid        NOT NULL REFERENCES promotion (id),
    customer_key   text        NOT NULL,
    discount_cents bigint      NOT NULL,
    state          text        NOT NULL DEFAULT 'held',
    created_at     timestamptz NOT NULL DEFAULT now(),
    released_at    timestamptz,
    CONSTRAINT promotion_redemption_state_known CHECK (state IN ('held', 'released')),
    CONSTRAINT promotion_redemption_released_at CHECK ((state = 'released') = (released_at IS NOT NULL)),
    CONSTRAINT promotion_redemption_discount_not_negative CHECK (discount_cents >= 0)
);
CREATE INDEX promotion_redemption_promotion ON promotion_redemption (promotion_id);

-- The code a shopper applied to their cart: the cart's own state (written by the cart feature, as its lines are,
-- under the cart's lock, and carried by the guest-cart merge); whether it still discounts anything is the promotion
-- feature's answer each time the cart is shown or checked out.
ALTER TABLE cart ADD COLUMN promotion_code text;
ALTER TABLE cart ADD CONSTRAINT cart_promotion_code_length CHECK (promotion_code IS NULL OR length(promotion_code) BETWEEN 1 AND 64);

-- The order's discount and each line's share of it (the lines' shares add up to the order's).
ALTER TABLE customer_order ADD COLUMN discount_cents bigint NOT NULL DEFAULT 0;
ALTER TABLE customer_order ADD COLUMN promotion_code text;
ALTER TABLE customer_order ADD CONSTRAINT customer_order_discount_within_subtotal
    CHECK (discount_cents >= 0 AND discount_cents <= subtotal_cents);
ALTER TABLE order_line ADD COLUMN discount_cents bigint NOT NULL DEFAULT 0;
ALTER TABLE order_line ADD CONSTRAINT order_line_discount_within_total
    CHECK (discount_cents >= 0 AND discount_cents <= line_total_cents);
ALTER TABLE customer_order DROP CONSTRAINT customer_order_total_adds_up;
ALTER TABLE customer_order ADD CONSTRAINT customer_order_total_adds_up
    CHECK (total_cents = subtotal_cents - discount_cents + shipping_cents + tax_cents);
