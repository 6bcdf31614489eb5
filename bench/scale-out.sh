#!/usr/bin/env bash
# Scale-out check (issue 9): two instances of the packaged service on one database, checkout traffic at both,
# then the invariants: no oversell, one order per Idempotency-Key (the same key sent to both instances at
# once), and rate limits shared (failed logins for one email spread over both instances, and order lookups that
# find nothing for one email: 3 on one instance and 2 on the other lock that email's lookups on both).
# Usage: bench/scale-out.sh   (PostgreSQL server on 127.0.0.1:5432, user postgres; python3)
source "$(dirname "$0")/lib.sh"
SHOPPERS="${SHOPPERS:-60}"
STOCK="${STOCK:-25}"
ensure_jar
fresh_db shop_scale_out
keys
start_instance() {
  local port="$1"
  env QUARKUS_HTTP_PORT="$port" \
      QUARKUS_DATASOURCE_JDBC_URL="$PGURL_BASE/shop_scale_out" QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=postgres \
      MP_JWT_VERIFY_PUBLICKEY_LOCATION="$WORK/public.pem" SMALLRYE_JWT_SIGN_KEY_LOCATION="$WORK/private.pem" \
      ADMIN_EMAIL=admin@bench.local ADMIN_PASSWORD=bench-admin-password \
      RATE_LIMIT_IP_PER_MINUTE=1000000 RATE_LIMIT_LOGIN_FAILURES=5 RATE_LIMIT_LOOKUP_FAILURES=5 QUARKUS_MAILER_MOCK=true SHOP_HTTP_SECURE_COOKIES=auto \
      java -jar "$ROOT/target/quarkus-app/quarkus-run.jar" > "$WORK/app-$port.log" 2>&1 &
  echo $!
}
# Both start at once: Flyway's advisory lock lets one migrate while the other waits.
PID_A=$(start_instance 18091)
PID_B=$(start_instance 18092)
trap 'kill $PID_A $PID_B 2>/dev/null; wait 2>/dev/null; rm -rf "$WORK"' EXIT
for port in 18091 18092; do
  until curl -sf "http://127.0.0.1:$port/q/health/ready" >/dev/null; do sleep 0.2; done
done
echo "two instances ready on one database"

python3 - "$SHOPPERS" "$STOCK" <<'PY'
import json, sys, threading, urllib.request, uuid, http.cookiejar
shoppers, stock = int(sys.argv[1]), int(sys.argv[2])
A, B = "http://127.0.0.1:18091", "http://127.0.0.1:18092"

def call(base, method, path, body=None, headers=None, cookie=None):
    h = {"content-type": "application/json", **(headers or {})}
    if cookie:
        h["cookie"] = "cart_token=" + cookie
    req = urllib.request.Request(base + path, method=method, data=json.dumps(body).encode() if body is not None else None, headers=h)
    try:
        with urllib.request.urlopen(req) as r:
            return r.status, json.loads(r.read() or b"null"), r.headers.get_all("Set-Cookie") or []
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read() or b"null"), []

admin = call(A, "POST", "/api/v1/auth/login", {"email": "admin@bench.local", "password": "bench-admin-password"})[1]["accessToken"]
auth = {"authorization": "Bearer " + admin}
product = call(A, "POST", "/api/v1/admin/products", {"sku": "HOT-1", "name": "Hot item", "priceCents": 1000, "stock": stock}, auth)[1]["id"]
body = {"email": "buyer@example.com", "paymentMethod": "manual",
        "shippingAddress": {"fullName": "B", "line1": "1 Road", "city": "Town", "postalCode": "1", "country": "US"}}

carts = []
for i in range(shoppers):
    status, _, cookies = call(A if i % 2 else B, "POST", "/api/v1/cart/items", {"productId": product, "quantity": 1})
    assert status == 200, status
    carts.append(next(c.split(";")[0].split("=", 1)[1] for c in cookies if c.startswith("cart_token=")))

results, lock = [], threading.Lock()
start = threading.Barrier(shoppers * 2)
def shopper(i):
    key = "scale-" + str(uuid.uuid4())
    def attempt(base):
        start.wait()
        status, payload, _ = call(base, "POST", "/api/v1/checkout", body, {"Idempotency-Key": key}, carts[i])
        with lock:
            results.append((key, status, (payload or {}).get("order", {}).get("id") if isinstance(payload, dict) else None,
                            (payload or {}).get("code") if isinstance(payload, dict) else None))
    # The same checkout (same cart, same key) is sent to both instances at the same moment.
    ts = [threading.Thread(target=attempt, args=(A,)), threading.Thread(target=attempt, args=(B,))]
    [t.start() for t in ts]
    [t.join() for t in ts]
threads = [threading.Thread(target=shopper, args=(i,)) for i in range(shoppers)]
[t.start() for t in threads]
[t.join() for t in threads]

by_key = {}
for key, status, order, code in results:
    by_key.setdefault(key, []).append((status, order, code))
orders = {o for key, status, o, code in results if status == 201}
keys_with_two_orders = [k for k, rs in by_key.items() if len({o for s, o, c in rs if s == 201}) > 1]
codes = {}
for _, status, _, code in results:
    codes[(status, code)] = codes.get((status, code), 0) + 1
stock_now = call(A, "GET", "/api/v1/admin/products/" + product, headers=auth)[1]["stock"]
print(f"checkout requests: {len(results)} ({shoppers} shoppers x 2 instances, same key on both)")
answers = {(str(s) + " " + (c or "")).strip(): n for (s, c), n in codes.items()}
print("answers:", dict(sorted(answers.items())))
print(f"distinct orders: {len(orders)}; stock left: {stock_now} of {stock}")
assert len(orders) == min(shoppers, stock), "exactly as many orders as stock allows"
assert stock_now == stock - len(orders) and stock_now >= 0, "no oversell"
assert not keys_with_two_orders, f"keys with two orders: {keys_with_two_orders}"
print("OK: no oversell, one order per Idempotency-Key across instances")

email = f"target-{uuid.uuid4()}@example.com"
call(A, "POST", "/api/v1/auth/register", {"email": email, "password": "right-password", "name": "T"})
seen = [call(A if i % 2 == 0 else B, "POST", "/api/v1/auth/login", {"email": email, "password": "wrong"})[0] for i in range(6)]
print(f"failed logins alternating A/B: {seen}")
assert seen[:5] == [401] * 5 and seen[5] == 429, "the 6th failure is refused whichever instance it hits"
print("OK: the failed-login limit is shared by both instances")

def lookup(base, number, email):
    req = urllib.request.Request(base + "/api/v1/orders/lookup", method="POST", headers={"content-type": "application/json"},
                                 data=json.dumps({"number": number, "email": email}).encode())
    try:
        with urllib.request.urlopen(req) as r:
            return r.status, None
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Retry-After")

guest = f"lookup-{uuid.uuid4()}@example.com"
spare = call(A, "POST", "/api/v1/admin/products", {"sku": "LOOKUP-1", "name": "Lookup item", "priceCents": 500, "stock": 1}, auth)[1]["id"]
_, _, cookies = call(B, "POST", "/api/v1/cart/items", {"productId": spare, "quantity": 1})
cart = next(c.split(";")[0].split("=", 1)[1] for c in cookies if c.startswith("cart_token="))
status, placed, _ = call(A, "POST", "/api/v1/checkout", {**body, "email": guest}, {"Idempotency-Key": "lookup-" + str(uuid.uuid4())}, cart)
assert status == 201, status
number = placed["order"]["number"]
assert lookup(B, number, guest)[0] == 200, "the order is found on either instance"
misses = [lookup(A, "SO-0", guest)[0] for _ in range(3)] + [lookup(B, "SO-0", guest)[0] for _ in range(2)]
print(f"lookups that find nothing for one email, 3 on A then 2 on B: {misses}")
assert misses == [404] * 5, misses
after = [lookup(A, number, guest), lookup(B, number, guest)]
print(f"then the right number on A and on B: {after}")
assert all(s == 429 and r and int(r) > 0 for s, r in after), "locked on both instances, with Retry-After"
other = f"other-{uuid.uuid4()}@example.com"
assert lookup(B, "SO-0", other)[0] == 404, "another email is not locked"
print("OK: the per-email lookup lockout is shared by both instances")
PY
