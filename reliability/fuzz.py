"""Scenario 4: generated hostile requests across every route of api and badge-service, sent byte for byte on
raw sockets (so malformed requests reach the server as written), with the answers checked:

  * no 5xx, and every request gets an HTTP answer (no hang, no dropped connection);
  * every 4xx is application/problem+json with a JSON body whose status matches — except the badge image
    (GET /api/badge/{slug}: its 400/404/503 are SVG images) and the widget (/embed/{slug}: its 400/404/503 are
    HTML pages), which are images/pages by design (issue 13: a JSON body in an <img> is a broken image);
  * every SVG is well-formed XML (xml.etree) without an injected element or attribute, and no SVG or HTML
    carries the injection marker unescaped.

Deterministic: the seed (REL_FUZZ_SEED, default 6) fixes the request sequence.
"""
import base64
import hmac
import hashlib
import json
import os
import random
import re
import socket
import subprocess
import threading
import time
import xml.etree.ElementTree as ET

import rawhttp  # same folder
from concurrent.futures import ThreadPoolExecutor

MARK = "x-rel-inj"
INJECT = f'"><{MARK} onload=alert(1)>\'&amp;<![CDATA[]]>'

# (method, path template, service, body kind, query names)
API_ROUTES = [
    ("GET", "/api/tools", None, ["limit", "cursor", "q", "sort", "category", "decision"]),
    ("GET", "/api/tools/{slug}", None, []),
    ("GET", "/api/tools/{slug}/verdict", None, []),
    ("GET", "/api/tools/{slug}/alternatives", None, ["limit"]),
    ("GET", "/api/tools/{slug}/share", None, []),
    ("GET", "/api/comparisons", None, ["tools"]),
    ("GET", "/api/categories", None, []),
    ("GET", "/api/critics", None, []),
    ("POST", "/api/critics", "critic", []),
    ("POST", "/api/tools", "tool", []),
    ("PATCH", "/api/tools/{slug}", "tool", []),
    ("PUT", "/api/tools/{slug}/reviews/{critic}", "review", []),
    ("DELETE", "/api/tools/{slug}/reviews/{critic}", None, []),
    ("PUT", "/api/tools/{slug}/makers/{email}", None, []),
    ("DELETE", "/api/tools/{slug}/makers/{email}", None, []),
    ("PUT", "/api/tools/{slug}/vote", "vote", []),
    ("DELETE", "/api/tools/{slug}/vote", None, []),
    ("POST", "/api/accounts", "account", []),
    ("GET", "/api/me", None, []),
    ("GET", "/api/me/bookmarks", None, ["limit", "cursor"]),
    ("PUT", "/api/me/bookmarks/{slug}", None, []),
    ("DELETE", "/api/me/bookmarks/{slug}", None, []),
    ("GET", "/api/digests/weekly", None, ["week"]),
    ("GET", "/api/digests/weekly.html", None, ["week"]),
    ("GET", "/api/verdicts/feed.atom", None, ["limit"]),
    ("GET", "/api/verdicts/feed.json", None, ["limit"]),
    ("POST", "/api/newsletter/subscriptions", "email", []),
    ("POST", "/api/newsletter/confirm", "token", []),
    ("GET", "/api/newsletter/confirm", None, ["token"]),
    ("POST", "/api/newsletter/unsubscribe", "token", ["token"]),
    ("GET", "/api/newsletter/unsubscribe", None, ["token"]),
    ("POST", "/api/auth/token", "signin", []),
    ("GET", "/api/auth/jwks.json", None, []),
    ("GET", "/api/{slug}", None, []),
    ("GET", "/q/health/ready", None, []),
]
BADGE_ROUTES = [
    ("GET", "/api/badge/{slug}", None, ["style", "theme", "src"]),
    ("GET", "/api/badge/{slug}", None, ["style", "theme", "src"]),  # the hot route, twice the weight
    ("GET", "/api/badge/{slug}/shields.json", None, ["style"]),
    ("GET", "/api/badge/{slug}/snippets", None, ["style", "theme", "src"]),
    ("GET", "/embed/{slug}", None, ["theme", "src"]),
    ("GET", "/api/badge-click/{slug}", None, ["src"]),
    ("GET", "/api/badge/{slug}/{slug}", None, []),
    ("GET", "/{slug}", None, []),
]
METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE", "FOO", "get", "PROPFIND"]
CONTENT_TYPES = ["application/json", "application/json; charset=utf-8", "text/plain", "application/xml",
                 "application/x-www-form-urlencoded", "multipart/form-data", "multipart/form-data; boundary=",
                 "application/json; charset=bogus-9", "a/b/c;;;=", "*/*", "application/problem+json",
                 "text/html", "application/octet-stream", "application/json\x01", "\u00e9/\u00e9"]
ACCEPTS = ["*/*", "application/json", "image/svg+xml", "text/html", "application/xml", "garbage/\x7f",
           "application/json;q=abc", "image/*, */*;q=0", "", "a/b/c;;;=", "text/html;charset"]


def b64url(b):
    return base64.urlsafe_b64encode(b).rstrip(b"=").decode()


class Fuzzer:
    def __init__(self, ctx, api_port, badge_port, work):
        self.ctx = ctx
        self.ports = {"api": api_port, "badge": badge_port}
        self.work = work
        self.tokens = self.make_tokens(ctx["token"])
        self.slugs = ctx["slugs"]
        self.lock = threading.Lock()
        self.stats = {"sent": 0, "api": 0, "badge": 0, "2xx": 0, "3xx": 0, "4xx": 0, "5xx": 0, "noanswer": 0,
                      "problem": 0, "svg": 0, "html": 0, "svg_errors": 0, "html_errors": 0,
                      "invalid_sent": 0, "codec_rejects": 0}
        self.failures = []   # samples: at most 3 per kind
        self.kinds = {}      # kind -> count, every finding

    # -- tokens ------------------------------------------------------------------------------------------
    def make_tokens(self, valid):
        key = os.environ["SHIPORSKIP_JWT_PRIVATE_KEY"]
        pub = open(os.environ["SHIPORSKIP_JWT_PUBLIC_KEY"], "rb").read()
        other = os.path.join(self.work, "other-key.pem")
        subprocess.run(["openssl", "genrsa", "-out", other, "2048"], check=True, capture_output=True)
        now = int(time.time())
        claims = {"iss": "https://shiporskip.example/issuer", "sub": "1", "upn": "1",
                  "groups": ["reader", "admin"], "tools": [], "iat": now - 7200, "exp": now - 3600}

        def rs256(payload, keyfile, header=None):
            h = b64url(json.dumps(header or {"alg": "RS256", "typ": "JWT"}).encode())
            p = b64url(json.dumps(payload).encode())
            sig = subprocess.run(["openssl", "dgst", "-sha256", "-sign", keyfile], input=f"{h}.{p}".encode(),
                                 check=True, capture_output=True).stdout
            return f"{h}.{p}.{b64url(sig)}"

        hdr_hs = b64url(b'{"alg":"HS256","typ":"JWT"}')
        live = dict(claims, iat=now, exp=now + 3600)
        p_live = b64url(json.dumps(live).encode())
        hs = f"{hdr_hs}.{p_live}"
        hs += "." + b64url(hmac.new(pub, hs.encode(), hashlib.sha256).digest())
        vh, vp, vs = valid.split(".")
        alg_none = b64url(b'{"alg":"none","typ":"JWT"}')
        return {
            "none": None,
            "valid-admin": f"Bearer {valid}",
            "expired": f"Bearer {rs256(claims, key)}",
            "wrong-key": f"Bearer {rs256(live, other)}",
            "alg-none": f"Bearer {alg_none}.{p_live}.",
            "hs256-with-public-key": f"Bearer {hs}",
            "tampered": f"Bearer {vh}.{p_live}.{vs}",
            "garbage": "Bearer garbage",
            "dots": "Bearer ...",
            "empty": "Bearer ",
            "basic": "Basic YWRtaW46YWRtaW4=",
            "huge": "Bearer " + "A" * 12000,
            "non-json-parts": "Bearer " + ".".join([b64url(b"{{{"), b64url(b"not json"), b64url(os.urandom(64))]),
            "kid-traversal": f"Bearer {rs256(live, other, {'alg': 'RS256', 'kid': '../../../../etc/passwd'})}",
        }

    # -- generated values ----------------------------------------------------------------------------------
    def slug(self, r):
        """A path segment as wire bytes."""
        k = r.randrange(22)
        if k < 3:
            return r.choice(self.slugs).encode()
        return {
            3: lambda: b"",
            4: lambda: b"a" * r.choice([1, 99, 100, 101, 200, 3000]),
            5: lambda: b"-a", 6: lambda: b"a--b", 7: lambda: b"A-Tool", 8: lambda: b"tool-",
            9: lambda: pct("\u00e9t\u00e9-\u4e2d\u6587-\U0001F680".encode()),
            10: lambda: pct(("\u202eevil" + INJECT).encode()),
            11: lambda: b"%00" + b"%0d%0aSet-Cookie:%20x=1",
            12: lambda: r.choice([b"%", b"%zz", b"%%", b"%c0%af", b"%ff%fe", b"%e2%28%a1", b"%ed%a0%80", b"%u0041"]),
            13: lambda: b"..%2f..%2fetc%2fpasswd",
            14: lambda: b"%2e%2e", 15: lambda: pct(INJECT.encode()),
            16: lambda: pct(bytes(r.randrange(256) for _ in range(r.randrange(1, 40)))),
            17: lambda: "\u00e9\u4e2d".encode(),  # raw UTF-8 on the request line
            18: lambda: b"a;b=c", 19: lambda: b"1e999999",
            20: lambda: pct(b"\x01\x02\x7f\x1b[31m"),
            21: lambda: b"-".join(b"abc" for _ in range(r.randrange(1, 60))),
        }[k]()

    def value(self, r):
        """A query value as wire bytes."""
        k = r.randrange(16)
        return {
            0: lambda: b"", 1: lambda: b"-1", 2: lambda: b"99999999999999999999", 3: lambda: b"0",
            4: lambda: pct(INJECT.encode()), 5: lambda: b"%zz%", 6: lambda: pct("\u2603\U0001F4A9\u202e".encode()),
            7: lambda: b"a" * r.choice([100, 1000, 3000]), 8: lambda: b"%00%01%7f",
            9: lambda: r.choice([b"card", b"flat", b"flat-square", b"for-the-badge", b"dark", b"light", b"auto",
                                 b"readme", b"embed", b"new", b"top", b"SHIP", b"2026-W45", b"2026-W99"]),
            10: lambda: b",".join(r.choice(self.slugs).encode() for _ in range(r.randrange(0, 12))),
            11: lambda: b"1.5", 12: lambda: b"NaN", 13: lambda: b"%2C%2C%2C", 14: lambda: b"true",
            15: lambda: pct(bytes(r.randrange(256) for _ in range(r.randrange(1, 30)))),
        }[k]()

    def query(self, r, names):
        k = r.randrange(10)
        if k < 3:
            return b""
        if k == 3:  # huge: past the 8 KiB request line on purpose, sometimes
            n = r.choice([2000, 7000, 8100, 9000, 20000])
            return b"?" + b"&".join(b"p%d=%s" % (i, b"x" * 40) for i in range(n // 44))
        if k == 4:  # one parameter repeated
            name = (r.choice(names) if names else "style").encode()
            return b"?" + b"&".join(name + b"=" + self.value(r) for _ in range(r.randrange(2, 50)))
        parts = []
        for _ in range(r.randrange(1, 6)):
            name = r.choice(names + ["", "%zz", "a[b]", "utm", pct(INJECT.encode()).decode(), "=", "&&"]) \
                if names else r.choice(["x", "", "%00"])
            parts.append(name.encode() + (b"=" + self.value(r) if r.random() < 0.9 else b""))
        return b"?" + b"&".join(parts)

    def body(self, r, kind):
        """(bytes, content type) for a route with a JSON body (or None for a route without)."""
        k = r.randrange(12)
        ct = "application/json" if r.random() < 0.7 else r.choice(CONTENT_TYPES)
        if kind is None:
            if r.random() < 0.85:
                return None, None
            return r.choice([b"{}", b"x" * 100, INJECT.encode()]), ct
        if k == 0:
            return r.choice([b"", b"{", b"{\"a\":", b"[]", b"null", b"\"str\"", b"1e999999", b"{\"a\":1,}",
                             b"{'single':'quotes'}", b"\xef\xbb\xbf{}", b"{\"a\":\"\\ud800\"}", b"\x00\x00",
                             b"{\"a\":\"\xff\xfe\"}", b"{\"a\":1}{\"b\":2}", b"NaN", b"{\"__proto__\":{}}"]), ct
        if k == 1:
            d = r.choice([2000, 20000])
            return b"[" * d + b"]" * d, ct
        if k == 2:  # past the 64 KiB body limit, or just under it
            n = r.choice([60000, 70000, 300000])
            return json.dumps({"name": "a" * n}).encode(), ct
        if k == 3:
            return b"token=" + self.value(r), r.choice(["application/x-www-form-urlencoded", ct])
        if k == 4:
            return os.urandom(r.randrange(1, 500)), ct
        # a body of the right shape with hostile values or wrong types
        fields = {
            "critic": ["slug", "name", "lens", "position"],
            "tool": ["slug", "name", "vendor", "tagline", "description", "category", "pricing", "entryPrice",
                     "license", "website"],
            "review": ["score", "decision", "text"],
            "vote": ["decision"],
            "account": ["email", "password", "displayName"],
            "email": ["email"],
            "token": ["token"],
            "signin": ["email", "password"],
        }[kind]
        doc = {}
        for f in fields:
            if r.random() < 0.8:
                doc[f] = r.choice([
                    None, "", " ", INJECT, "\u0000\u0007\u001b", "\u202e\ud7ff\U0001F680", "a" * r.choice([61, 301, 5001]),
                    -1, 101, 1e308, 2 ** 70, True, [], {}, [1, 2], "SHIP", "MAYBE", "ship",
                    "https://example.com/" + INJECT, "javascript:alert(1)", "x@y", "reliability@example.com",
                    "not-an-email", "@", "a@b" + "c" * 300, "2026-W45", "0123456789abcdef"])
        if kind == "signin" and doc.get("email") in (None, "") and r.random() < 0.5:
            doc["email"] = f"nobody{r.randrange(10**9)}@example.com"
        if r.random() < 0.2:
            doc["unexpected"] = {"nested": [INJECT] * 5}
        data = json.dumps(doc, ensure_ascii=r.random() < 0.5).encode("utf-8", "surrogatepass")
        if r.random() < 0.1:
            data = data.replace(b"}", b',"dup":1,"dup":2}', 1)
        return data, ct

    # -- one request -----------------------------------------------------------------------------------------
    def build(self, r):
        service = "api" if r.random() < 0.58 else "badge"
        method, template, kind, qnames = r.choice(API_ROUTES if service == "api" else BADGE_ROUTES)
        if r.random() < 0.15:
            method = r.choice(METHODS)
        path = template.encode()
        while b"{slug}" in path:
            path = path.replace(b"{slug}", self.slug(r), 1)
        path = path.replace(b"{critic}", self.slug(r) if r.random() < 0.7 else b"builder")
        path = path.replace(b"{email}", r.choice([b"a%40b.c", b"not-an-email", pct(INJECT.encode()), b"%40",
                                                   b"x" * 300 + b"%40example.com", self.slug(r)]))
        target = path + self.query(r, list(qnames))
        port = self.ports[service]
        headers = [(b"Host", b"127.0.0.1:%d" % port), (b"Connection", b"close")]
        auth = self.tokens[r.choice(list(self.tokens))]
        if auth and (kind or method != "GET" or template.startswith("/api/me") or r.random() < 0.3):
            headers.append((b"Authorization", auth.encode()))
        if r.random() < 0.3:
            headers.append((b"Accept", r.choice(ACCEPTS).encode("utf-8")))
        if r.random() < 0.2:
            headers.append((b"If-None-Match", r.choice([b"*", b'"junk"', b'W/"x", "y"', pct(INJECT.encode()),
                                                        b'"' + b"x" * 5000 + b'"'])))
        if r.random() < 0.2:
            headers.append((b"Referer", r.choice([b"https://evil.example/" + pct(INJECT.encode()), b"::::",
                                                  b"http://[::1", "https://\u00e9.example/".encode()])))
        if r.random() < 0.2:
            headers.append((b"User-Agent", r.choice([b"", b"github-camo", INJECT.encode(), b"x" * 8000])))
        if r.random() < 0.1:
            headers.append((b"X-Forwarded-For", r.choice([b"1.2.3.4", b"garbage", b"::1, 999.999.1.1"])))
        if r.random() < 0.05:
            headers.append((b"Origin", b"https://evil.example"))
        body, ct = self.body(r, kind)
        if body is not None:
            if ct is not None:
                headers.append((b"Content-Type", ct.encode("utf-8")))
            headers.append((b"Content-Length", str(len(body)).encode()))
        version = b"HTTP/1.1" if r.random() < 0.97 else b"HTTP/1.0"
        if r.random() < 0.02:  # absolute-form target
            target = b"http://127.0.0.1:%d" % port + target
        req = method.encode() + b" " + target + b" " + version + b"\r\n"
        req += b"".join(k + b": " + v + b"\r\n" for k, v in headers) + b"\r\n" + (body or b"")
        return service, method, template, path, req

    def one(self, seed):
        r = random.Random(seed)
        service, method, template, path, req = self.build(r)
        answer = None
        try:
            answer = exchange(self.ports[service], req)
        except socket.timeout:
            answer = "timeout"
        except OSError as e:
            answer = f"{type(e).__name__}"
        self.check(seed, service, method, template, path, req, answer)

    def fail(self, seed, why, req, answer, where=""):
        kind = f"{why} on {where}" if where else why
        with self.lock:
            self.kinds[kind] = self.kinds.get(kind, 0) + 1
            if self.kinds[kind] <= 3:
                self.failures.append({"seed": seed, "why": kind, "request": req[:600].decode("latin-1"),
                                      "answer": answer if isinstance(answer, str) else
                                      {"status": answer[0], "headers": answer[1],
                                       "body": answer[2][:600].decode("utf-8", "replace")}})

    def check(self, seed, service, method, template, path, req, answer):
        with self.lock:
            self.stats["sent"] += 1
            self.stats[service] += 1
        where = f"{service} {method} {template}"
        if not isinstance(answer, tuple):
            with self.lock:
                self.stats["noanswer"] += 1
            self.fail(seed, f"no HTTP answer ({answer})", req, str(answer), where)
            return
        status, headers, body = answer
        cls = f"{status // 100}xx"
        with self.lock:
            self.stats[cls] = self.stats.get(cls, 0) + 1
        ctype = headers.get("content-type", "").lower()
        # which route answered: the image route also takes /api/badge/x/ and /api/badge//x (paths normalised)
        norm = re.sub(rb"/+", b"/", path)
        image_route = service == "badge" and re.fullmatch(rb"/api/badge/[^/]*/?", norm) is not None
        widget_route = service == "badge" and re.fullmatch(rb"/embed/[^/]*/?", norm) is not None
        # Routes a person reaches from a link answer their errors as HTML pages by design: the mailed links
        # (README "Links in mails") and the badge click-through of an unknown tool (for a browser).
        page_route = (service == "api" and re.match(
            rb"/api/(newsletter/(confirm|unsubscribe)|accounts/verification)/?(\?|$)", norm) is not None) or (
            service == "badge" and re.match(rb"/api/badge-click/[^/?]*/?(\?|$)", norm) is not None)
        invalid = protocol_invalid(req, service)
        if invalid:
            with self.lock:
                self.stats["invalid_sent"] += 1
        if status >= 500:
            self.fail(seed, f"{status}", req, answer, where)
        if ctype.startswith("image/svg+xml") and status != 304 and method != "HEAD":  # those carry no body
            with self.lock:
                self.stats["svg"] += 1
            why = svg_problem(body, method)
            if why:
                self.fail(seed, f"SVG: {why}", req, answer)
        if ctype.startswith("text/html") and unescaped(body):
            self.fail(seed, "HTML echoes the injection unescaped", req, answer)
        if 400 <= status < 500:
            # badge-service labels a problem application/json for a client whose Accept names that and admits no
            # application/problem+json (README "Badges"): the same document, under the one type it asked for.
            as_asked = service == "badge" and ctype.startswith("application/json") \
                and problem_media_type(request_header(req, b"accept")) == "application/json"
            if ctype.startswith("application/problem+json") or as_asked:
                with self.lock:
                    self.stats["problem"] += 1
                if method != "HEAD":
                    try:
                        doc = json.loads(body)
                        if not isinstance(doc, dict) or doc.get("status") != status:
                            self.fail(seed, "problem body without the matching status", req, answer)
                    except ValueError:
                        self.fail(seed, f"{ctype.split(';')[0]} problem body is not JSON", req, answer)
            elif image_route and ctype.startswith("image/svg+xml") and status in (400, 404, 503):
                with self.lock:
                    self.stats["svg_errors"] += 1
            elif (widget_route or page_route) and ctype.startswith("text/html") and status in (400, 404, 429, 503):
                with self.lock:
                    self.stats["html_errors"] += 1
            elif invalid and not body and status in (400, 414, 431):
                # The HTTP decoder's own answer to a request that is not valid HTTP/1.1 or exceeds the configured
                # request-line/header limits (see protocol_invalid): no body, so no error body to type.
                with self.lock:
                    self.stats["codec_rejects"] += 1
            else:
                hint = " (the request had a foreign Origin)" if b"\r\nOrigin:" in req.split(b"\r\n\r\n", 1)[0] else ""
                self.fail(seed, f"{status} is not problem+json (content-type {ctype or 'none'!r}){hint}", req, answer,
                          where)

    # -- the run ---------------------------------------------------------------------------------------------
    def run(self, n, max_seconds):
        base = int(os.environ.get("REL_FUZZ_SEED", "6"))
        t0 = time.time()
        stop = threading.Event()

        def task(i):
            if stop.is_set():
                return
            if time.time() - t0 > max_seconds:
                stop.set()
                return
            self.one(base * 1_000_003 + i)

        with ThreadPoolExecutor(max_workers=int(os.environ.get("REL_FUZZ_THREADS", "8"))) as ex:
            list(ex.map(task, range(n)))
        took = time.time() - t0
        s = self.stats
        with open(os.path.join(self.work, "fuzz-failures.json"), "w") as f:
            json.dump({"kinds": self.kinds, "samples": self.failures}, f, indent=1)
        keep = os.environ.get("REL_FUZZ_REPORT")
        if keep:
            with open(keep, "w") as f:
                json.dump({"stats": s, "kinds": self.kinds, "samples": self.failures}, f, indent=1)
        wellformed = s["sent"] - s["invalid_sent"]
        # at least 10,000 in all, and at least 10,000 valid HTTP ones, on which every 4xx must be problem+json
        ok = s["sent"] >= 10000 and wellformed >= 10000 and not self.kinds and s["5xx"] == 0 and s["noanswer"] == 0
        line = (f"scenario 4 bad-input: {s['sent']} hostile requests (api {s['api']}, badge-service {s['badge']}, "
                f"seed {base}) in {took:.0f} s: {s['5xx']} 5xx, {s['noanswer']} unanswered; "
                f"{s['4xx']} 4xx = {s['problem']} problems (problem+json, or application/json where asked) + {s['svg_errors']} SVG badge errors + "
                f"{s['html_errors']} HTML error pages (widget, mailed links, click-through) + {s['codec_rejects']} bodiless HTTP-decoder rejections "
                f"(allowed only for the {s['invalid_sent']} requests that were not valid HTTP/URI syntax or over the "
                f"size limits; {wellformed} were valid HTTP); {s['2xx']} 2xx, {s['3xx']} 3xx; "
                f"{s['svg']} SVGs well-formed with no unescaped input; {sum(self.kinds.values())} findings"
                f" — {'PASS' if ok else 'FAIL'}")
        if self.kinds:
            grouped = {}
            for kind, count in self.kinds.items():
                why, _, where = kind.partition(" on ")
                g = grouped.setdefault(why, [0, []])
                g[0] += count
                g[1].append(where)
            line += "\n    findings (per route, with 3 samples each, in fuzz-failures.json):\n" + "\n".join(
                f"      {n:5d} × {why} — on {len(routes)} route(s): {', '.join(sorted(routes)[:4])}"
                + (" …" if len(routes) > 4 else "")
                for why, (n, routes) in sorted(grouped.items(), key=lambda kv: -kv[1][0]))
        return ok, line


BAD_ESCAPE = re.compile(rb"%(?![0-9A-Fa-f]{2})")
BAD_TARGET_BYTE = re.compile(rb"[^\x21-\x7e]")
BAD_FIELD_BYTE = re.compile(rb"[\x00-\x08\x0a-\x1f\x7f]")
# request-line and header-section limits: api's quarkus.http.limits; badge-service keeps Quarkus' defaults
LIMITS = {"api": (8192, 16 * 1024), "badge": (4096, 20 * 1024)}


def request_header(req, name):
    """The value of a header of a raw request (the first one), or None."""
    for line in req.split(b"\r\n\r\n", 1)[0].split(b"\r\n")[1:]:
        key, _, value = line.partition(b":")
        if key.strip().lower() == name:
            return value.strip().decode("latin-1")
    return None


def problem_media_type(accept):
    """badge-service's rule (Headers.problemMediaType): application/json only when Accept names it and admits no
    application/problem+json, by name, application/* or */* (a range with q=0 admits nothing)."""
    if accept is None:
        return "application/problem+json"
    json_named = False
    for rng in accept.split(","):
        parts = rng.split(";")
        kind = parts[0].strip().lower()
        if any(re.fullmatch(r"q=0(\.0{0,3})?", p.strip().lower().replace(" ", "")) for p in parts[1:]):
            continue
        if kind in ("application/problem+json", "application/*", "*/*"):
            return "application/problem+json"
        json_named |= kind == "application/json"
    return "application/json" if json_named else "application/problem+json"


def protocol_invalid(req, service):
    """True when the request is not valid HTTP/1.1 + RFC 3986 syntax, or exceeds the request-line or header
    limits: a malformed percent-escape or a raw byte outside visible ASCII in the request target, a control
    character in a header field. Decided from the request alone, never from the answer."""
    head = req.split(b"\r\n\r\n", 1)[0]
    line, _, fields = head.partition(b"\r\n")
    parts = line.split(b" ")
    target = b" ".join(parts[1:-1])
    max_line, max_headers = LIMITS[service]
    return (len(line) > max_line or len(head) > max_headers or BAD_ESCAPE.search(target) is not None
            or BAD_TARGET_BYTE.search(target) is not None or BAD_FIELD_BYTE.search(fields.replace(b"\r\n", b"")) is not None)


def pct(b):
    return "".join(f"%{x:02X}" for x in b).encode()


def unescaped(body):
    return f"<{MARK}".encode() in body or b"onload=alert" in body and b'"><' + MARK.encode() in body


def svg_problem(body, method):
    if method == "HEAD" and not body:
        return None
    if unescaped(body):
        return "echoes the injection unescaped"
    try:
        root = ET.fromstring(body)
    except ET.ParseError as e:
        return f"not well-formed XML ({e})"
    if not root.tag.endswith("svg"):
        return f"root element {root.tag}"
    for el in root.iter():
        if MARK in el.tag or any(MARK in a or a.lower().startswith("on") for a in el.attrib):
            return "injected element or attribute"
    return None


def exchange(port, data, timeout=20):
    buf = rawhttp.exchange(port, data, timeout)
    return rawhttp.parse(buf) or (f"unparsable answer {buf[:80]!r}" if buf else "connection closed without an answer")
