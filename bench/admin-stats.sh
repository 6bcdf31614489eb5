#!/usr/bin/env bash
# Admin overview benchmark (issue 18): GET /api/v1/admin/stats over 1,000,000 orders (and ~2,000,000 lines)
# generated straight into the database, 365 days of history; p50/p99 at 2 connections (an admin dashboard, not a storefront) for the landing page
# (the last 30 days by day), a quarter by week and a year by month, beside /q/health/live as the ceiling. The first
# call rolls up every closed day (timed on its own); the figures after it are the steady state.
# Also prints the EXPLAIN of the distinct-buyers and best-sellers reads. Usage: bench/admin-stats.sh   (PostgreSQL on 127.0.0.1:5432; wrk)
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
-- drop, and the buyers' days are counted once at the end (sales_buyers_rebuild, V11)
ALTER TABLE customer_order DISABLE TRIGGER customer_order_sales_day_insert;
ALTER TABLE customer_order DISABLE TRIGGER customer_order_sales_buyer_insert;
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
SELECT sales_buyers_rebuild();
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
psql -h "$PGHOST" -U postgres -qc "VACUUM ANALYZE sales_day, sales_day_product, sales_buyer_return" "$DB"
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
echo "plan of the best sellers of the rolled-up days of the last 30:"
psql -h "$PGHOST" -U postgres -c "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT product_id, sum(units) AS units, sum(net_cents) AS net FROM sales_day_product WHERE day BETWEEN current_date - 29 AND current_date - 1 GROUP BY product_id ORDER BY units DESC, net DESC, product_id LIMIT 10" "$DB"
