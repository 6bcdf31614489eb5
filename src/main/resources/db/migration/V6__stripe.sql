-- Stripe: each webhook event id takes effect once (recorded in the transaction of its effect); orders are
-- found by their Checkout Session and PaymentIntent; a confirmation mail can wait ("held") until payment.

CREATE TABLE stripe_event (
    id          text        PRIMARY KEY,
    type        text        NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX customer_order_payment_reference ON customer_order (payment_reference) WHERE payment_reference IS NOT NULL;
CREATE INDEX customer_order_payment_intent ON customer_order (payment_intent) WHERE payment_intent IS NOT NULL;

ALTER TABLE outbox_email DROP CONSTRAINT outbox_email_status_known;
ALTER TABLE outbox_email ADD CONSTRAINT outbox_email_status_known CHECK (status IN ('held', 'pending', 'sent', 'dead'));
