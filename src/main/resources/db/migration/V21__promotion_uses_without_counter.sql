-- A code without a usage limit keeps no counter (issue 17): its checkouts only insert their redemption, so a code
-- every shopper uses at once is no hot row. Its uses are then its held redemptions, counted when the back office shows
-- the code or when a limit is set on it (promotion.used_count starts from that count and is kept from then on). This
-- index answers that count from the index alone.
CREATE INDEX promotion_redemption_held ON promotion_redemption (promotion_id) WHERE state = 'held';

-- The redemption's foreign key made every checkout of a code lock the promotion's row in share mode, and sixteen
-- checkouts sharing one row's lock rewrite that row's lock record (a multixact) each time: the hot row again. A
-- redemption is only ever inserted from its promotion's row (PromotionRows selects the id from it), and promotions are
-- never deleted (the API deactivates them): this trigger says so, in place of the key.
ALTER TABLE promotion_redemption DROP CONSTRAINT promotion_redemption_promotion_id_fkey;
CREATE FUNCTION promotion_never_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'promotion % has redemptions or may get them: deactivate it instead of deleting it', OLD.id
        USING ERRCODE = 'restrict_violation';
END $$;
CREATE TRIGGER promotion_never_deleted BEFORE DELETE ON promotion FOR EACH ROW EXECUTE FUNCTION promotion_never_deleted();
