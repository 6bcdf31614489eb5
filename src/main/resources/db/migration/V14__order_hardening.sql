-- Retention sweeps (issue 19): processed Stripe events are purged after 30 days, and mails that failed for good
-- lose their payload (reset and invite links) after SHOP_MAIL_DEAD_RETENTION. Each sweep takes its batch oldest
-- first with SKIP LOCKED; these indexes keep that a range scan as the tables grow.
CREATE INDEX stripe_event_received ON stripe_event (received_at);
CREATE INDEX outbox_email_dead_with_payload ON outbox_email (created_at) WHERE status = 'dead' AND payload <> '{}';
