#!/bin/bash
# The training run behind the JVM image's class-data archive (Dockerfile.jvm: JDK 17 AppCDS; Dockerfile.jvm25: the
# JDK 25 AOT cache), also used by bench/startup.sh so that the bench measures the archive the image ships.
#
# Run it in the directory of an aot-jar build (quarkus-app packaged with -Dquarkus.package.jar.type=aot-jar: every
# class is loaded by the JDK's own class loaders, which are the only ones an archive can hold):
#   train-archive.sh JAVA ARCHIVE_OPTION [JVM OPTION...]
#   e.g. train-archive.sh java -XX:ArchiveClassesAtExit=app-cds.jsa @jvm.options
#        train-archive.sh java -XX:AOTCacheOutput=app.aot @jvm.options
# The service starts for good (not only its static init): the archive then holds what its whole start-up loads
# (Hibernate Validator's metadata, the HTTP server, the JSON, JWT and mail set-up...) and what its first requests
# load. An image build has no database, so none is given: Flyway does not run, the catalog answers its 503, a
# sign-in its 503, and the JWT keys are a throwaway pair made here with keytool (the JRE has it; the UBI images have
# no openssl). The JVM writes the archive as it exits on SIGTERM.
set -euo pipefail
java="$1"; shift
port="${TRAINING_PORT:-8080}"
keys="$(mktemp -d)"
trap 'rm -rf "$keys"' EXIT
keytool="$(dirname "$(command -v "$java")")/keytool"
[ -x "$keytool" ] || keytool=keytool
"$keytool" -genkeypair -alias training -keyalg RSA -keysize 2048 -dname CN=training -validity 1 -storetype PKCS12 \
  -keystore "$keys/training.p12" -storepass training >/dev/null 2>&1
"$keytool" -exportcert -rfc -alias training -keystore "$keys/training.p12" -storepass training \
  -file "$keys/training.pem" >/dev/null 2>&1

env QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$port" \
    QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:1/none QUARKUS_FLYWAY_MIGRATE_AT_START=false \
    MP_JWT_VERIFY_PUBLICKEY_LOCATION="$keys/training.pem" SMALLRYE_JWT_SIGN_KEY_LOCATION="$keys/training.pem" \
    ADMIN_EMAIL= ADMIN_PASSWORD= QUARKUS_MAILER_MOCK=true \
    "$java" "$@" -jar quarkus-run.jar > "$keys/training.log" 2>&1 &
pid=$!

# request METHOD PATH [JSON]: the status code (bash's /dev/tcp: the runtime images have no curl guarantee)
request() {
  local body="${3:-}" status
  exec 3<>"/dev/tcp/127.0.0.1/$port" || return 1
  printf '%s %s HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nAccept: application/json\r\n' "$1" "$2" >&3
  if [ -n "$body" ]; then
    printf 'Content-Type: application/json\r\nContent-Length: %d\r\n' "${#body}" >&3
  fi
  printf '\r\n%s' "$body" >&3
  read -r _ status _ <&3 || true
  cat <&3 >/dev/null || true
  exec 3<&-
  echo "$status"
}

up=""
for _ in $(seq 1 1200); do   # two minutes at least: an image build may have one slow CPU
  kill -0 "$pid" 2>/dev/null || { echo "the training run died:" >&2; tail -20 "$keys/training.log" >&2; exit 1; }
  up="$(request GET /api/v1/products 2>/dev/null || true)"
  [ -n "$up" ] && break
  sleep 0.1
done
[ -n "$up" ] || { echo "the training run never answered:" >&2; tail -20 "$keys/training.log" >&2; kill "$pid"; exit 1; }
# Three rounds load what the first requests load (each one that needs the database waits about a second for it).
for _ in 1 2 3; do
  request GET '/api/v1/products?page=0&size=20' >/dev/null
  request GET '/api/v1/products?q=shirt&sort=price_asc' >/dev/null
  request GET /api/v1/products/training-product >/dev/null
  request GET /api/v1/categories >/dev/null
  request GET /api/v1/cart >/dev/null
  request GET /api/v1/me >/dev/null
  request POST /api/v1/auth/login '{"email":"training@example.com","password":"training-password"}' >/dev/null
  request POST /api/v1/auth/register '{"email":"not an email"}' >/dev/null
  request POST /api/v1/cart/items '{"productId":"nope"}' >/dev/null
  request GET / >/dev/null
  request GET /q/health/live >/dev/null
  request GET /q/openapi >/dev/null
done
kill -TERM "$pid"
wait "$pid" || true   # the archive is written as the JVM exits
