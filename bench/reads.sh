#!/usr/bin/env bash
# Reads benchmark (issue 20): the public catalog reads of a 10,000-product catalog as ratios to the same-run
# ceiling (/q/health/live on the same server), in ROUNDS interleaved rounds of DURATION each at 32 connections:
#   page 0 of the list, a random page of the 500 (a crawler's walk), one popular product by its slug, a random product
#   of the 10,000 by slug (a crawler again), and page 0 revalidated by a CDN (If-None-Match with its ETag: 304, no body);
# then the process's memory: RSS at ready, after the bulk load, and after the read load.
# Usage: bench/reads.sh [extra JVM options for the service]
#   bench/reads.sh                                   # default JVM ergonomics (the machine has 24 GB)
#   bench/reads.sh -XX:MaxRAM=512m                   # as if in a 512 MiB container
#   MALLOC_ARENA_MAX=2 bench/reads.sh -XX:MaxRAM=512m @src/main/docker/jvm.options   # as the container image runs
#   BENCH_ENV=SHOP_CATALOG_ORIGIN_CACHE=0s bench/reads.sh   # every read rendered from PostgreSQL (no origin cache)
source "$(dirname "$0")/lib.sh"
DURATION="${DURATION:-10s}"
ROUNDS="${ROUNDS:-3}"
ensure_jar
fresh_db shop_bench_reads
start_app shop_bench_reads "$@"
echo "JVM options: ${*:-(defaults)}; env: ${BENCH_ENV:-(none)}"
echo "start-up: ${STARTUP_MS} ms; RSS at ready: $(rss_mb) MB"
TOKEN=$(curl -sf "$BASE/api/v1/auth/login" -H 'content-type: application/json' \
  -d '{"email":"admin@bench.local","password":"bench-admin-password"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')
python3 - "$WORK/bulk.json" <<'PY'
import json, sys
items = [{"sku": f"BENCH-{i:05d}", "name": f"Bench product {i}", "description": f"Item number {i}, colour {i % 7}",
          "priceCents": 100 + (i * 37) % 100000, "stock": 1000} for i in range(10000)]
json.dump(items, open(sys.argv[1], "w"))
PY
code=$(curl -s -o /dev/null -w '%{http_code}' "$BASE/api/v1/admin/products/bulk" -H "authorization: Bearer $TOKEN" \
  -H 'content-type: application/json' --data-binary @"$WORK/bulk.json")
[ "$code" = 201 ] || [ "$code" = 200 ] || { echo "bulk create: HTTP $code" >&2; exit 1; }
psql -h "$PGHOST" -U postgres -qc "VACUUM ANALYZE" shop_bench_reads
echo "catalog: $(psql -h "$PGHOST" -U postgres -tAc "SELECT count(*) FROM product WHERE active" shop_bench_reads) active products; RSS after the bulk load: $(rss_mb) MB"

# The slugs, for a product page picked at random by each request.
psql -h "$PGHOST" -U postgres -tAc "SELECT slug FROM product WHERE active" shop_bench_reads \
  | python3 -c 'import sys; s=[l.strip() for l in sys.stdin if l.strip()]; print("slugs = {" + ",".join("\"%s\"" % x for x in s) + "}")' > "$WORK/slugs.lua"
cat "$WORK/slugs.lua" - > "$WORK/slug.lua" <<'LUA'
math.randomseed(os.time())
request = function() return wrk.format("GET", "/api/v1/products/" .. slugs[math.random(1, #slugs)]) end
LUA
cat > "$WORK/random-page.lua" <<'LUA'
math.randomseed(os.time())
request = function() return wrk.format("GET", "/api/v1/products?size=20&sort=newest&page=" .. math.random(0, 499)) end
LUA
ETAG=$(curl -sf -D - -o /dev/null "$BASE/api/v1/products?size=20&sort=newest" | awk -F': ' 'tolower($1)=="etag" {print $2}' | tr -d '\r')
echo "page 0: ETag ${ETAG:-(none)}, Cache-Control $(curl -sf -D - -o /dev/null "$BASE/api/v1/products?size=20&sort=newest" | awk -F': ' 'tolower($1)=="cache-control" {print $2}' | tr -d '\r')"

echo "warm-up (JIT) ..."
for _ in 1 2; do
  wrk -t2 -c32 -d5s "$BASE/api/v1/products?size=20&sort=newest" >/dev/null
  wrk -t2 -c32 -d5s -s "$WORK/random-page.lua" "$BASE" >/dev/null
  wrk -t2 -c32 -d5s -s "$WORK/slug.lua" "$BASE" >/dev/null
  wrk -t2 -c32 -d3s "$BASE/q/health/live" >/dev/null
done
ONE_SLUG=$(head -c 300 "$WORK/slugs.lua" | sed -E 's/^slugs = \{"([^"]+)".*/\1/')
declare -a R_PAGE0 R_RANDOM R_ONE R_SLUG R_304
for round in $(seq 1 "$ROUNDS"); do
  echo "round $round:" >&2
  ceiling=$(run "ceiling" "$BASE/q/health/live")
  page0=$(run "page 0" "$BASE/api/v1/products?size=20&sort=newest")
  random=$(run "random page" -s "$WORK/random-page.lua" "$BASE")
  one=$(run "one product" "$BASE/api/v1/products/$ONE_SLUG")
  slug=$(run "random product" -s "$WORK/slug.lua" "$BASE")
  if [ -n "$ETAG" ]; then
    reval=$(run "revalidate 304" -H "If-None-Match: $ETAG" "$BASE/api/v1/products?size=20&sort=newest")
  else reval=0; fi
  read -r a b c d e <<<"$(python3 -c "c=$ceiling; print(f'{$page0/c:.3f} {$random/$page0:.3f} {$one/c:.3f} {$slug/c:.3f} {$reval/c:.3f}')")"
  echo "  page 0 / ceiling $a   random page / page 0 $b   one product / ceiling $c   random product / ceiling $d   304 / ceiling $e" >&2
  R_PAGE0+=("$a"); R_RANDOM+=("$b"); R_ONE+=("$c"); R_SLUG+=("$d"); R_304+=("$e")
done
echo "median of $ROUNDS rounds: page 0 / ceiling $(med "${R_PAGE0[@]}"), random page / page 0 $(med "${R_RANDOM[@]}"), one product / ceiling $(med "${R_ONE[@]}"), random product / ceiling $(med "${R_SLUG[@]}"), 304 / ceiling $(med "${R_304[@]}")"
echo "RSS after the read load: $(rss_mb) MB (peak $(( $(awk '/VmHWM/ {print $2}' "/proc/$APP_PID/status") / 1024 )) MB)"
# With -XX:NativeMemoryTracking=summary among the JVM options: where the committed memory is, by JVM area.
if grep -q NativeMemoryTracking <<<"$*"; then
  jcmd "$APP_PID" VM.native_memory summary | awk '/committed=/ && /^-|^Total/ {print "  " $0}' | sed -E 's/\(reserved=[0-9]+KB, //'
fi
