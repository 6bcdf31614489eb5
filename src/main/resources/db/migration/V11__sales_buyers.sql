-- Distinct buyers of any period without reading its orders. A buyer is an account, or a guest email (the key
-- the overview has always used: a 64-bit hash of the user id, else of the email). Paid orders (PAID, SHIPPED,
-- DELIVERED, REFUNDED) are counted per buyer and UTC day; each buying day of a buyer also records the buyer's
-- previous buying day ('-infinity' for the first). A buyer bought in [f, t] exactly when one of their buying days
-- in [f, t] follows a day before f, and exactly one does (their first in the period), so
--     buyers(f, t) = sum(buyers) FROM sales_buyer_return WHERE day BETWEEN f AND t AND previous < f
-- reads one row per (day, previous day) pair of the period, whatever the number of orders.
-- Both tables are kept by the trigger below, in the transaction that changes the order, for today's orders too.
CREATE TABLE sales_buyer_day (
    buyer  bigint  NOT NULL,
    day    date    NOT NULL,
    orders integer NOT NULL CHECK (orders > 0),
    PRIMARY KEY (buyer, day)
);

CREATE TABLE sales_buyer_return (
    day      date   NOT NULL,
    previous date   NOT NULL,
    buyers   bigint NOT NULL CHECK (buyers >= 0),
    PRIMARY KEY (day, previous) INCLUDE (buyers),
    CHECK (previous < day)
);

CREATE FUNCTION sales_buyer_key(user_id uuid, email text) RETURNS bigint LANGUAGE sql IMMUTABLE AS $$
    SELECT coalesce(hashtextextended(user_id::text, 0), hashtextextended(email, 0))
$$;

-- Moves the count of buyers of (d, p) by delta; a pair no buyer holds any more is deleted.
CREATE FUNCTION sales_buyer_shift(d date, p date, delta integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    left_over bigint;
BEGIN
    IF delta > 0 THEN
        INSERT INTO sales_buyer_return AS r (day, previous, buyers) VALUES (d, p, delta)
        ON CONFLICT (day, previous) DO UPDATE SET buyers = r.buyers + delta;
    ELSE
        UPDATE sales_buyer_return SET buyers = buyers + delta WHERE day = d AND previous = p
        RETURNING buyers INTO left_over;
        IF left_over = 0 THEN
            DELETE FROM sales_buyer_return WHERE day = d AND previous = p;
        END IF;
    END IF;
END $$;

-- One more (delta 1) or one fewer (delta -1) paid order of buyer b on day d. Only a day that starts or stops
-- being a buying day moves the pairs: the day's own, and the next buying day's. The caller holds b's lock.
-- Pairs are changed in (day, previous) order, so two transactions take their row locks in one order.
CREATE FUNCTION sales_buyer_count(b bigint, d date, delta integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    n integer;
    p date;
    q date;
BEGIN
    IF delta > 0 THEN
        INSERT INTO sales_buyer_day AS s (buyer, day, orders) VALUES (b, d, 1)
        ON CONFLICT (buyer, day) DO UPDATE SET orders = s.orders + 1 RETURNING orders INTO n;
        IF n <> 1 THEN
            RETURN;
        END IF;
    ELSE
        UPDATE sales_buyer_day SET orders = orders - 1 WHERE buyer = b AND day = d AND orders > 1 RETURNING orders INTO n;
        IF n IS NOT NULL THEN
            RETURN;
        END IF;
        DELETE FROM sales_buyer_day WHERE buyer = b AND day = d;
        IF NOT FOUND THEN
            RETURN;
        END IF;
    END IF;
    SELECT coalesce(max(day), '-infinity') INTO p FROM sales_buyer_day WHERE buyer = b AND day < d;
    SELECT min(day) INTO q FROM sales_buyer_day WHERE buyer = b AND day > d;
    PERFORM sales_buyer_shift(d, p, delta);
    IF q IS NOT NULL THEN
        PERFORM sales_buyer_shift(q, p, -delta);
        PERFORM sales_buyer_shift(q, d, delta);
    END IF;
END $$;

CREATE FUNCTION sales_buyer_changes() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    paid constant text[] := ARRAY['PAID', 'SHIPPED', 'DELIVERED', 'REFUNDED'];
    old_buyer bigint;
    new_buyer bigint;
    old_day date;
    new_day date;
BEGIN
    IF TG_OP <> 'INSERT' AND OLD.status = ANY (paid) THEN
        old_buyer := sales_buyer_key(OLD.user_id, OLD.email);
        old_day := (OLD.created_at AT TIME ZONE 'UTC')::date;
    END IF;
    IF TG_OP <> 'DELETE' AND NEW.status = ANY (paid) THEN
        new_buyer := sales_buyer_key(NEW.user_id, NEW.email);
        new_day := (NEW.created_at AT TIME ZONE 'UTC')::date;
    END IF;
    IF old_buyer IS NOT DISTINCT FROM new_buyer AND old_day IS NOT DISTINCT FROM new_day THEN
        RETURN NULL;
    END IF;
    -- A buyer's days are read and written under the buyer's lock (a 32-bit slot of the key; two buyers sharing
    -- one only wait for each other), taken in slot order when an order moves between two buyers.
    PERFORM pg_advisory_xact_lock(1397509701, slot)
    FROM (SELECT DISTINCT (k % 2147483647)::integer AS slot FROM unnest(ARRAY[old_buyer, new_buyer]) k
          WHERE k IS NOT NULL ORDER BY 1) s;
    IF old_buyer IS NOT NULL THEN
        PERFORM sales_buyer_count(old_buyer, old_day, -1);
    END IF;
    IF new_buyer IS NOT NULL THEN
        PERFORM sales_buyer_count(new_buyer, new_day, 1);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER customer_order_sales_buyer_insert
    AFTER INSERT ON customer_order FOR EACH ROW
    WHEN (NEW.status IN ('PAID', 'SHIPPED', 'DELIVERED', 'REFUNDED'))
    EXECUTE FUNCTION sales_buyer_changes();
CREATE TRIGGER customer_order_sales_buyer_update
    AFTER UPDATE OF status, created_at, user_id, email ON customer_order FOR EACH ROW
    WHEN (OLD.status IN ('PAID', 'SHIPPED', 'DELIVERED', 'REFUNDED')
          OR NEW.status IN ('PAID', 'SHIPPED', 'DELIVERED', 'REFUNDED'))
    EXECUTE FUNCTION sales_buyer_changes();
CREATE TRIGGER customer_order_sales_buyer_delete
    AFTER DELETE ON customer_order FOR EACH ROW
    WHEN (OLD.status IN ('PAID', 'SHIPPED', 'DELIVERED', 'REFUNDED'))
    EXECUTE FUNCTION sales_buyer_changes();

-- Recounts both tables from the orders, holding off order changes meanwhile: fills them here, and after a bulk
-- load made with the triggers disabled (bench/admin-stats.sh).
CREATE FUNCTION sales_buyers_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    LOCK TABLE customer_order IN SHARE ROW EXCLUSIVE MODE;
    TRUNCATE sales_buyer_day, sales_buyer_return;
    INSERT INTO sales_buyer_day (buyer, day, orders)
    SELECT sales_buyer_key(user_id, email), (created_at AT TIME ZONE 'UTC')::date, count(*)
    FROM customer_order WHERE status IN ('PAID', 'SHIPPED', 'DELIVERED', 'REFUNDED') GROUP BY 1, 2;
    INSERT INTO sales_buyer_return (day, previous, buyers)
    SELECT day, previous, count(*) FROM (
        SELECT day, coalesce(lag(day) OVER (PARTITION BY buyer ORDER BY day), '-infinity') AS previous
        FROM sales_buyer_day) d
    GROUP BY 1, 2;
END $$;

SELECT sales_buyers_rebuild();

-- The day rollup (V10), refined. Its rows are dropped only by changes that alter what it sums: an order that
-- starts or stops counting as paid, or a paid order whose amounts, day or buyer change (shipping and delivering
-- a paid order no longer forces its day to be rolled up again). And every such change takes its day's lock,
-- today's too, so a day can be rolled up as soon as it has ended: a change made just before midnight and
-- committed just after is waited for, or drops what the rollup wrote.
CREATE OR REPLACE FUNCTION sales_day_forget() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    d date;
BEGIN
    FOR d IN SELECT DISTINCT x FROM unnest(ARRAY[
            CASE WHEN TG_OP <> 'INSERT' THEN (OLD.created_at AT TIME ZONE 'UTC')::date END,
            CASE WHEN TG_OP <> 'DELETE' THEN (NEW.created_at AT TIME ZONE 'UTC')::date END]) AS x
            WHERE x IS NOT NULL ORDER BY x LOOP
        PERFORM pg_advisory_xact_lock_shared(1397509700, d - DATE '2000-01-01');
        DELETE FROM sales_day WHERE day = d;
    END LOOP;
    RETURN NULL;
END $$;

DROP TRIGGER customer_order_sales_day_changes ON customer_order;
CREATE TRIGGER customer_order_sales_day_insert
    AFTER INSERT ON customer_order FOR EACH ROW
    WHEN (NEW.status IN ('PAID', 'SHIPPED', 'DELIVERED', 'REFUNDED'))
    EXECUTE FUNCTION sales_day_forget();
CREATE TRIGGER customer_order_sales_day_update
    AFTER UPDATE OF status, total_cents, refunded_cents, created_at, user_id ON customer_order FOR EACH ROW
    WHEN ((OLD.status IN ('PAID', 'SHIPPED', 'DELIVERED', 'REFUNDED'))
              IS DISTINCT FROM (NEW.status IN ('PAID', 'SHIPPED', 'DELIVERED', 'REFUNDED'))
          OR (NEW.status IN ('PAID', 'SHIPPED', 'DELIVERED', 'REFUNDED')
              AND (OLD.total_cents, OLD.refunded_cents, OLD.created_at, OLD.user_id)
                  IS DISTINCT FROM (NEW.total_cents, NEW.refunded_cents, NEW.created_at, NEW.user_id)))
    EXECUTE FUNCTION sales_day_forget();
CREATE TRIGGER customer_order_sales_day_delete
    AFTER DELETE ON customer_order FOR EACH ROW
    WHEN (OLD.status IN ('PAID', 'SHIPPED', 'DELIVERED', 'REFUNDED'))
    EXECUTE FUNCTION sales_day_forget();

-- A period's best sellers are an index-only scan of sales_day_product only where the visibility map is set: have
-- autovacuum visit it after every few days rolled up, not after a fifth of the table (the default).
ALTER TABLE sales_day_product SET (autovacuum_vacuum_insert_threshold = 10000, autovacuum_vacuum_insert_scale_factor = 0);
ALTER TABLE sales_buyer_return SET (autovacuum_vacuum_insert_threshold = 10000, autovacuum_vacuum_insert_scale_factor = 0);
