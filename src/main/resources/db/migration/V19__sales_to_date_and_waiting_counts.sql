-- The admin overview's best sellers and waiting orders without reading every day of a period or every waiting order.

-- Best sellers of any period in a few thousand rows. For every rolled-up day, each product's units and net summed
-- from the first of the day's month through the day ("month to date"), dense: a row for every product sold on any
-- of those days. The sums of a product over the days [a, b] of one month are then to_date(b) - to_date(a - 1) (or
-- to_date(b) when a is the first), so a period reads two days' rows per month it touches instead of every day's.
-- A day has month-to-date rows only while its sales_to_date row exists, and that exists only while every day from
-- the first of its month through it is rolled up (sales_day, V10): a rollup writes it holding the day locks of
-- all those days (exclusively), and a day whose sales_day row goes (an order of it changed, V10/V14) takes the
-- month-to-date rows of itself (cascade) and of every later day of its month (trigger below) with it.
CREATE TABLE sales_to_date (
    day date PRIMARY KEY REFERENCES sales_day (day) ON DELETE CASCADE
);

CREATE TABLE sales_product_to_date (
    day        date   NOT NULL REFERENCES sales_to_date (day) ON DELETE CASCADE,
    product_id uuid   NOT NULL,
    units      bigint NOT NULL,
    net_cents  bigint NOT NULL,
    PRIMARY KEY (day, product_id) INCLUDE (units, net_cents)
);

CREATE FUNCTION sales_to_date_forget() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM sales_to_date
    WHERE day > OLD.day AND day < (date_trunc('month', OLD.day) + interval '1 month')::date;
    RETURN NULL;
END $$;

CREATE TRIGGER sales_day_forgets_to_date AFTER DELETE ON sales_day FOR EACH ROW
    EXECUTE FUNCTION sales_to_date_forget();

-- Index-only scans want the visibility map set soon after a rollup (as for sales_day_product, V14).
ALTER TABLE sales_product_to_date SET (autovacuum_vacuum_insert_threshold = 10000, autovacuum_vacuum_insert_scale_factor = 0);

-- Orders waiting for action (PENDING_PAYMENT, PAID) counted without reading them, and without a hot row on the
-- checkout path: a change of an order into or out of those statuses appends a +1/-1 row to order_waiting_change
-- (an insert waits for nobody), and order_waiting_fold() moves those rows into order_waiting's two counts in one
-- statement (the service runs it every few seconds). The count of a status is its order_waiting row plus its
-- order_waiting_change rows, read in one statement: exactly the orders of that status in the reader's snapshot.
CREATE TABLE order_waiting (
    status text   PRIMARY KEY CHECK (status IN ('PENDING_PAYMENT', 'PAID')),
    orders bigint NOT NULL
);

-- An append-only log emptied by the fold: no key, nothing ever looks a row up.
CREATE TABLE order_waiting_change (
    status text    NOT NULL,
    delta  integer NOT NULL
);
ALTER TABLE order_waiting_change SET (autovacuum_vacuum_threshold = 1000, autovacuum_vacuum_scale_factor = 0,
    autovacuum_vacuum_insert_threshold = 1000, autovacuum_vacuum_insert_scale_factor = 0);

CREATE FUNCTION order_waiting_changes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' AND OLD.status IN ('PENDING_PAYMENT', 'PAID') THEN
        INSERT INTO order_waiting_change (status, delta) VALUES (OLD.status, -1);
    END IF;
    IF TG_OP <> 'DELETE' AND NEW.status IN ('PENDING_PAYMENT', 'PAID') THEN
        INSERT INTO order_waiting_change (status, delta) VALUES (NEW.status, 1);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER customer_order_waiting_insert
    AFTER INSERT ON customer_order FOR EACH ROW
    WHEN (NEW.status IN ('PENDING_PAYMENT', 'PAID'))
    EXECUTE FUNCTION order_waiting_changes();
CREATE TRIGGER customer_order_waiting_update
    AFTER UPDATE ON customer_order FOR EACH ROW
    WHEN (OLD.status IS DISTINCT FROM NEW.status
          AND (OLD.status IN ('PENDING_PAYMENT', 'PAID') OR NEW.status IN ('PENDING_PAYMENT', 'PAID')))
    EXECUTE FUNCTION order_waiting_changes();
CREATE TRIGGER customer_order_waiting_delete
    AFTER DELETE ON customer_order FOR EACH ROW
    WHEN (OLD.status IN ('PENDING_PAYMENT', 'PAID'))
    EXECUTE FUNCTION order_waiting_changes();

-- Moves the committed change rows into the counts, atomically. Two folds at once: the second skips the rows the
-- first deleted (it waits for them, then finds them gone) and adds its own to the first's counts. Returns the
-- number of change rows folded.
CREATE FUNCTION order_waiting_fold() RETURNS bigint LANGUAGE sql AS $$
    WITH gone AS (DELETE FROM order_waiting_change RETURNING status, delta),
    sums AS (SELECT status, sum(delta) AS delta, count(*) AS changes FROM gone GROUP BY status),
    moved AS (UPDATE order_waiting w SET orders = w.orders + sums.delta FROM sums WHERE w.status = sums.status)
    SELECT coalesce(sum(changes), 0)::bigint FROM sums
$$;

-- Recounts from the orders, holding off order changes meanwhile: fills the counts here, and after a bulk load
-- made with the triggers disabled (bench/admin-stats.sh).
CREATE FUNCTION order_waiting_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    LOCK TABLE customer_order IN SHARE ROW EXCLUSIVE MODE;
    TRUNCATE order_waiting, order_waiting_change;
    INSERT INTO order_waiting (status, orders)
    SELECT s.status, (SELECT count(*) FROM customer_order o WHERE o.status = s.status)
    FROM (VALUES ('PENDING_PAYMENT'), ('PAID')) s (status);
END $$;

SELECT order_waiting_rebuild();
