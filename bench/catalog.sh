#!/usr/bin/env bash
# Catalog benchmark (issue 3): bulk create of 10,000 products; public list page 0 and a random page of 500 (size 20
# of 10,000 products) requests/s and p99 at 32 connections beside /q/health/live on the same server as a ceiling; then, with
# ORDERS orders of those products in the database (default 100,000, generated straight into the tables), CSV
# import of 100,000 new rows (time, peak RSS growth) with the service at -Xmx256m, and a re-import of the same
# file that archives them all (100,000 updates that each change `active`), and a Shopify product export of 25,000
# products with 4 variants each (100,000 rows).
# Usage: bench/catalog.sh   (PostgreSQL server on 127.0.0.1:5432, user postgres; wrk; python3)
source "$(dirname "$0")/lib.sh"
DURATION="${DURATION:-20s}"
ORDERS="${ORDERS:-100000}"
ensure_jar
fresh_db shop_bench_catalog
start_app shop_bench_catalog -Xmx256m
echo "start-up: ${STARTUP_MS} ms, RSS $(rss_mb) MB (-Xmx256m)"
TOKEN=$(curl -sf "$BASE/api/v1/auth/login" -H 'content-type: application/json' \
  -d '{"email":"admin@bench.local","password":"bench-admin-password"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')

python3 - "$WORK/bulk.json" <<'PY'
import json, sys
items = [{"sku": f"BENCH-{i:05d}", "name": f"Bench product {i % 500} color {i % 7}", "description": f"Item number {i}",
          "priceCents": 100 + (i * 37) % 100000, "stock": 1000} for i in range(10000)]
json.dump(items, open(sys.argv[1], "w"))
PY
t0=$(date +%s%N)
code=$(curl -s -o "$WORK/bulk.out" -w '%{http_code}' "$BASE/api/v1/admin/products/bulk" -H "authorization: Bearer $TOKEN" \
  -H 'content-type: application/json' --data-binary @"$WORK/bulk.json")
echo "bulk create 10,000 products: HTTP $code in $(( ($(date +%s%N) - t0) / 1000000 )) ms"
# A settled catalog: what autovacuum would have done by the time shoppers arrive (visibility map, stats).
psql -h "$PGHOST" -U postgres -qc "VACUUM ANALYZE product" shop_bench_catalog

echo "warm-up..."; wrk -t2 -c32 -d5s "$BASE/api/v1/products?size=20" >/dev/null
echo "public list, page size 20 of 10,000, 32 connections:"
wrk -t2 -c32 -d"$DURATION" --latency "$BASE/api/v1/products?size=20&sort=newest" | grep -E "Requests/sec|99%|Non-2xx"
# A crawler's walk: a random page of the 500 (issue 20: any page within 1.5x the cost of page 0).
cat > "$WORK/random-page.lua" <<'LUA'
math.randomseed(os.time())
request = function() return wrk.format("GET", "/api/v1/products?size=20&sort=newest&page=" .. math.random(0, 499)) end
LUA
echo "public list, a random page of 500 (size 20), 32 connections:"
wrk -t2 -c32 -d"$DURATION" --latency -s "$WORK/random-page.lua" "$BASE" | grep -E "Requests/sec|99%|Non-2xx"
echo "public list, q=color 3, sort=price_asc, 32 connections:"
wrk -t2 -c32 -d"$DURATION" --latency "$BASE/api/v1/products?size=20&sort=price_asc&q=color%203" | grep -E "Requests/sec|99%|Non-2xx"
echo "ceiling, /q/health/live, 32 connections:"
wrk -t2 -c32 -d"$DURATION" --latency "$BASE/q/health/live" | grep -E "Requests/sec|99%"

if [ "$ORDERS" -gt 0 ]; then
t0=$(date +%s)
psql -h "$PGHOST" -U postgres -q -v ON_ERROR_STOP=1 shop_bench_catalog <<SQL
-- straight into the tables, as bench/admin-stats.sh does: the sales rollups' triggers off, the buyers counted at the end
ALTER TABLE customer_order DISABLE TRIGGER customer_order_sales_day_insert;
ALTER TABLE customer_order DISABLE TRIGGER customer_order_sales_buyer_insert;
INSERT INTO app_user (id, email, name, password_hash, role)
SELECT gen_random_uuid(), 'buyer' || i || '@bench.local', 'Buyer ' || i, 'x', 'customer' FROM generate_series(1, 5000) i;
CREATE TEMP TABLE u AS SELECT row_number() OVER () AS n, id, email FROM app_user WHERE role = 'customer';
CREATE TEMP TABLE p AS SELECT row_number() OVER () AS n, p.id, v.id AS variant_id, p.sku, p.name, p.price_cents
FROM product p JOIN product_variant v ON v.product_id = p.id AND v.sku = p.sku;
CREATE TEMP TABLE o AS
SELECT i, gen_random_uuid() AS id, now() - (random() * interval '365 days') AS at,
       CASE WHEN i % 10 < 4 THEN NULL ELSE 1 + (i::bigint * 7919) % 5000 END AS buyer,
       1 + (i % 3) AS lines, (i * 31) % 10000 AS first_product
FROM generate_series(1, $ORDERS) i;
CREATE TEMP TABLE l AS
SELECT o.id AS order_id, k AS line_no, p.id AS product_id, p.variant_id, p.sku, p.name, p.price_cents, 1 + (o.i + k) % 3 AS quantity
FROM o CROSS JOIN LATERAL generate_series(1, o.lines) k JOIN p ON p.n = 1 + (o.first_product + k * 17) % 10000;
CREATE TEMP TABLE s AS SELECT order_id, sum(price_cents * quantity) AS subtotal FROM l GROUP BY order_id;
INSERT INTO customer_order (id, number, user_id, email, status, currency, subtotal_cents, shipping_cents, tax_cents,
    total_cents, refunded_cents, payment_provider, payment_status, tracking_token_hash, ship_full_name, ship_line1,
    ship_city, ship_postal_code, ship_country, created_at, updated_at)
SELECT o.id, 'SO-C' || o.i, u.id, coalesce(u.email, 'guest' || (o.i % 50000) || '@bench.local'), 'DELIVERED', 'USD',
       s.subtotal, 500, 0, s.subtotal + 500, 0, 'manual', 'paid',
       sha256(o.id::text::bytea), 'Bench Buyer', '1 Bench Street', 'Benchville', '12345', 'US', o.at, o.at
FROM o JOIN s ON s.order_id = o.id LEFT JOIN u ON u.n = o.buyer;
INSERT INTO order_line (order_id, line_no, product_id, variant_id, sku, name, unit_price_cents, quantity, line_total_cents)
SELECT order_id, line_no, product_id, variant_id, sku, name, price_cents, quantity, price_cents * quantity FROM l;
ALTER TABLE customer_order ENABLE TRIGGER customer_order_sales_day_insert;
ALTER TABLE customer_order ENABLE TRIGGER customer_order_sales_buyer_insert;
SELECT sales_buyers_rebuild() \g /dev/null
SQL
psql -h "$PGHOST" -U postgres -qc "VACUUM ANALYZE" shop_bench_catalog
echo "catalog: $(psql -h "$PGHOST" -U postgres -tAc "SELECT count(*) FROM product" shop_bench_catalog) products, $ORDERS orders of them (generated in $(( $(date +%s) - t0 )) s)"
fi

python3 - "$WORK/import.csv" <<'PY'
import sys
with open(sys.argv[1], "w", encoding="utf-8") as f:
    f.write("sku,name,slug,description,price,stock,active,image_url\n")
    for i in range(100000):
        f.write(f'CSV-{i:06d},"Imported, item {i} — ünïcode",,"A ""quoted"" description\nover two lines",{i % 1000}.{i % 100:02d},{i % 50},true,\n')
PY
echo "CSV file: $(( $(stat -c %s "$WORK/import.csv") / 1000 )) kB, 100,000 rows"
hwm_mb() { echo $(( $(awk '/VmHWM/ {print $2}' "/proc/$APP_PID/status") / 1024 )); }
# import_csv FILE LABEL: times one import and the peak RSS it reached above the RSS before it (the peak is reset first
# where the kernel allows it: writing 5 to clear_refs)
import_csv() {
  local before; before=$(rss_mb)
  { echo 5 > "/proc/$APP_PID/clear_refs"; } 2>/dev/null || true
  local t0; t0=$(date +%s%N)
  code=$(curl -s -o "$WORK/import.out" -w '%{http_code}' "$BASE/api/v1/admin/products/import" -H "authorization: Bearer $TOKEN" \
    -H 'content-type: text/csv' --data-binary @"$1")
  echo "$2: HTTP $code in $(( ($(date +%s%N) - t0) / 1000000 )) ms: $(head -c 200 "$WORK/import.out")"
  echo "  RSS before ${before} MB, peak (VmHWM) $(hwm_mb) MB: growth $(( $(hwm_mb) - before )) MB; RSS now $(rss_mb) MB"
}
import_csv "$WORK/import.csv" "CSV import 100,000 new rows"
sed 's/,true,$/,false,/' "$WORK/import.csv" > "$WORK/archive.csv"
import_csv "$WORK/archive.csv" "CSV re-import archiving the 100,000 (updates that change active)"
# Shopify's product export: 25,000 products of 4 variants (Size x Color), an image on each product's first row, an
# HTML body with entities; 100,000 rows, as many as the v1 file above.
python3 - "$WORK/shopify.csv" <<'PY'
import csv, sys
cols = ["Handle", "Title", "Body (HTML)", "Vendor", "Type", "Tags", "Published", "Option1 Name", "Option1 Value",
        "Option2 Name", "Option2 Value", "Option3 Name", "Option3 Value", "Variant SKU", "Variant Grams",
        "Variant Inventory Tracker", "Variant Inventory Qty", "Variant Inventory Policy", "Variant Fulfillment Service",
        "Variant Price", "Variant Compare At Price", "Variant Requires Shipping", "Variant Taxable", "Variant Barcode",
        "Image Src", "Image Position", "Image Alt Text", "Gift Card", "SEO Title", "SEO Description", "Variant Image",
        "Variant Weight Unit", "Cost per item", "Status"]
with open(sys.argv[1], "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(cols)
    for i in range(25000):
        for k, (size, color) in enumerate([("S", "Red"), ("S", "Blue"), ("M", "Red"), ("M", "Blue")]):
            first = k == 0
            row = dict.fromkeys(cols, "")
            row.update({"Handle": f"shopify-{i:05d}", "Option1 Value": size, "Option2 Value": color,
                        "Variant SKU": f"SHOP-{i:05d}-{size}-{color}", "Variant Grams": "200",
                        "Variant Inventory Tracker": "shopify", "Variant Inventory Qty": str((i + k) % 40),
                        "Variant Inventory Policy": "deny", "Variant Fulfillment Service": "manual",
                        "Variant Price": f"{i % 500}.{k}9", "Variant Requires Shipping": "TRUE",
                        "Variant Taxable": "TRUE", "Variant Weight Unit": "kg"})
            if first:
                row.update({"Title": f"Shopify item {i} \u2014 \u00fcn\u00efcode", "Vendor": "Bench",
                            "Body (HTML)": f"<p>Item <strong>{i}</strong> &amp; friends&nbsp;&mdash; soft.</p>\n<ul><li>One</li><li>Two</li></ul>",
                            "Published": "TRUE", "Option1 Name": "Size", "Option2 Name": "Color",
                            "Image Src": f"https://cdn.example/products/{i}.jpg", "Image Position": "1",
                            "Gift Card": "FALSE", "Status": "active"})
            w.writerow([row[c] for c in cols])
PY
echo "Shopify CSV file: $(( $(stat -c %s "$WORK/shopify.csv") / 1000 )) kB, 100,000 rows"
import_csv "$WORK/shopify.csv" "Shopify CSV import 25,000 products x 4 variants"
echo "active-product counter $(psql -h "$PGHOST" -U postgres -tAc "SELECT active_products FROM catalog_counter" shop_bench_catalog), count(*) $(psql -h "$PGHOST" -U postgres -tAc "SELECT count(*) FROM product WHERE active" shop_bench_catalog)"
