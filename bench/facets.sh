#!/usr/bin/env bash
# Faceted list benchmark (issue 16): the storefront's filtered, faceted product list at 100,000 products and 300,000
# variants, beside page 0 of the plain list and the same-run ceiling (/q/health/live), in ROUNDS interleaved rounds
# of DURATION at 32 connections.
#   catalog (generated straight into the database): 10 top categories x 10 subcategories, each product filed in one
#   subcategory; 40,000 products without options, 40,000 with Size (XS..XL, 5 variants), 20,000 with Color
#   (3 variants); variant prices spread over 1..1,000.00, one variant in ten sold out.
#   plain      GET /products?size=20&sort=newest                                    (page 0, the v1 list)
#   faceted    GET /products?category=<top>&option.Size=M&facets=true&size=20        (one URL: what a CDN/origin cache sees)
#   mixed      the same with a random top category, size, sort and price bound        (3,500 distinct URLs: mostly misses)
# Run it twice: as shipped (the 2 s origin cache on), and with every read rendered from PostgreSQL:
#   bench/facets.sh
#   BENCH_ENV=SHOP_CATALOG_ORIGIN_CACHE=0s bench/facets.sh
# REUSE_DB=1 keeps the generated catalog of the last run (generation takes about a minute).
source "$(dirname "$0")/lib.sh"
DURATION="${DURATION:-10s}"
ROUNDS="${ROUNDS:-3}"
DB=shop_bench_facets
ensure_jar
if [ -z "${REUSE_DB:-}" ] || ! psql -h "$PGHOST" -U postgres -tAc "SELECT 1 FROM product LIMIT 1" "$DB" >/dev/null 2>&1; then
  fresh_db "$DB"
  FRESH=1
fi
start_app "$DB" "$@"
echo "JVM options: ${*:-(defaults)}; env: ${BENCH_ENV:-(none)}"
if [ -n "${FRESH:-}" ]; then
  t0=$(date +%s)
  psql -h "$PGHOST" -U postgres -q -v ON_ERROR_STOP=1 "$DB" <<'SQL'
BEGIN;
INSERT INTO category (id, parent_id, slug, name, position)
SELECT md5('top' || t)::uuid, NULL, 'top-' || t, 'Top ' || t, t FROM generate_series(0, 9) t;
INSERT INTO category (id, parent_id, slug, name, position)
SELECT md5('sub' || t || '-' || s)::uuid, md5('top' || t)::uuid, 'sub-' || t || '-' || s, 'Sub ' || t || '.' || s, s
FROM generate_series(0, 9) t, generate_series(0, 9) s;

-- i < 40,000: no options; i < 80,000: Size; else Color.
CREATE TEMP TABLE gen_variant AS
SELECT i, k, md5('v' || i || '-' || k)::uuid AS id, md5('p' || i)::uuid AS product_id,
       'BV-' || i || '-' || k AS sku, 100 + ((i * 7919 + k * 104729) % 99900) AS price_cents,
       CASE WHEN (i + k) % 10 = 0 THEN 0 ELSE 50 END AS stock,
       CASE WHEN i < 40000 THEN NULL WHEN i < 80000 THEN 'Size' ELSE 'Color' END AS option_name,
       CASE WHEN i < 40000 THEN NULL WHEN i < 80000 THEN (ARRAY['XS','S','M','L','XL'])[k + 1]
            ELSE (ARRAY['Red','Green','Blue'])[k + 1] END AS value
FROM generate_series(0, 99999) i,
     LATERAL generate_series(0, CASE WHEN i < 40000 THEN 0 WHEN i < 80000 THEN 4 ELSE 2 END) k;

INSERT INTO product (id, sku, slug, name, description, price_cents, active, created_at, updated_at)
SELECT product_id, min(sku), 'bench-product-' || i, 'Bench product ' || i, 'Item ' || i, min(price_cents), true,
       now() - i * interval '1 second', now() - i * interval '1 second'
FROM gen_variant GROUP BY i, product_id;
INSERT INTO product_option (product_id, position, name)
SELECT DISTINCT product_id, 0::smallint, option_name FROM gen_variant WHERE option_name IS NOT NULL;
INSERT INTO product_option_value (product_id, option_position, position, value)
SELECT product_id, 0, k, value FROM gen_variant WHERE option_name IS NOT NULL;
INSERT INTO product_variant (id, product_id, sku, price_cents, stock, active, position, combination_key)
SELECT id, product_id, sku, price_cents, stock, true, k,
       CASE WHEN option_name IS NULL THEN '{}' ELSE format('{"%s":"%s"}', option_name, value) END
FROM gen_variant;
INSERT INTO product_variant_option_value (variant_id, product_id, option_position, value)
SELECT id, product_id, 0, value FROM gen_variant WHERE option_name IS NOT NULL;
INSERT INTO product_category (product_id, category_id)
SELECT md5('p' || i)::uuid, md5('sub' || (i % 10) || '-' || ((i / 10) % 10))::uuid FROM generate_series(0, 99999) i;
COMMIT;
VACUUM ANALYZE;
SQL
  echo "catalog generated in $(( $(date +%s) - t0 )) s"
  # The catalog was written behind the service's back: restart it so that nothing it holds predates the data.
  stop_app
  start_app "$DB" "$@"
fi
echo "catalog: $(psql -h "$PGHOST" -U postgres -tAc "SELECT (SELECT count(*) FROM product WHERE active) || ' products, ' || (SELECT count(*) FROM product_variant) || ' variants'" "$DB")"
echo "start-up: ${STARTUP_MS} ms; RSS at ready: $(rss_mb) MB"

PLAIN="/api/v1/products?size=20&sort=newest"
FACETED="/api/v1/products?category=top-3&option.Size=M&facets=true&size=20"
cat > "$WORK/mixed.lua" <<'LUA'
math.randomseed(os.time())
local sizes = {"XS", "S", "M", "L", "XL"}
local sorts = {"newest", "price_asc", "price_desc", "name"}
request = function()
  local path = "/api/v1/products?facets=true&size=20&category=top-" .. math.random(0, 9)
      .. "&option.Size=" .. sizes[math.random(1, 5)] .. "&sort=" .. sorts[math.random(1, 4)]
  if math.random(1, 2) == 1 then path = path .. "&maxPriceCents=" .. (math.random(1, 10) * 10000) end
  return wrk.format("GET", path)
end
LUA
cat > "$WORK/summary.py" <<'PY'
import json, sys
d = json.load(sys.stdin)
f = d["facets"]
opts = ", ".join(o["name"] + ": " + " ".join("%s=%d" % (v["value"], v["count"]) for v in o["values"]) for o in f["options"])
print("%d products; %d category counts; %s; price %s" % (d["totalItems"], len(f["categories"]), opts, f["price"]))
PY
echo "faceted answer: $(curl -sf "$BASE$FACETED" | python3 "$WORK/summary.py")"
for path in "$PLAIN" "$FACETED" "/api/v1/products?facets=true&size=20&category=top-7&option.Size=XL&sort=price_desc&maxPriceCents=50000"; do
  curl -s -o /dev/null -w "single request (cold) %{time_total}s  $path\n" "$BASE$path"
done

echo "warm-up (JIT) ..."
for _ in 1 2; do
  wrk -t2 -c32 -d5s "$BASE$PLAIN" >/dev/null
  wrk -t2 -c32 -d5s "$BASE$FACETED" >/dev/null
  wrk -t2 -c32 -d5s -s "$WORK/mixed.lua" "$BASE" >/dev/null
  wrk -t2 -c32 -d3s "$BASE/q/health/live" >/dev/null
done
declare -a R_PLAIN R_FACETED R_MIXED
for round in $(seq 1 "$ROUNDS"); do
  echo "round $round:" >&2
  ceiling=$(run "ceiling" "$BASE/q/health/live")
  plain=$(run "plain" "$BASE$PLAIN")
  faceted=$(run "faceted" "$BASE$FACETED")
  mixed=$(run "mixed" -s "$WORK/mixed.lua" "$BASE")
  read -r a b c <<<"$(python3 -c "print(f'{$plain/$ceiling:.3f} {$faceted/$plain:.3f} {$mixed/$plain:.3f}')")"
  echo "  plain / ceiling $a   faceted / plain $b   mixed / plain $c" >&2
  R_PLAIN+=("$a"); R_FACETED+=("$b"); R_MIXED+=("$c")
done
echo "median of $ROUNDS rounds: plain / ceiling $(med "${R_PLAIN[@]}"), faceted / plain $(med "${R_FACETED[@]}"), mixed / plain $(med "${R_MIXED[@]}")"
echo "RSS after the load: $(rss_mb) MB"
