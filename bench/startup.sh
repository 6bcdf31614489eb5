#!/usr/bin/env bash
# Start-up benchmark (issue 20): milliseconds from exec to the first 200 (the shop: /q/health/ready against an
# already-migrated database; the bare app: its one endpoint), and the CPU the process burnt by then, median of RUNS
# rounds, each round starting every variant once in turn (the machine is shared: compare within a round):
#   shop            plain `java -jar` of the default fast-jar (the README's run command)
#   shop+cds        JDK 17 with the AppCDS archive the JVM image ships (src/main/docker/Dockerfile.jvm)
#   bare, bare+cds  a bare Quarkus REST app (bench/bare-app: one endpoint), plain, and with its archive made the
#                   same way (aot-jar, a training run that served requests)
#   shop-jdk25      plain `java -jar` on JDK 25; shop-jdk25+aot / bare-jdk25+aot: with the AOT cache (JEP 483/515)
#                   the JDK 25 image ships (src/main/docker/Dockerfile.jvm25), and the bare app's made the same way
#   shop-jdk25+aot-step  the same with migrations as a deploy step (QUARKUS_FLYWAY_ACTIVE=false: no Flyway at start)
#   stack+cds, stack-jdk25+aot  the bare app's endpoint on the shop's extension set (bench/bare-app -Pextensions: all
#                   but Quinoa; no code of the shop, no constrained classes, no migrations: Flyway finds nothing to
#                   do in its own empty database), with its archive made the same way: what the stack alone costs
# The archives are made as the images make theirs: on a build packaged with -Dquarkus.package.jar.type=aot-jar
# (into target/aot here), src/main/docker/train-archive.sh starts the service with no database, sends it a
# few requests and stops it, and the JVM writes what it loaded. The bare app's training is a start and 50 requests.
# Usage: bench/startup.sh   (RUNS=5; JDK25=/usr/lib/jvm/temurin-25-jdk-amd64 or empty to skip; PACKAGE=0 reuses
# the packaged builds)
source "$(dirname "$0")/lib.sh"
RUNS="${RUNS:-5}"
JDK25="${JDK25-/usr/lib/jvm/temurin-25-jdk-amd64}"
[ -x "$JDK25/bin/java" ] || JDK25=""
SHOP="$ROOT/target/quarkus-app"
SHOP_AOT="$ROOT/target/aot"
BARE="$BENCH_DIR/bare-app/target/quarkus-app"
BARE_AOT="$BENCH_DIR/bare-app/target/aot"
STACK_AOT="$BENCH_DIR/bare-app/target/stack-aot"
if [ "${PACKAGE:-1}" = 1 ] || [ ! -f "$SHOP_AOT/quarkus-run.jar" ] || [ ! -f "$STACK_AOT/quarkus-run.jar" ]; then
  echo "packaging the fast-jars and the aot-jars..."
  (cd "$ROOT" && ./mvnw -B -q package -DskipTests -Dquarkus.quinoa.run-tests=false \
    && ./mvnw -B -q package -DskipTests -Dquarkus.quinoa.run-tests=false -Dquarkus.package.jar.type=aot-jar \
         -Dquarkus.package.output-directory=aot \
    && ./mvnw -B -q -f bench/bare-app/pom.xml package \
    && ./mvnw -B -q -f bench/bare-app/pom.xml package -Dquarkus.package.jar.type=aot-jar -Dquarkus.package.output-directory=aot \
    && ./mvnw -B -q -f bench/bare-app/pom.xml package -Pextensions -Dquarkus.datasource.db-kind=postgresql \
         -Dquarkus.package.jar.type=aot-jar -Dquarkus.package.output-directory=stack-aot)
fi

fresh_db shop_bench_startup
fresh_db shop_bench_stack
start_app shop_bench_startup   # migrates the schema, as a deploy's first instance does
stop_app
export QUARKUS_HTTP_PORT="$PORT" QUARKUS_DATASOURCE_JDBC_URL="$PGURL_BASE/shop_bench_startup" \
  QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=postgres \
  MP_JWT_VERIFY_PUBLICKEY_LOCATION="$WORK/public.pem" SMALLRYE_JWT_SIGN_KEY_LOCATION="$WORK/private.pem" \
  ADMIN_EMAIL=admin@bench.local ADMIN_PASSWORD=bench-admin-password QUARKUS_MAILER_MOCK=true

echo "making the archives (training runs)..."
train_shop() { # JAVA ARCHIVE_OPTION: the image's training run (it sets its own environment: no database)
  (cd "$SHOP_AOT" && TRAINING_PORT="$PORT" \
    "$ROOT/src/main/docker/train-archive.sh" "$@" > "$WORK/train.log" 2>&1) \
    || { echo "training run failed:"; tail -5 "$WORK/train.log"; exit 1; }
}
train_bare() { # DIR JAVA ARCHIVE_OPTION (the stack's training, as the shop's, has no database)
  local dir="$1"; shift
  (cd "$dir" && QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:1/none QUARKUS_FLYWAY_MIGRATE_AT_START=false \
    exec "$@" -jar quarkus-run.jar > "$WORK/train.log" 2>&1) &
  local pid=$!
  until curl -sf "$BASE/hello" >/dev/null; do kill -0 $pid 2>/dev/null || { tail -5 "$WORK/train.log"; exit 1; }; sleep 0.05; done
  for _ in $(seq 1 50); do curl -s -o /dev/null "$BASE/hello"; done
  kill $pid; wait $pid 2>/dev/null || true   # the archive is written as the JVM exits
}
rm -f "$SHOP_AOT"/app-cds.jsa "$SHOP_AOT"/app.aot "$BARE_AOT"/app-cds.jsa "$BARE_AOT"/app.aot \
  "$STACK_AOT"/app-cds.jsa "$STACK_AOT"/app.aot
train_shop java -XX:ArchiveClassesAtExit=app-cds.jsa
train_bare "$BARE_AOT" java -XX:ArchiveClassesAtExit=app-cds.jsa
train_bare "$STACK_AOT" java -XX:ArchiveClassesAtExit=app-cds.jsa
if [ -n "$JDK25" ]; then
  train_shop "$JDK25/bin/java" -XX:AOTCacheOutput=app.aot
  train_bare "$BARE_AOT" "$JDK25/bin/java" -XX:AOTCacheOutput=app.aot
  train_bare "$STACK_AOT" "$JDK25/bin/java" -XX:AOTCacheOutput=app.aot
fi
STACK_DB="-Dquarkus.datasource.jdbc.url=$PGURL_BASE/shop_bench_stack"   # its own database (no shop migrations)

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
VARIANTS=(shop shop+cds bare bare+cds stack+cds)
[ -n "$JDK25" ] && VARIANTS+=(shop-jdk25 shop-jdk25+aot shop-jdk25+aot-step bare-jdk25+aot stack-jdk25+aot)
for round in $(seq 1 "$RUNS"); do
  line="round $round:"
  for v in "${VARIANTS[@]}"; do
    case "$v" in
      shop) r=$(once "$SHOP" "$BASE/q/health/ready" java) ;;
      shop+cds) r=$(once "$SHOP_AOT" "$BASE/q/health/ready" java -XX:SharedArchiveFile=app-cds.jsa) ;;
      bare) r=$(once "$BARE" "$BASE/hello" java) ;;
      bare+cds) r=$(once "$BARE_AOT" "$BASE/hello" java -XX:SharedArchiveFile=app-cds.jsa) ;;
      shop-jdk25) r=$(once "$SHOP" "$BASE/q/health/ready" "$JDK25/bin/java") ;;
      shop-jdk25+aot) r=$(once "$SHOP_AOT" "$BASE/q/health/ready" "$JDK25/bin/java" -XX:AOTCache=app.aot) ;;
      shop-jdk25+aot-step) r=$(once "$SHOP_AOT" "$BASE/q/health/ready" env QUARKUS_FLYWAY_ACTIVE=false \
        "$JDK25/bin/java" -XX:AOTCache=app.aot) ;;
      bare-jdk25+aot) r=$(once "$BARE_AOT" "$BASE/hello" "$JDK25/bin/java" -XX:AOTCache=app.aot) ;;
      stack+cds) r=$(once "$STACK_AOT" "$BASE/q/health/ready" java -XX:SharedArchiveFile=app-cds.jsa "$STACK_DB") ;;
      stack-jdk25+aot) r=$(once "$STACK_AOT" "$BASE/q/health/ready" "$JDK25/bin/java" -XX:AOTCache=app.aot "$STACK_DB") ;;
    esac
    MS[$v]+="${r% *} "; CPU[$v]+="${r#* } "
    line+=" $v ${r% *}"
  done
  echo "$line"
done
med() { printf '%s\n' $1 | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
ratio() { python3 -c "print(f'{$(med "${MS[$1]}")/$(med "${MS[$2]}"):.2f}')"; }
echo "median of $RUNS (ms to the first 200 / CPU ms by then):"
for v in "${VARIANTS[@]}"; do printf '  %-20s %6s ms  %6s ms CPU\n' "$v" "$(med "${MS[$v]}")" "$(med "${CPU[$v]}")"; done
echo "shop+cds / bare+cds: $(ratio shop+cds bare+cds)x; shop / bare: $(ratio shop bare)x;" \
  "shop / shop+cds: $(ratio shop shop+cds)x; stack+cds / bare+cds: $(ratio stack+cds bare+cds)x;" \
  "shop+cds / stack+cds: $(ratio shop+cds stack+cds)x"
[ -n "$JDK25" ] && echo "shop-jdk25+aot / bare-jdk25+aot: $(ratio shop-jdk25+aot bare-jdk25+aot)x;" \
  "shop / shop-jdk25+aot: $(ratio shop shop-jdk25+aot)x; stack-jdk25+aot / bare-jdk25+aot:" \
  "$(ratio stack-jdk25+aot bare-jdk25+aot)x; shop-jdk25+aot / stack-jdk25+aot: $(ratio shop-jdk25+aot stack-jdk25+aot)x;" \
  "shop-jdk25+aot-step / bare-jdk25+aot: $(ratio shop-jdk25+aot-step bare-jdk25+aot)x"

# Where the archived start still spends its time: one more start of the image's variant with Quarkus's per-step
# timings (each build step's share of the start; what no step holds is the JVM's own start and the first request).
if [ -n "$JDK25" ]; then phases=(shop-jdk25+aot "$JDK25/bin/java" -XX:AOTCache=app.aot)
else phases=(shop+cds java -XX:SharedArchiveFile=app-cds.jsa); fi
once "$SHOP_AOT" "$BASE/q/health/ready" "${phases[@]:1}" -Dquarkus.debug.print-startup-times=true \
  -Dquarkus.log.console.json.enabled=false > /dev/null
echo "${phases[0]}: the largest start-up steps (one start, -Dquarkus.debug.print-startup-times=true):"
grep -o 'Build step [^ ]* completed in: [0-9]*ms' "$WORK/once.log" | awk '{print $NF, $3}' | sort -rn \
  | awk 'NR <= 8 {printf "  %7s  %s\n", $1, $2}'
grep -o 'started in [0-9.]*s' "$WORK/once.log" | sed 's/^/  Quarkus: /'
exit 0
