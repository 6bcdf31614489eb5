#!/usr/bin/env bash
# Checkout benchmark (issue 5): orders/s with 16 concurrent customers, each adding to its cart and checking
# out in a loop, on 16 distinct products and on one hot product; beside pgbench running the same statements
# (cart lock, conditional stock decrement, order + line + history + outbox inserts, idempotency row) as a
# ceiling for the database alone.
# Mode "promo" (issue 17): the distinct customers with a 10 % code applied before each checkout (add, apply,
# check out: a checkout empties the cart and its code), beside "distinct" in the same run.
# Modes "guest" and "guest-promo" (issue 17) measure the checkout request alone: 16 guests at a time check out
# guest carts filled beforehand (in SQL, GUEST_CARTS of each: one product per connection, as "distinct"), with no
# code, or with the 10 % code applied, so the two differ only in what the code costs the checkout. Mode "guest-once":
# as guest-promo with a code of one use per customer, each checkout by a new customer (a new email), so each takes
# its customer's first use (a new promotion_customer_use row).
# Usage: bench/checkout.sh   (PostgreSQL server on 127.0.0.1:5432, user postgres; wrk; pgbench; python3)
#   SERVICE_MODES="distinct promo guest guest-promo guest-once" bench/checkout.sh   (default: distinct promo hot)
source "$(dirname "$0")/lib.sh"
PGBENCH="$(command -v pgbench || echo /usr/lib/postgresql/15/bin/pgbench)"
DURATION="${DURATION:-20}"
CLIENTS=16
ensure_jar
fresh_db shop_bench_checkout
start_app shop_bench_checkout
ADMIN=$(curl -sf "$BASE/api/v1/auth/login" -H 'content-type: application/json' \
  -d '{"email":"admin@bench.local","password":"bench-admin-password"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')
python3 - "$BASE" "$ADMIN" "$CLIENTS" "$WORK" <<'PY'
import json, sys, urllib.request
base, admin, clients, work = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
def call(method, path, body=None, token=None):
    req = urllib.request.Request(base + path, method=method, data=json.dumps(body).encode() if body is not None else None,
                                 headers={"content-type": "application/json", **({"authorization": "Bearer " + token} if token else {})})
    return json.load(urllib.request.urlopen(req))
products = [call("POST", "/api/v1/admin/products", {"sku": f"CHK-{i}", "name": f"Checkout bench {i}", "priceCents": 1000 + i,
                                                     "stock": 1000000000}, admin)["id"] for i in range(clients)]
call("POST", "/api/v1/admin/promotions", {"code": "BENCH10", "type": "percent", "value": 1000}, admin)
call("POST", "/api/v1/admin/promotions", {"code": "BENCH1X", "type": "percent", "value": 1000, "perCustomerLimit": 1}, admin)
with open(f"{work}/clients.txt", "w") as f:
    for i in range(clients):
        token = call("POST", "/api/v1/auth/register", {"email": f"c{i}@bench.local", "password": "bench-password", "name": f"C{i}"})["accessToken"]
        f.write(f"{token} {products[i]} {products[0]}\n")
PY
# Both wrk scripts number their connections (one customer each), count the orders placed (201) and show the first
# failure.
cat > "$WORK/placed.lua" <<'LUA'
local counter = 1
local threads = {}
function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end
function response(status, headers, body)
  if status == 201 then placed = placed + 1
  elseif status >= 300 and not reported then
    reported = true
    io.write("  first failure: " .. status .. " " .. tostring(body):sub(1, 200) .. "\n")
  end
end
function done(summary)
  local total = 0
  for _, t in ipairs(threads) do total = total + t:get("placed") end
  io.write(string.format("  orders placed: %d in %.1f s = %.0f orders/s; errors: %d non-2xx\n", total,
    summary.duration / 1e6, total / (summary.duration / 1e6), summary.errors.status))
end
LUA
cp "$WORK/placed.lua" "$WORK/checkout.lua"
cat >> "$WORK/checkout.lua" <<'LUA'
-- One connection per thread; each thread is one customer alternating "add to cart" and "check out".
function init(args)
  local hot = args[1] == "hot"
  promo = args[1] == "promo"
  run = args[2] or "0"   -- keys unique across runs: a key seen before would replay its first answer
  local n = 0
  for line in io.lines(os.getenv("CLIENTS_FILE")) do
    n = n + 1
    if n == id then
      token, distinct, hotp = line:match("(%S+) (%S+) (%S+)")
    end
  end
  product = hot and hotp or distinct
  step = 0
  placed = 0
end
function request()
  step = step + 1
  local headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }
  local cycle = promo and 3 or 2
  if step % cycle == 1 then
    return wrk.format("POST", "/api/v1/cart/items", headers, '{"productId":"' .. product .. '","quantity":1}')
  end
  if promo and step % cycle == 2 then
    return wrk.format("POST", "/api/v1/cart/promotions", headers, '{"code":"BENCH10"}')
  end
  headers["Idempotency-Key"] = "bench-" .. run .. "-" .. id .. "-" .. step
  return wrk.format("POST", "/api/v1/checkout", headers,
    '{"shippingAddress":{"fullName":"B","line1":"1 Road","city":"Town","postalCode":"12345","country":"US"},"paymentMethod":"manual"}')
end
LUA
# Guest carts for the checkout-only modes, straight into the tables (what add-to-cart and apply leave behind):
# cart n holds product n % 16, and wrk's connection (n % 16) + 1 checks it out.
GUEST_CARTS="${GUEST_CARTS:-8000}"
code_of() { case "$1" in *promo) echo BENCH10 ;; *once) echo BENCH1X ;; esac; }
for mode in guest guest-promo guest-once; do
  psql -h "$PGHOST" -U postgres -qtA shop_bench_checkout > "$WORK/$mode.txt" <<SQL
CREATE TEMP TABLE g AS
  SELECT n, translate(rtrim(encode(decode(md5(random()::text) || md5(random()::text), 'hex'), 'base64'), '='), '+/', '-_')
           AS token, gen_random_uuid() AS cart
  FROM generate_series(0, $GUEST_CARTS - 1) n;
INSERT INTO cart (id, token_hash, promotion_code)
  SELECT cart, sha256(convert_to(token, 'UTF8')), $([ -n "$(code_of $mode)" ] && echo "'$(code_of $mode)'" || echo NULL) FROM g;
INSERT INTO cart_line (cart_id, product_id, variant_id, quantity)
  SELECT g.cart, p.id, v.id, 1 FROM g
  JOIN product p ON p.sku = 'CHK-' || (g.n % $CLIENTS) JOIN product_variant v ON v.product_id = p.id;
SELECT token FROM g ORDER BY n;
SQL
done
cp "$WORK/placed.lua" "$WORK/guest.lua"
cat >> "$WORK/guest.lua" <<'LUA'
-- Each connection checks out its own guest carts, one request each: token n of the file belongs to connection
-- (n % 16) + 1.
function init(args)
  tokens = {}
  local n = 0
  for line in io.lines(args[1]) do
    if n % 16 == id - 1 then table.insert(tokens, line) end
    n = n + 1
  end
  run = args[2]
  once = args[3] == "once"   -- each checkout by a new customer
  next_cart = 0
  placed = 0
end
function request()
  next_cart = next_cart + 1
  local token = tokens[next_cart] or "none"
  local headers = { ["Content-Type"] = "application/json", ["Cookie"] = "cart_token=" .. token,
                    ["Idempotency-Key"] = "bench-" .. run .. "-" .. id .. "-" .. next_cart }
  return wrk.format("POST", "/api/v1/checkout", headers,
    '{"email":"g' .. id .. (once and ("-" .. run .. "-" .. next_cart) or "") .. '@bench.local","shippingAddress":{"fullName":"B","line1":"1 Road","city":"Town","postalCode":"12345","country":"US"},"paymentMethod":"manual"}')
end
LUA
export CLIENTS_FILE="$WORK/clients.txt"
# The JIT needs about a thousand orders before the checkout path runs compiled: a short warm-up measured it cold.
echo "warm-up (${WARMUP:-30} s)..."; wrk -t$CLIENTS -c$CLIENTS -d"${WARMUP:-30}s" -s "$WORK/checkout.lua" "$BASE" -- distinct warmup >/dev/null
cpu_ms() { awk '{print ($14 + $15) * 10}' "/proc/$APP_PID/stat"; }   # utime + stime, in 10 ms ticks
commits() { psql -h "$PGHOST" -U postgres -tAc "SELECT xact_commit FROM pg_stat_database WHERE datname = 'shop_bench_checkout'" postgres; }
orders() { psql -h "$PGHOST" -U postgres -tAc "SELECT count(*) FROM customer_order" shop_bench_checkout; }
# Stock taken (from the products' initial 1,000,000,000 each) and units ordered: equal, or something oversold.
stock_check() { psql -h "$PGHOST" -U postgres -tAc "SELECT CASE WHEN (SELECT sum(1000000000 - stock) FROM product_variant WHERE sku LIKE 'CHK-%') = (SELECT coalesce(sum(quantity), 0) FROM order_line) THEN 'stock taken = units ordered' ELSE 'STOCK MISMATCH' END" shop_bench_checkout; }
for mode in ${SERVICE_MODES:-distinct promo hot}; do
  echo "service, $CLIENTS customers, $mode product(s):"
  c0=$(cpu_ms); x0=$(commits); o0=$(orders); since=$(date -u +%FT%T.%NZ)
  if [[ $mode == guest* ]]; then
    wrk -t$CLIENTS -c$CLIENTS -d"${DURATION}s" --latency -s "$WORK/guest.lua" "$BASE" -- "$WORK/$mode.txt" "$mode-$RANDOM" \
      "${mode#guest-}" | grep -E "orders placed|50%|99%|first failure"
  else
    wrk -t$CLIENTS -c$CLIENTS -d"${DURATION}s" --latency -s "$WORK/checkout.lua" "$BASE" -- $mode "$mode-$RANDOM$RANDOM" | grep -E "orders placed|50%|99%|first failure"
  fi
  c1=$(cpu_ms); x1=$(commits); o1=$(orders)
  echo "  orders in the database: $((o1 - o0)) (the orders placed, plus those in flight when wrk stopped: at most 16); $(stock_check)"
  code=$(code_of "$mode")
  [ -n "$code" ] && echo "  discounted orders in the database: $(psql -h "$PGHOST" -U postgres -tAc "SELECT count(*) FROM customer_order WHERE promotion_code = '$code' AND discount_cents > 0 AND created_at >= '$since'" shop_bench_checkout) (all of this mode's)"
  echo "  per order: service CPU $(( (c1 - c0) / (o1 - o0 > 0 ? o1 - o0 : 1) )) ms, $(python3 -c "print(round(($x1 - $x0) / max(1, $o1 - $o0), 1))") commits (cart, rate limit, checkout, mail sent)"
done
stop_app

# The same statements straight from pgbench, on the same database: what PostgreSQL alone can do here.
psql -h "$PGHOST" -U postgres -q shop_bench_checkout <<'SQL'
CREATE TABLE bench_client AS
  SELECT row_number() OVER (ORDER BY u.email) - 1 AS client, c.id AS cart, p.id AS product,
         (SELECT id FROM product ORDER BY sku LIMIT 1) AS hot
  FROM app_user u JOIN cart c ON c.user_id = u.id
  JOIN product p ON p.sku = 'CHK-' || substring(u.email from 'c([0-9]+)@')::int
  WHERE u.email LIKE 'c%@bench.local';
SQL
for mode in distinct hot; do
  col=$([ $mode = hot ] && echo hot || echo product)
  cat > "$WORK/pg-$mode.sql" <<SQL
SELECT cart, $col AS product FROM bench_client WHERE client = :client_id \gset
INSERT INTO idempotency_key (scope, key, request_hash, status, claimed_at, expires_at) VALUES ('bench', md5(random()::text), '\x00', 'in_progress', now(), now() + interval '1 day') RETURNING key \gset
BEGIN;
UPDATE cart SET updated_at = now() WHERE id = :cart;
INSERT INTO cart_line (cart_id, product_id, variant_id, quantity) SELECT :cart, p.id, v.id, 1 FROM product p JOIN product_variant v ON v.product_id = p.id WHERE p.id = :product AND p.active AND v.active AND v.stock >= 1 ON CONFLICT (cart_id, variant_id) DO UPDATE SET quantity = cart_line.quantity + 1;
COMMIT;
BEGIN;
UPDATE cart SET updated_at = now() WHERE id = :cart;
SELECT product_id, variant_id, quantity FROM cart_line WHERE cart_id = :cart ORDER BY variant_id;
UPDATE product_variant v SET stock = v.stock - 1 FROM product p WHERE v.product_id = :product AND p.id = v.product_id AND v.active AND p.active AND v.stock >= 1 RETURNING v.sku, p.name, v.price_cents;
SELECT 'SO-' || nextval('order_number_seq') AS number \gset
INSERT INTO customer_order (id, number, email, status, currency, subtotal_cents, shipping_cents, tax_cents, total_cents, payment_provider, payment_status, tracking_token_hash, ship_full_name, ship_line1, ship_city, ship_postal_code, ship_country, created_at, updated_at) VALUES (gen_random_uuid(), :number, 'b@bench.local', 'PENDING_PAYMENT', 'USD', 1000, 500, 0, 1500, 'manual', 'pending', sha256(random()::text::bytea), 'B', '1 Road', 'Town', '12345', 'US', now(), now()) RETURNING id AS order_id \gset
INSERT INTO order_line (order_id, line_no, product_id, variant_id, sku, name, unit_price_cents, quantity, line_total_cents) SELECT :order_id, 1, :product, v.id, 'CHK', 'Checkout bench', 1000, 1, 1000 FROM product_variant v WHERE v.product_id = :product;
INSERT INTO order_status_change VALUES (gen_random_uuid(), :order_id, NULL, 'PENDING_PAYMENT', now(), 'customer', NULL);
DELETE FROM cart_line WHERE cart_id = :cart;
INSERT INTO outbox_email (id, kind, recipient, payload, dedupe_key) VALUES (gen_random_uuid(), 'order_confirmation', 'b@bench.local', '{}', 'bench:' || :order_id::text);
SELECT id FROM customer_order WHERE id = :order_id;
SELECT * FROM order_line WHERE order_id = :order_id;
UPDATE idempotency_key SET status = 'completed', response_status = 201, response_body = '{}' WHERE scope = 'bench' AND key = :key;
COMMIT;
SQL
  echo "pgbench ceiling, $CLIENTS clients, $mode product(s) (orders/s = tps):"
  "$PGBENCH" -h "$PGHOST" -U postgres -n -M extended -c $CLIENTS -j 2 -T "$DURATION" -f "$WORK/pg-$mode.sql" shop_bench_checkout 2>&1 | grep -E "^tps|latency average|failed"
done
