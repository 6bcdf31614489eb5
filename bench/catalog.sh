#!/usr/bin/env bash
# Catalog benchmark (issue 3): bulk create of 10,000 products; public list page (size 20 of 10,000 products)
# requests/s and p99 at 32 connections beside /q/health/live on the same server as a ceiling; CSV import of
# 100,000 rows (time, peak RSS) with the service at -Xmx256m.
# Usage: bench/catalog.sh   (PostgreSQL server on 127.0.0.1:5432, user postgres; wrk; python3)
source "$(dirname "$0")/lib.sh"
DURATION="${DURATION:-20s}"
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
echo "public list, q=color 3, sort=price_asc, 32 connections:"
wrk -t2 -c32 -d"$DURATION" --latency "$BASE/api/v1/products?size=20&sort=price_asc&q=color%203" | grep -E "Requests/sec|99%|Non-2xx"
echo "ceiling, /q/health/live, 32 connections:"
wrk -t2 -c32 -d"$DURATION" --latency "$BASE/q/health/live" | grep -E "Requests/sec|99%"

python3 - "$WORK/import.csv" <<'PY'
import sys
with open(sys.argv[1], "w", encoding="utf-8") as f:
    f.write("sku,name,slug,description,price,stock,active,image_url\n")
    for i in range(100000):
        f.write(f'CSV-{i:06d},"Imported, item {i} — ünïcode",,"A ""quoted"" description\nover two lines",{i % 1000}.{i % 100:02d},{i % 50},true,\n')
PY
echo "CSV file: $(du -h "$WORK/import.csv" | cut -f1), 100,000 rows"
t0=$(date +%s%N)
code=$(curl -s -o "$WORK/import.out" -w '%{http_code}' "$BASE/api/v1/admin/products/import" -H "authorization: Bearer $TOKEN" \
  -H 'content-type: text/csv' --data-binary @"$WORK/import.csv")
echo "CSV import 100,000 rows: HTTP $code in $(( ($(date +%s%N) - t0) / 1000000 )) ms: $(cat "$WORK/import.out" | head -c 200)"
echo "peak RSS of the service (VmHWM): $(( $(awk '/VmHWM/ {print $2}' "/proc/$APP_PID/status") / 1024 )) MB, RSS now $(rss_mb) MB"
