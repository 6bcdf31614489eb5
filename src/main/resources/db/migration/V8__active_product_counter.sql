-- The storefront's unfiltered list needs the number of active products on every page; count(*) over the
-- catalog grows with it. This single-row counter is kept exact, in the same transaction as every change:
-- a statement-level trigger counts inserted rows; row-level triggers fire only when `active` is in an
-- UPDATE's SET list and actually changes, so checkout's stock updates never touch (or wait on) the counter.
CREATE TABLE catalog_counter (
    id              boolean PRIMARY KEY DEFAULT true,
    active_products bigint  NOT NULL,
    CONSTRAINT catalog_counter_single_row CHECK (id),
    CONSTRAINT catalog_counter_nonnegative CHECK (active_products >= 0)
);
INSERT INTO catalog_counter (id, active_products) SELECT true, count(*) FROM product WHERE active;

CREATE FUNCTION catalog_counter_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE catalog_counter SET active_products = active_products + (SELECT count(*) FROM inserted WHERE active)
    WHERE id AND EXISTS (SELECT 1 FROM inserted WHERE active);
    RETURN NULL;
END $$;

CREATE FUNCTION catalog_counter_toggled() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE catalog_counter SET active_products = active_products + CASE WHEN NEW.active THEN 1 ELSE -1 END WHERE id;
    RETURN NULL;
END $$;

CREATE FUNCTION catalog_counter_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE catalog_counter SET active_products = active_products - 1 WHERE id;
    RETURN NULL;
END $$;

CREATE TRIGGER product_counted_on_insert AFTER INSERT ON product
    REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION catalog_counter_inserted();
CREATE TRIGGER product_counted_on_toggle AFTER UPDATE OF active ON product
    FOR EACH ROW WHEN (OLD.active IS DISTINCT FROM NEW.active) EXECUTE FUNCTION catalog_counter_toggled();
CREATE TRIGGER product_counted_on_delete AFTER DELETE ON product
    FOR EACH ROW WHEN (OLD.active) EXECUTE FUNCTION catalog_counter_deleted();
