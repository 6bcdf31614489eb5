-- Orders (snapshots of what was bought, at what price, shipped where), their status history, idempotency
-- keys for checkout, and the email outbox written in the same transaction as the change that causes a mail.

CREATE SEQUENCE order_number_seq START WITH 100001;

CREATE TABLE customer_order (
    id                  uuid        PRIMARY KEY,
    number              text        NOT NULL,
    user_id             uuid        REFERENCES app_user (id) ON DELETE SET NULL,
    email               text        NOT NULL,
    status              text        NOT NULL,
    currency            char(3)     NOT NULL,
    subtotal_cents      bigint      NOT NULL,
    shipping_cents      bigint      NOT NULL,
    tax_cents           bigint      NOT NULL,
    total_cents         bigint      NOT NULL,
    refunded_cents      bigint      NOT NULL DEFAULT 0,
    payment_provider    text        NOT NULL,
    payment_status      text        NOT NULL,
    payment_reference   text,
    payment_intent      text,
    payment_expires_at  timestamptz,
    tracking_number     text,
    tracking_token_hash bytea       NOT NULL,
    ship_full_name      text        NOT NULL,
    ship_line1          text        NOT NULL,
    ship_line2          text,
    ship_city           text        NOT NULL,
    ship_region         text,
    ship_postal_code    text        NOT NULL,
    ship_country        char(2)     NOT NULL,
    ship_phone          text,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    version             bigint      NOT NULL DEFAULT 0,
    CONSTRAINT customer_order_number_unique UNIQUE (number),
    CONSTRAINT customer_order_tracking_token_unique UNIQUE (tracking_token_hash),
    CONSTRAINT customer_order_status_known CHECK (status IN
        ('PENDING_PAYMENT', 'PAID', 'SHIPPED', 'DELIVERED', 'CANCELLED', 'REFUNDED')),
    CONSTRAINT customer_order_payment_provider_known CHECK (payment_provider IN ('stripe', 'manual')),
    CONSTRAINT customer_order_payment_status_known CHECK (payment_status IN
        ('pending', 'paid', 'failed', 'refunded', 'partially_refunded')),
    CONSTRAINT customer_order_amounts_nonnegative CHECK (subtotal_cents >= 0 AND shipping_cents >= 0 AND tax_cents >= 0),
    CONSTRAINT customer_order_total_adds_up CHECK (total_cents = subtotal_cents + shipping_cents + tax_cents),
    CONSTRAINT customer_order_refund_within_total CHECK (refunded_cents BETWEEN 0 AND total_cents),
    CONSTRAINT customer_order_country_alpha2 CHECK (ship_country ~ '^[A-Z]{2}$'),
    CONSTRAINT customer_order_email_normalised CHECK (email = lower(btrim(email)))
);
CREATE INDEX customer_order_by_user ON customer_order (user_id, created_at DESC, id DESC);
CREATE INDEX customer_order_by_created ON customer_order (created_at DESC, id DESC);
CREATE INDEX customer_order_by_status ON customer_order (status, created_at DESC);
CREATE INDEX customer_order_by_email ON customer_order (email, created_at DESC);
-- Serves the sweep of unpaid Stripe orders whose session has expired.
CREATE INDEX customer_order_awaiting_payment ON customer_order (payment_expires_at) WHERE status = 'PENDING_PAYMENT';

CREATE TABLE order_line (
    order_id         uuid    NOT NULL REFERENCES customer_order (id) ON DELETE CASCADE,
    line_no          integer NOT NULL,
    product_id       uuid    NOT NULL REFERENCES product (id),
    sku              text    NOT NULL,
    name             text    NOT NULL,
    unit_price_cents bigint  NOT NULL,
    quantity         integer NOT NULL,
    line_total_cents bigint  NOT NULL,
    PRIMARY KEY (order_id, line_no),
    CONSTRAINT order_line_price_nonnegative CHECK (unit_price_cents >= 0),
    CONSTRAINT order_line_quantity_positive CHECK (quantity > 0),
    CONSTRAINT order_line_total_adds_up CHECK (line_total_cents = unit_price_cents * quantity)
);
CREATE INDEX order_line_product ON order_line (product_id);

CREATE TABLE order_status_change (
    id          uuid        PRIMARY KEY,
    order_id    uuid        NOT NULL REFERENCES customer_order (id) ON DELETE CASCADE,
    from_status text,
    to_status   text        NOT NULL,
    at          timestamptz NOT NULL,
    actor       text        NOT NULL,
    note        text
);
CREATE INDEX order_status_change_by_order ON order_status_change (order_id, at);

-- Idempotency-Key records, scoped to a user or a guest cart. The row is claimed (in_progress) by a unique
-- insert before the work starts and completed in the same transaction as the work.
CREATE TABLE idempotency_key (
    scope           text        NOT NULL,
    key             text        NOT NULL,
    request_hash    bytea       NOT NULL,
    status          text        NOT NULL,
    response_status integer,
    response_body   text,
    claimed_at      timestamptz NOT NULL,
    expires_at      timestamptz NOT NULL,
    PRIMARY KEY (scope, key),
    CONSTRAINT idempotency_key_status_known CHECK (status IN ('in_progress', 'completed')),
    CONSTRAINT idempotency_key_completed_has_response CHECK (status = 'in_progress' OR response_status IS NOT NULL)
);
CREATE INDEX idempotency_key_expiry ON idempotency_key (expires_at);

-- Emails to send, written in the transaction of their cause; a dispatcher delivers them.
CREATE TABLE outbox_email (
    id              uuid        PRIMARY KEY,
    kind            text        NOT NULL,
    recipient       text        NOT NULL,
    payload         text        NOT NULL,
    dedupe_key      text,
    status          text        NOT NULL DEFAULT 'pending',
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error      text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    sent_at         timestamptz,
    CONSTRAINT outbox_email_dedupe_unique UNIQUE (dedupe_key),
    CONSTRAINT outbox_email_status_known CHECK (status IN ('pending', 'sent', 'dead')),
    CONSTRAINT outbox_email_attempts_nonnegative CHECK (attempts >= 0)
);
CREATE INDEX outbox_email_due ON outbox_email (next_attempt_at) WHERE status = 'pending';
