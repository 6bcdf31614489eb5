#!/usr/bin/env bash
# Start-up benchmark (issue 20): milliseconds from exec to the first 200 (the shop: /q/health/ready against an
# already-migrated database; the bare app: its one endpoint), and the CPU the process burnt by then, median of RUNS
# rounds, each round starting every variant once in turn (the machine is shared: compare within a round):
#   shop, plain `java -jar`                       bare Quarkus REST app (bench/bare-app), plain
#   shop + AppCDS archive (JDK 17)                 bare app + AppCDS archive
#   shop on JDK 25, plain and with its AOT cache (JEP 483/514), from a static-init training (what an image build can do)
#     and from a short training run that served requests (needs the database: a deploy pipeline's job)
# The archives are made as src/main/docker/Dockerfile.jvm makes its own: on a jar packaged with
# -Dquarkus.package.jar.appcds.enabled=true, `-XX:ArchiveClassesAtExit` (JDK 25: `-XX:AOTCacheOutput`) while Quarkus
# runs its static init only and exits (`-Dquarkus.appcds.generate=true`), so no database is needed.
# Usage: bench/startup.sh   (RUNS=5; JDK25=/usr/lib/jvm/temurin-25-jdk-amd64 or empty to skip)
source "$(dirname "$0")/lib.sh"
RUNS="${RUNS:-5}"
JDK25="${JDK25-/usr/lib/jvm/temurin-25-jdk-amd64}"
[ -x "$JDK25/bin/java" ] || JDK25=""
SHOP="$ROOT/target/quarkus-app"
BARE="$BENCH_DIR/bare-app/target/quarkus-app"
# Packaged for AppCDS (the archive Quarkus makes then is replaced below, made the image's way).
[ -f "$SHOP/app-cds.jsa" ] || (cd "$ROOT" && ./mvnw -B -q package -DskipTests -Dquarkus.package.jar.appcds.enabled=true)
[ -f "$BARE/app-cds.jsa" ] || (cd "$ROOT" && ./mvnw -B -q -f bench/bare-app/pom.xml package -Dquarkus.package.jar.appcds.enabled=true)

fresh_db shop_bench_startup
start_app shop_bench_startup   # migrates the schema, as a deploy's first instance does
stop_app
export QUARKUS_HTTP_PORT="$PORT" QUARKUS_DATASOURCE_JDBC_URL="$PGURL_BASE/shop_bench_startup" \
  QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=postgres \
  MP_JWT_VERIFY_PUBLICKEY_LOCATION="$WORK/public.pem" SMALLRYE_JWT_SIGN_KEY_LOCATION="$WORK/private.pem" \
  ADMIN_EMAIL=admin@bench.local ADMIN_PASSWORD=bench-admin-password QUARKUS_MAILER_MOCK=true

archive() { # DIR JAVA OPTION...: make an archive the way the image build does (bounded: a jar not packaged for
  # AppCDS would start for good instead of exiting after its static init)
  (cd "$1" && timeout 300 "$2" "${@:3}" -Dquarkus.appcds.generate=true -jar quarkus-run.jar > "$WORK/archive.log" 2>&1) \
    || { echo "archive failed (is the jar packaged with -Dquarkus.package.jar.appcds.enabled=true?):"; tail -5 "$WORK/archive.log"; exit 1; }
}
echo "making the archives..."
archive "$SHOP" java -XX:ArchiveClassesAtExit=app-cds.jsa
archive "$BARE" java -XX:ArchiveClassesAtExit=app-cds.jsa
if [ -n "$JDK25" ]; then
  archive "$SHOP" "$JDK25/bin/java" -XX:AOTCacheOutput=app.aot
  # A training run: start, serve the storefront's first calls and a login, stop (the cache is written at exit).
  (cd "$SHOP" && exec "$JDK25/bin/java" -XX:AOTCacheOutput=app-trained.aot -jar quarkus-run.jar > "$WORK/train.log" 2>&1) &
  pid=$!
  until curl -sf "$BASE/q/health/ready" >/dev/null; do kill -0 $pid 2>/dev/null || { tail -5 "$WORK/train.log"; exit 1; }; sleep 0.1; done
  for _ in $(seq 1 100); do
    curl -s -o /dev/null "$BASE/api/v1/products?size=20"; curl -s -o /dev/null "$BASE/api/v1/products/none"
    curl -s -o /dev/null "$BASE/api/v1/cart"
  done
  curl -s -o /dev/null "$BASE/api/v1/auth/login" -H 'content-type: application/json' \
    -d '{"email":"admin@bench.local","password":"bench-admin-password"}'
  kill $pid; wait $pid 2>/dev/null || true   # the cache is written as it exits
fi

# once DIR URL JAVA OPTION...: "ms cpu_ms" to the first 200 on URL
once() {
  local dir="$1" url="$2"; shift 2
  ! curl -s -o /dev/null "$url" || { echo "something already answers on $url" >&2; exit 1; }
  local t0; t0=$(date +%s%N)
  (cd "$dir" && exec "$@" -jar quarkus-run.jar > "$WORK/once.log" 2>&1) &
  local pid=$!
  until curl -sf "$url" >/dev/null; do
    kill -0 $pid 2>/dev/null || { echo "died: $*" >&2; tail -5 "$WORK/once.log" >&2; exit 1; }
    sleep 0.01
  done
  local ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  local cpu; cpu=$(awk '{print ($14 + $15) * 10}' "/proc/$pid/stat")
  kill $pid; wait $pid 2>/dev/null || true
  echo "$ms $cpu"
}
declare -A MS CPU
VARIANTS=(shop shop+cds bare bare+cds)
[ -n "$JDK25" ] && VARIANTS+=(shop-jdk25 shop-jdk25+aot shop-jdk25+aot-trained)
for round in $(seq 1 "$RUNS"); do
  line="round $round:"
  for v in "${VARIANTS[@]}"; do
    case "$v" in
      shop) r=$(once "$SHOP" "$BASE/q/health/ready" java) ;;
      shop+cds) r=$(once "$SHOP" "$BASE/q/health/ready" java -XX:SharedArchiveFile=app-cds.jsa) ;;
      bare) r=$(once "$BARE" "$BASE/hello" java) ;;
      bare+cds) r=$(once "$BARE" "$BASE/hello" java -XX:SharedArchiveFile=app-cds.jsa) ;;
      shop-jdk25) r=$(once "$SHOP" "$BASE/q/health/ready" "$JDK25/bin/java") ;;
      shop-jdk25+aot) r=$(once "$SHOP" "$BASE/q/health/ready" "$JDK25/bin/java" -XX:AOTCache=app.aot) ;;
      shop-jdk25+aot-trained) r=$(once "$SHOP" "$BASE/q/health/ready" "$JDK25/bin/java" -XX:AOTCache=app-trained.aot) ;;
    esac
    MS[$v]+="${r% *} "; CPU[$v]+="${r#* } "
    line+=" $v ${r% *}"
  done
  echo "$line"
done
med() { printf '%s\n' $1 | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "median of $RUNS (ms to the first 200 / CPU ms by then):"
for v in "${VARIANTS[@]}"; do printf '  %-24s %6s ms  %6s ms CPU\n' "$v" "$(med "${MS[$v]}")" "$(med "${CPU[$v]}")"; done
echo "shop+cds / bare+cds: $(python3 -c "print(f'{$(med "${MS[shop+cds]}")/$(med "${MS[bare+cds]}"):.2f}')")x;" \
  "shop / bare: $(python3 -c "print(f'{$(med "${MS[shop]}")/$(med "${MS[bare]}"):.2f}')")x"
