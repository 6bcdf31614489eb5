#!/usr/bin/env bash
# Foundation benchmark: start-up of the packaged jar to the first 200 from /q/health/ready, RSS after start
# and after load, and login requests/s at 16 connections (bcrypt cost from SHOP_BCRYPT_COST, default 10).
# Usage: bench/auth.sh   (needs a PostgreSQL server on 127.0.0.1:5432, user postgres, and wrk)
source "$(dirname "$0")/lib.sh"
DURATION="${DURATION:-20s}"
ensure_jar
fresh_db shop_bench_auth
start_app shop_bench_auth
echo "start-up to first ready 200: ${STARTUP_MS} ms"
echo "RSS after start: $(rss_mb) MB"

curl -sf "$BASE/api/v1/auth/register" -H 'content-type: application/json' \
  -d '{"email":"bench@bench.local","password":"bench-password","name":"Bench"}' >/dev/null
cat > "$WORK/login.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"email":"bench@bench.local","password":"bench-password"}'
LUA
echo "warm-up..."; wrk -t2 -c16 -d5s -s "$WORK/login.lua" "$BASE/api/v1/auth/login" >/dev/null
echo "login, 16 connections, bcrypt cost ${SHOP_BCRYPT_COST:-10}:"
wrk -t2 -c16 -d"$DURATION" --latency -s "$WORK/login.lua" "$BASE/api/v1/auth/login" | grep -E "Requests/sec|Latency|99%|Non-2xx"
echo "ceiling, GET /q/health/live, 16 connections:"
wrk -t2 -c16 -d10s "$BASE/q/health/live" | grep -E "Requests/sec"
echo "RSS after load: $(rss_mb) MB"
