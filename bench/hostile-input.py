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
# CSV bodies (the product import): malformed files in both formats it reads, the v1 one and Shopify's export, each
# with and without dryRun. None may be answered with a 5xx.
shopify_header = ("Handle,Title,Body (HTML),Option1 Name,Option1 Value,Option2 Name,Option2 Value,Variant SKU,"
                  "Variant Price,Variant Inventory Qty,Image Src,Image Position,Image Alt Text,Variant Image,Status\n")
good = "h-hostile,T,<p>x</p>,Size,S,,,HOSTILE-S,1.00,1,https://i.example/a.jpg,1,,,active\n"
many_variants = "".join(f"h-many,{'T' if i == 0 else ''},,Size,{'S' if i == 0 else ''}{i},,,HM-{i},1,1,,,,,\n" for i in range(1002))
many_images = "h-img,T,,,,,,HI-1,1,1,,,,,\n" + "".join(f"h-img,,,,,,,,,,https://i.example/{i}.jpg,{i},,,\n" for i in range(52))
csvs = [b"", b"\xef\xbb\xbf", b"Handle\n", b"Handle\nx\n", b"Handle,Handle,Title,Variant SKU,Variant Price\nh,h,T,S,1\n",
        (shopify_header + good).encode(), (shopify_header + good.replace("1.00", "1e5")).encode(),
        (shopify_header + good.replace("1.00", "-0.001")).encode(), (shopify_header + good.replace("1.00", "\u0661")).encode(),
        (shopify_header + good.replace("1.00", "9" * 40)).encode(), (shopify_header + good.replace(",1,https", ",99999999999,https")).encode(),
        (shopify_header + good.replace(",1,,,active", ",99999999999,,,active")).encode(),
        (shopify_header + good.replace("<p>x</p>", "<p>" + "&amp;" * 5000 + "<script>" * 1000)).encode(),
        (shopify_header + good.replace("T,", "\"" + "T" * 300000 + "\",", 1)).encode(),
        (shopify_header + good.replace("h-hostile", "h-\u00fcml")).encode(), (shopify_header + good.replace("T,", "\u0000,", 1)).encode(),
        (shopify_header + good).encode()[:-20], (shopify_header + "\"" + good).encode(), (shopify_header + good).encode() + b"\xff\xfe",
        (shopify_header + good + good.replace("HOSTILE-S", "HOSTILE-T")).encode(), (shopify_header + many_variants).encode(),
        (shopify_header + many_images).encode(), (shopify_header + good.replace("Size,S", ",S")).encode(),
        (shopify_header + good.replace("Size", "Title").replace(",S,", ",Default Title,")).encode(),
        ("sku,name,slug,description,price,stock,active,image_url\n" + "X,\u0000,,,1,1,true,\n").encode(),
        "sku,name\n\"unterminated\n".encode(), b"\x00" * 100, ("\ufeff" + shopify_header + good).encode("utf-16")]
# Empty Variant SKUs, made from the handle: with a handle at the slug's length limit, one that is no slug, option
# values with nothing in ASCII or repeating once folded, and a thousand variants.
no_sku = good.replace("HOSTILE-S", "")
csvs += [(shopify_header + no_sku).encode(), (shopify_header + no_sku.replace("h-hostile", "h" + "-a" * 59)).encode(),
         (shopify_header + no_sku.replace("h-hostile", "H_\u0000")).encode(),
         (shopify_header + no_sku.replace(",S,", ",\u8d64,") + no_sku.replace("h-hostile,T,<p>x</p>,Size,S", "h-hostile,,,,s")
          + no_sku.replace("h-hostile,T,<p>x</p>,Size,S", "h-hostile,,,,3")).encode(),
         (shopify_header + re.sub(r",HM-\d+,", ",,", many_variants)).encode()]
for path, ops in spec["paths"].items():
    for method, op in ops.items():
        if "text/csv" not in ((op.get("requestBody") or {}).get("content") or {}):
            continue
        for body, dry in itertools.product(csvs, ("true", "false")):
            status, payload = call(method.upper(), path + "?dryRun=" + dry, body, admin, {"content-type": "text/csv"})
            count += 1
            if status >= 500:
                failures.append((method.upper(), path, body[:40], status, payload[:120]))
print(f"requests: {count}, 5xx or trailing content accepted: {len(failures)}")
by_operation = {}
for failure in failures:
    by_operation.setdefault(failure[:2], []).append(failure)
for operation, found in by_operation.items():
    print(f"{len(found)} on {operation[0]} {operation[1]}, e.g. {found[0][2:]}")
sys.exit(1 if failures else 0)
