#!/usr/bin/env bash
# The web UI as the packaged service serves it: static throughput of the SPA shell and its main bundle
# (wrk, 32 connections), and cold page loads in headless chromium (a new browser context per load):
# time to the first product card, DOMContentLoaded, and bytes transferred.
# Needs: wrk, psql, Debian's chromium, and src/main/webui/node_modules (any ./mvnw package installs them).
#   bench/storefront.sh            LOADS=20 bench/storefront.sh
source "$(dirname "$0")/lib.sh"
ensure_jar
[ -d "$ROOT/src/main/webui/node_modules/@playwright/test" ] || { echo "run ./mvnw package first (installs the UI's node_modules)" >&2; exit 1; }

fresh_db shop_bench_ui
start_app shop_bench_ui -Xmx512m
echo "start-up to ready: ${STARTUP_MS} ms, RSS $(rss_mb) MB"

TOKEN=$(curl -sf "$BASE/api/v1/auth/login" -H 'content-type: application/json' \
  -d '{"email":"admin@bench.local","password":"bench-admin-password"}' | sed 's/.*"accessToken":"\([^"]*\)".*/\1/')
python3 - "$WORK/products.json" <<'PY'
import json, sys
json.dump([{"sku": f"UI-{i:04d}", "name": f"Bench product {i}", "description": "A product for the storefront bench.",
            "priceCents": 500 + i * 7, "stock": 50} for i in range(200)], open(sys.argv[1], "w"))
PY
curl -sf -o /dev/null "$BASE/api/v1/admin/products/bulk" -H "authorization: Bearer $TOKEN" \
  -H 'content-type: application/json' --data-binary @"$WORK/products.json"

MAIN_JS=$(curl -sf "$BASE/" | grep -o '/assets/index-[^"]*\.js' | head -1)
for path in / "$MAIN_JS" /products/bench-product-7; do
  printf '%-40s ' "GET $path"
  wrk -t2 -c32 -d10s "$BASE$path" | awk '/Requests\/sec/ {rps=$2} /Latency/ {lat=$2} END {printf "%s req/s, mean latency %s\n", rps, lat}'
done

cd "$ROOT/src/main/webui"
BASE_URL="$BASE" LOADS="${LOADS:-20}" node "$BENCH_DIR/storefront-load.mjs"
echo "RSS after: $(rss_mb) MB"
