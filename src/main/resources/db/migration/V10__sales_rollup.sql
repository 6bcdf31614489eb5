-- The admin overview's figures per closed day, so a period's totals, series and best sellers read a few hundred
-- rows however many orders it holds. A day is rolled up lazily (by the first overview that needs it) once it is
-- at least two UTC days old, and its rows are dropped whenever one of its orders changes; the overview computes
-- the days without rows from the orders. So the rollup always says what the orders say.
CREATE TABLE sales_day (
    day            date   PRIMARY KEY,
    orders         bigint NOT NULL,
    gross_cents    bigint NOT NULL,
    refunded_cents bigint NOT NULL,
    guest_orders   bigint NOT NULL
);

CREATE TABLE sales_day_product (
    day        date   NOT NULL REFERENCES sales_day (day) ON DELETE CASCADE,
    product_id uuid   NOT NULL,
    units      bigint NOT NULL,
    net_cents  bigint NOT NULL,
    PRIMARY KEY (day, product_id)
);
-- A period's best sellers read every product row of its days: an index-only range scan.
CREATE INDEX sales_day_product_sold ON sales_day_product (day) INCLUDE (product_id, units, net_cents);

-- A change to an order of a day that may be rolled up (yesterday or older) takes that day's advisory lock shared
-- and drops its rows. Rolling a day up takes the same lock exclusively before it reads the orders, so it waits for
-- every transaction that changed one of the day's orders, and a change that comes after it drops what it wrote.
-- Orders of today (checkout, today's payments) skip all of this.
CREATE FUNCTION sales_day_forget() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    last_closed date := (now() AT TIME ZONE 'UTC')::date - 1;
    d date;
BEGIN
    FOR d IN SELECT DISTINCT x FROM unnest(ARRAY[
            CASE WHEN TG_OP <> 'INSERT' THEN (OLD.created_at AT TIME ZONE 'UTC')::date END,
            CASE WHEN TG_OP <> 'DELETE' THEN (NEW.created_at AT TIME ZONE 'UTC')::date END]) AS x
            WHERE x IS NOT NULL AND x <= last_closed ORDER BY x LOOP
        PERFORM pg_advisory_xact_lock_shared(1397509700, d - DATE '2000-01-01');
        DELETE FROM sales_day WHERE day = d;
    END LOOP;
    RETURN NULL;
END $$;

CREATE TRIGGER customer_order_sales_day_changes
    AFTER INSERT OR DELETE OR UPDATE OF status, total_cents, refunded_cents, created_at, user_id ON customer_order
    FOR EACH ROW EXECUTE FUNCTION sales_day_forget();
