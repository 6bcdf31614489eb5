#!/usr/bin/env python3
"""Hostile-input sweep: every operation of the served OpenAPI document, with malformed paths, queries and bodies,
with and without an admin token. Prints every 5xx; the contract allows none. Then every JSON body with content
after the document (`{} x`, `{}{}`) or a null array element: each must be 400 validation_failed.
Usage: start the packaged service (prod profile) with ADMIN_EMAIL/ADMIN_PASSWORD, then
  bench/hostile-input.py http://localhost:8080 admin@example.com admin-password
"""
import itertools, json, re, sys, urllib.error, urllib.request

base, admin_email, admin_password = sys.argv[1], sys.argv[2], sys.argv[3]

def call(method, path, raw=None, token=None, headers=None):
    h = {"content-type": "application/json", **(headers or {})}
    if token:
        h["authorization"] = "Bearer " + token
    req = urllib.request.Request(base + path, method=method, data=raw, headers=h)
    try:
        with urllib.request.urlopen(req) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()

admin = json.loads(call("POST", "/api/v1/auth/login", json.dumps({"email": admin_email, "password": admin_password}).encode())[1])["accessToken"]
spec = json.loads(urllib.request.urlopen(base + "/q/openapi?format=json").read())
bodies = [None, b"", b"{", b"[]", b"[{}]", b"null", b"\"x\"", b"123", b"{\"a\":" + b"[" * 3000 + b"]" * 3000 + b"}",
          json.dumps({"email": 1, "password": [], "name": {}, "quantity": 1e308, "productId": "x", "priceCents": 9223372036854775807,
                      "stock": -2147483649, "status": "NOPE", "amountCents": -1, "sku": "\u0000", "shippingAddress": "x",
                      "paymentMethod": 5, "token": "\u0000" * 50, "number": None}).encode(),
          json.dumps({"email": "a\u0000@b.co", "password": "12345678", "name": "n\u0000", "number": "\u0000", "q": "\u0000"}).encode(),
          json.dumps({"priceCents": 1e20, "stock": 1e10, "quantity": 2 ** 40, "amountCents": 2 ** 63}).encode(),
          "{\"name\":\"\ud800\"}".encode("utf-8", "surrogatepass"), b"\xff\xfe\xfd"]
zero = "00000000-0000-0000-0000-000000000000"
failures, count = [], 0
for path, ops in spec["paths"].items():
    for method, op in ops.items():
        if method not in ("get", "post", "patch", "delete", "put"):
            continue
        concrete = re.sub(r"\{[^}]+\}", zero, path)
        urls = [concrete, re.sub(r"\{[^}]+\}", "%00", path), re.sub(r"\{[^}]+\}", "x" * 500, path),
                concrete + "?page=99999999&size=100&q=%00",
                concrete + "?page=-1&size=0&sort=%27&q=%25%27%00&from=9999-99-99&active=maybe&status=x&userId=1&email=%00"]
        for url, body in itertools.product(urls, bodies):
            for token in (None, admin):
                status, payload = call(method.upper(), url, body, token,
                                       {"Idempotency-Key": "hostile-key-1", "Stripe-Signature": "t=1,v1=00"})
                count += 1
                if status >= 500:
                    failures.append((method.upper(), url[:90], (body or b"")[:40], status, payload[:120]))
# Trailing content after the JSON document: every JSON body (with the admin token, so nothing is refused before the
# body is read) must be 400 validation_failed. The Stripe webhook reads its raw body and checks the signature first.
trailing = [b"{} x", b"{}{}", b"{\"a\":1} x", b"[] x", b"[][]", b"[{}] 1", b"[null]", b"[{}, null]"]
for path, ops in spec["paths"].items():
    for method, op in ops.items():
        content = (op.get("requestBody") or {}).get("content") or {}
        if "application/json" not in content or path.endswith("/stripe/webhook"):
            continue
        concrete = re.sub(r"\{[^}]+\}", zero, path)
        for body in trailing:
            status, payload = call(method.upper(), concrete, body, admin, {"Idempotency-Key": "hostile-key-2"})
            count += 1
            try:
                code = json.loads(payload).get("code")
            except ValueError:
                code = None
            if status != 400 or code != "validation_failed":
                failures.append((method.upper(), concrete[:90], body, status, payload[:120]))
print(f"requests: {count}, 5xx or trailing content accepted: {len(failures)}")
for failure in failures[:20]:
    print(failure)
sys.exit(1 if failures else 0)
