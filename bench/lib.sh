#!/usr/bin/env bash
# Shared by the bench scripts: start the packaged service (prod profile, configured by environment only)
# against a fresh database on a PostgreSQL server, and measure it from outside.
# BENCH_JAVA_OPTS adds JVM options to the service (a JFR recording: -XX:StartFlightRecording=filename=/tmp/x.jfr).
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
PGURL_BASE="${BENCH_PG_BASE:-jdbc:postgresql://127.0.0.1:5432}"
PGHOST="${BENCH_PG_HOST:-127.0.0.1}"
PORT="${BENCH_PORT:-18090}"
BASE="http://127.0.0.1:$PORT"
WORK="$(mktemp -d /tmp/shop-bench.XXXXXX)"
APP_PID=""

need() { command -v "$1" >/dev/null || { echo "missing: $1 (apt-get install $2)" >&2; exit 1; }; }
need wrk wrk
need psql postgresql-client
need curl curl

ensure_jar() {
  [ -f "$ROOT/target/quarkus-app/quarkus-run.jar" ] || (cd "$ROOT" && ./mvnw -B -q package -DskipTests)
}

fresh_db() {
  local db="$1"
  psql -h "$PGHOST" -U postgres -qc "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null
}

keys() {
  openssl genrsa -out "$WORK/k.pem" 2048 2>/dev/null
  openssl pkcs8 -topk8 -nocrypt -in "$WORK/k.pem" -out "$WORK/private.pem"
  openssl rsa -in "$WORK/k.pem" -pubout -out "$WORK/public.pem" 2>/dev/null
}

# start_app DB [extra java opts...]: sets APP_PID and STARTUP_MS (exec to the first 200 from /q/health/ready)
start_app() {
  local db="$1"; shift
  keys
  local t0; t0=$(date +%s%N)
  env QUARKUS_HTTP_PORT="$PORT" \
      QUARKUS_DATASOURCE_JDBC_URL="$PGURL_BASE/$db" QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=postgres \
      MP_JWT_VERIFY_PUBLICKEY_LOCATION="$WORK/public.pem" SMALLRYE_JWT_SIGN_KEY_LOCATION="$WORK/private.pem" \
      ADMIN_EMAIL=admin@bench.local ADMIN_PASSWORD=bench-admin-password QUARKUS_MAILER_MOCK=true SHOP_HTTP_SECURE_COOKIES=auto \
      RATE_LIMIT_IP_PER_MINUTE="${RATE_LIMIT_IP_PER_MINUTE:-100000000}" RATE_LIMIT_LOGIN_FAILURES=1000000 \
      ${BENCH_ENV:-} \
      java ${BENCH_JAVA_OPTS:-} "$@" -jar "$ROOT/target/quarkus-app/quarkus-run.jar" > "$WORK/app.log" 2>&1 &
  APP_PID=$!
  until curl -sf "$BASE/q/health/ready" >/dev/null; do
    kill -0 "$APP_PID" 2>/dev/null || { echo "service died; see $WORK/app.log" >&2; exit 1; }
    sleep 0.05
  done
  STARTUP_MS=$(( ($(date +%s%N) - t0) / 1000000 ))
}

rss_mb() { echo $(( $(awk '/VmRSS/ {print $2}' "/proc/$APP_PID/status") / 1024 )); }

stop_app() { [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true; }
trap 'stop_app; [ -n "${KEEP_LOGS:-}" ] && cp "$WORK"/*.log /tmp/ 2>/dev/null; rm -rf "$WORK"' EXIT

# run LABEL wrk-args...: one wrk measurement at 32 connections for DURATION; prints "LABEL req/s p99" to stderr and
# answers the requests/s.
run() {
  local label="$1"; shift
  local out; out=$(wrk -t2 -c32 -d"$DURATION" --latency "$@")
  local rps; rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  local p99; p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  local bad; bad=$(awk '/Non-2xx/ {print $5}' <<<"$out")
  printf '%-14s %10s req/s  p99 %8s%s\n' "$label" "$rps" "$p99" "${bad:+  non-2xx $bad}" >&2
  echo "$rps"
}

# med VALUES...: the median.
med() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
