#!/usr/bin/env bash
# Admin overview benchmark (issue 18): GET /api/v1/admin/stats over 1,000,000 orders (and ~2,000,000 lines)
# generated straight into the database, 365 days of history; p50/p99 at 2 connections (an admin dashboard, not a storefront) for the landing page
# (the last 30 days by day), a quarter by week and a year by month, beside /q/health/live as the ceiling. The first
# call rolls up every closed day (timed on its own); the figures after it are the steady state.
# Also prints the EXPLAIN of the distinct-buyers, best-sellers and waiting-orders reads. Usage: bench/admin-stats.sh   (PostgreSQL on 127.0.0.1:5432; wrk)
source "$(dirname "$0")/lib.sh"
DURATION="${DURATION:-15s}"
ORDERS="${ORDERS:-1000000}"
DB=shop_bench_stats
ensure_jar
if [ -n "${REUSE_DB:-}" ]; then   # REUSE_DB=1: the database of the last run, as it is (rollup included)
start_app "$DB"
else
fresh_db "$DB"
start_app "$DB"
echo "generating $ORDERS orders..."
t0=$(date +%s)
psql -h "$PGHOST" -U postgres -q -v ON_ERROR_STOP=1 "$DB" <<SQL
-- straight into the tables with the rollups' triggers off: the day rollup is empty, so its trigger has nothing to
-- drop, and the buyers' days and the waiting counts are counted once at the end (sales_buyers_rebuild, V11;
-- order_waiting_rebuild, V19)
ALTER TABLE customer_order DISABLE TRIGGER customer_order_sales_day_insert;
ALTER TABLE customer_order DISABLE TRIGGER customer_order_sales_buyer_insert;
ALTER TABLE customer_order DISABLE TRIGGER customer_order_waiting_insert;
INSERT INTO product (id, sku, slug, name, price_cents, active)
SELECT gen_random_uuid(), 'STAT-' || i, 'stat-' || i, 'Stats product ' || i, 500 + (i * 37) % 20000, i % 20 <> 0
FROM generate_series(1, 2000) i;
-- each product's one variant holds its stock (V15)
INSERT INTO product_variant (id, product_id, sku, price_cents, stock, active, position, combination_key)
SELECT gen_random_uuid(), id, sku, price_cents, substring(sku FROM 6)::int % 50, true, 0, '{}' FROM product
WHERE sku LIKE 'STAT-%';
INSERT INTO app_user (id, email, name, password_hash, role)
SELECT gen_random_uuid(), 'buyer' || i || '@bench.local', 'Buyer ' || i, 'x', 'customer' FROM generate_series(1, 20000) i;
CREATE TEMP TABLE u AS SELECT row_number() OVER () AS n, id, email FROM app_user WHERE role = 'customer';
CREATE TEMP TABLE p AS SELECT row_number() OVER () AS n, p.id, v.id AS variant_id, p.sku, p.name, p.price_cents
FROM product p JOIN product_variant v ON v.product_id = p.id AND v.sku = p.sku;
CREATE TEMP TABLE o AS
SELECT i, gen_random_uuid() AS id, now() - (random() * interval '365 days') AS at,
       CASE WHEN r < 0.03 THEN 'PENDING_PAYMENT' WHEN r < 0.08 THEN 'CANCELLED' WHEN r < 0.13 THEN 'PAID'
            WHEN r < 0.23 THEN 'SHIPPED' WHEN r < 0.95 THEN 'DELIVERED' ELSE 'REFUNDED' END AS status,
       CASE WHEN i % 10 < 4 THEN NULL ELSE 1 + (i::bigint * 7919) % 20000 END AS buyer,
       1 + (i % 3) AS lines, (i * 31) % 2000 AS first_product
FROM (SELECT i, random() AS r FROM generate_series(1, $ORDERS) i) g;
CREATE TEMP TABLE l AS
SELECT o.id AS order_id, k AS line_no, p.id AS product_id, p.variant_id, p.sku, p.name, p.price_cents, 1 + (o.i + k) % 3 AS quantity
FROM o CROSS JOIN LATERAL generate_series(1, o.lines) k JOIN p ON p.n = 1 + (o.first_product + k * 17) % 2000;
CREATE TEMP TABLE s AS SELECT order_id, sum(price_cents * quantity) AS subtotal FROM l GROUP BY order_id;
INSERT INTO customer_order (id, number, user_id, email, status, currency, subtotal_cents, shipping_cents, tax_cents,
    total_cents, refunded_cents, payment_provider, payment_status, tracking_token_hash, ship_full_name, ship_line1,
    ship_city, ship_postal_code, ship_country, created_at, updated_at)
SELECT o.id, 'SO-B' || o.i, u.id, coalesce(u.email, 'guest' || (o.i % 50000) || '@bench.local'), o.status, 'USD',
       s.subtotal, 500, 0, s.subtotal + 500,
       CASE WHEN o.status = 'REFUNDED' THEN s.subtotal + 500 WHEN o.status = 'DELIVERED' AND o.i % 50 = 0 THEN 500 ELSE 0 END,
       'manual', CASE WHEN o.status IN ('PENDING_PAYMENT') THEN 'pending' WHEN o.status = 'CANCELLED' THEN 'failed'
                      WHEN o.status = 'REFUNDED' THEN 'refunded' ELSE 'paid' END,
       sha256(o.id::text::bytea), 'Bench Buyer', '1 Bench Street', 'Benchville', '12345', 'US', o.at, o.at
FROM o JOIN s ON s.order_id = o.id LEFT JOIN u ON u.n = o.buyer;
INSERT INTO order_line (order_id, line_no, product_id, variant_id, sku, name, unit_price_cents, quantity, line_total_cents)
SELECT order_id, line_no, product_id, variant_id, sku, name, price_cents, quantity, price_cents * quantity FROM l;
ALTER TABLE customer_order ENABLE TRIGGER customer_order_sales_day_insert;
ALTER TABLE customer_order ENABLE TRIGGER customer_order_sales_buyer_insert;
ALTER TABLE customer_order ENABLE TRIGGER customer_order_waiting_insert;
SELECT sales_buyers_rebuild();
SELECT order_waiting_rebuild();
SQL
psql -h "$PGHOST" -U postgres -qc "VACUUM ANALYZE" "$DB"
echo "generated in $(( $(date +%s) - t0 )) s: $(psql -h "$PGHOST" -U postgres -tAc "SELECT count(*) FROM customer_order" "$DB") orders, $(psql -h "$PGHOST" -U postgres -tAc "SELECT count(*) FROM order_line" "$DB") lines"
fi

TOKEN=$(curl -sf "$BASE/api/v1/auth/login" -H 'content-type: application/json' \
  -d '{"email":"admin@bench.local","password":"bench-admin-password"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')
TODAY=$(date -u +%F)
t0=$(date +%s%N)
curl -sf -o /dev/null -H "authorization: Bearer $TOKEN" "$BASE/api/v1/admin/stats?from=$(date -u -d '-729 days' +%F)&to=$TODAY&interval=month"
echo "first overview of two years (rolls up every closed day): $(( ($(date +%s%N) - t0) / 1000000 )) ms"
# What autovacuum does within a minute of a rollup (V11 sets the rollup tables' insert thresholds): the visibility
# map that makes a period's best sellers an index-only scan.
psql -h "$PGHOST" -U postgres -qc "VACUUM ANALYZE sales_day, sales_day_product, sales_to_date, sales_product_to_date, sales_buyer_return" "$DB"
run() {
  local label="$1" url="$2"
  curl -sf -o /dev/null -H "authorization: Bearer $TOKEN" "$url" || { echo "FAILED: $url" >&2; exit 1; }
  wrk -t1 -c2 -d5s -H "authorization: Bearer $TOKEN" "$url" >/dev/null
  echo "$label:"
  wrk -t2 -c2 -d"$DURATION" --latency -H "authorization: Bearer $TOKEN" "$url" | grep -E "Requests/sec|  50%|  99%|Non-2xx"
}
run "landing page: the last 30 days by day" "$BASE/api/v1/admin/stats"
run "a quarter by week" "$BASE/api/v1/admin/stats?from=$(date -u -d '-90 days' +%F)&to=$TODAY&interval=week"
run "a year by month" "$BASE/api/v1/admin/stats?from=$(date -u -d '-364 days' +%F)&to=$TODAY&interval=month"
echo "ceiling, /q/health/live:"
wrk -t2 -c2 -d"$DURATION" --latency "$BASE/q/health/live" | grep -E "Requests/sec|  50%|  99%"
echo "plan of the distinct buyers of a year and the year before (the buyers' return days, V11):"
psql -h "$PGHOST" -U postgres -c "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT coalesce(sum(buyers) FILTER (WHERE day >= current_date - 364 AND previous < current_date - 364), 0), coalesce(sum(buyers) FILTER (WHERE day < current_date - 364 AND previous < current_date - 729), 0) FROM sales_buyer_return WHERE day BETWEEN current_date - 729 AND current_date" "$DB"
echo "rows: $(psql -h "$PGHOST" -U postgres -tAc "SELECT (SELECT count(*) FROM sales_buyer_day) || ' buyer days, ' || (SELECT count(*) FROM sales_buyer_return) || ' return pairs'" "$DB")"
echo "plan of the best sellers of a year (OrderRows.bestSellers: month-to-date rows, V19, and today's orders):"
psql -h "$PGHOST" -U postgres -v from="'$(date -u -d '-364 days' +%F)'" -v last="'$TODAY'" "$DB" <<'SQL'
SET jit = off;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
WITH open AS (SELECT d::date AS day FROM generate_series(CAST(:from AS timestamp), CAST(:last AS timestamp), interval '1 day') d
              WHERE NOT EXISTS (SELECT 1 FROM sales_day s WHERE s.day = d::date)),
live AS MATERIALIZED (SELECT o.id, o.total_cents, o.refunded_cents FROM open JOIN customer_order o
    ON o.status IN ('PAID', 'SHIPPED', 'DELIVERED', 'REFUNDED') AND o.created_at >= (open.day::timestamp AT TIME ZONE 'UTC')
    AND o.created_at < ((open.day + 1)::timestamp AT TIME ZONE 'UTC')),
pieces AS MATERIALIZED (SELECT a, b, a = m AS whole, (a = m OR b > a) AND EXISTS (SELECT 1 FROM sales_to_date t WHERE t.day = b)
        AND (a = m OR EXISTS (SELECT 1 FROM sales_to_date t WHERE t.day = a - 1)) AS to_date
    FROM (SELECT m::date AS m, GREATEST(m::date, CAST(:from AS date)) AS a, LEAST((m + interval '1 month')::date - 1,
          CAST(:last AS date), (now() AT TIME ZONE 'UTC')::date - 1) AS b
          FROM generate_series(date_trunc('month', CAST(:from AS timestamp)), CAST(:last AS timestamp), interval '1 month') m) p
    WHERE b >= a),
sold AS (SELECT t.product_id, t.units, t.net_cents AS net FROM pieces p JOIN sales_product_to_date t ON t.day = p.b WHERE p.to_date
    UNION ALL SELECT t.product_id, -t.units, -t.net_cents FROM pieces p JOIN sales_product_to_date t ON t.day = p.a - 1
        WHERE p.to_date AND NOT p.whole
    UNION ALL SELECT s.product_id, s.units, s.net_cents FROM pieces p JOIN sales_day_product s ON s.day BETWEEN p.a AND p.b
        WHERE NOT p.to_date
    UNION ALL SELECT l.product_id, l.quantity, l.line_total_cents - CASE WHEN o.refunded_cents = 0 OR o.total_cents = 0 THEN 0
        ELSE round(o.refunded_cents::numeric * l.line_total_cents / o.total_cents)::bigint END
        FROM live o CROSS JOIN LATERAL (SELECT product_id, quantity, line_total_cents FROM order_line WHERE order_id = o.id OFFSET 0) l),
top AS (SELECT product_id, sum(units) AS units, sum(net) AS net FROM sold GROUP BY product_id HAVING sum(units) > 0
        ORDER BY units DESC, net DESC, product_id LIMIT 10)
SELECT top.product_id, top.units, top.net, (SELECT n.name FROM order_line n WHERE n.product_id = top.product_id LIMIT 1) AS name
FROM top ORDER BY top.units DESC, top.net DESC, top.product_id;
SQL
echo "plan of the orders waiting for action (V19's counts and their change rows not folded yet):"
psql -h "$PGHOST" -U postgres -c "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT coalesce(sum(n) FILTER (WHERE status = 'PENDING_PAYMENT'), 0), coalesce(sum(n) FILTER (WHERE status = 'PAID'), 0) FROM (SELECT status, orders AS n FROM order_waiting UNION ALL SELECT status, delta FROM order_waiting_change) c" "$DB"
echo "rows: $(psql -h "$PGHOST" -U postgres -tAc "SELECT (SELECT count(*) FROM sales_day_product) || ' day x product, ' || (SELECT count(*) FROM sales_product_to_date) || ' month-to-date x product'" "$DB")"
