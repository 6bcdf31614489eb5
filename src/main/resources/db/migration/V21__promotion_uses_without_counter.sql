-- A code without a usage limit keeps no counter (issue 17): its checkouts only insert their redemption, so a code
-- every shopper uses at once is no hot row. Its uses are then its held redemptions, counted when the back office shows
-- the code or when a limit is set on it (promotion.used_count starts from that count and is kept from then on). This
-- index answers that count from the index alone.
CREATE INDEX promotion_redemption_held ON promotion_redemption (promotion_id) WHERE state = 'held';
