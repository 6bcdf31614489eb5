-- Back office: refunds, the audit trail of admin changes, and the indexes behind the admin searches.

CREATE TABLE refund (
    id                 uuid        PRIMARY KEY,
    order_id           uuid        NOT NULL REFERENCES customer_order (id) ON DELETE CASCADE,
    amount_cents       bigint      NOT NULL,
    status             text        NOT NULL,
    reason             text,
    restock            boolean     NOT NULL DEFAULT false,
    provider_reference text,
    actor              text        NOT NULL,
    created_at         timestamptz NOT NULL,
    CONSTRAINT refund_amount_positive CHECK (amount_cents > 0),
    CONSTRAINT refund_status_known CHECK (status IN ('pending', 'succeeded', 'failed'))
);
CREATE INDEX refund_by_order ON refund (order_id, created_at);

-- Who changed what, when, with the state before and after (JSON text).
CREATE TABLE admin_audit (
    id          uuid        PRIMARY KEY,
    at          timestamptz NOT NULL DEFAULT now(),
    actor_id    uuid,
    actor       text        NOT NULL,
    action      text        NOT NULL,
    entity_type text        NOT NULL,
    entity_id   text,
    before      text,
    after       text
);
CREATE INDEX admin_audit_by_entity ON admin_audit (entity_type, entity_id, at DESC);
CREATE INDEX admin_audit_by_time ON admin_audit (at DESC);

CREATE INDEX customer_order_number_trgm ON customer_order USING gin (number gin_trgm_ops);
CREATE INDEX app_user_email_trgm ON app_user USING gin (email gin_trgm_ops);
CREATE INDEX app_user_name_trgm ON app_user USING gin (name gin_trgm_ops);
CREATE INDEX app_user_created ON app_user (created_at DESC, id DESC);
