"""Deterministic CORS conformance cases and the app they run against.

The app is exactly the one `CORSEvaluator` models: one route `/` accepting GET and POST (Starlette
adds HEAD), answering `200 text/plain "ok"`; every other method gets the router's
`405 Method Not Allowed`. `CORSMiddleware` is the only middleware.

Each case is (config, request). A config uses CORSMiddleware's own kwarg names. A request is
{"method", "origin"?, "cookie", "acrm"?, "acrh"?, "acrpn"?}.
"""
from __future__ import annotations

GOOD = "https://good.example.com"
EVIL = "https://evil.com"
SEED003_ORIGINS = [
    "http://localhost:3000",
    "http://localhost:5173",
    "http://127.0.0.1:3000",
    "http://127.0.0.1:5173",
    "http://0.0.0.0:3000",
    "http://0.0.0.0:5173",
]

CONFIGS: list[dict] = [
    {},
    {"allow_origins": ["*"]},
    {"allow_origins": ["*"], "allow_credentials": True},
    {"allow_origins": [GOOD]},
    {"allow_origins": [GOOD], "allow_credentials": True},
    {"allow_origins": [GOOD, "null"], "allow_credentials": True},
    {"allow_origins": ["null"], "allow_credentials": True},
    {"allow_origins": [GOOD + "/"], "allow_credentials": True},
    {"allow_origins": ["HTTPS://GOOD.EXAMPLE.COM"]},
    {"allow_origins": ["good.example.com", "https://*.example.com"]},
    {
        "allow_origins": SEED003_ORIGINS,
        "allow_credentials": True,
        "allow_methods": ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"],
        "allow_headers": ["*"],
    },
    {
        "allow_origins": ["http://localhost:3000"],
        "allow_credentials": True,
        "allow_methods": ["*"],
        "allow_headers": ["*"],
    },
    {"allow_origin_regex": r"https://.*.example.com"},
    {"allow_origin_regex": r"https://.*\.example\.com"},
    {"allow_origin_regex": r"https://.*.example.com", "allow_credentials": True},
    {"allow_origin_regex": r"https://[a-z0-9-]+\.example\.com"},
    {"allow_origin_regex": r"https?://(?:www|api|good)\.example\.com"},
    {"allow_origin_regex": r"^https://(good\.)?example\.com$"},
    {"allow_origin_regex": r"https://example\.com|https://.*\.example\.org|null"},
    {"allow_origin_regex": r"https://[a-z]*example\.com", "allow_origins": ["http://localhost:3000"]},
    {"allow_origin_regex": r"https://(evil|good)\.[a-z]{2,3}(\.[a-z]+)?"},
    {"allow_origins": [GOOD], "allow_methods": ["*"]},
    {"allow_origins": [GOOD], "allow_methods": ["GET", "POST"]},
    {"allow_origins": [GOOD], "allow_methods": ["put", "GET", "DELETE", "GET"]},
    {"allow_origins": [GOOD], "allow_headers": ["*"]},
    {"allow_origins": [GOOD], "allow_headers": ["X-Custom", "Authorization"]},
    {"allow_origins": [GOOD], "allow_headers": ["x-api-key", "Content-Type", "content-type", "accept"]},
    {"allow_origins": [GOOD], "expose_headers": ["X-Secret", "X-Other"], "max_age": 3600},
    {"allow_origins": ["*"], "expose_headers": ["X-Secret"], "max_age": 0, "allow_credentials": True},
    {"allow_origins": [GOOD], "allow_private_network": True},
    {"allow_origins": ["*"], "allow_private_network": False},
    {"allow_origins": ["*"], "allow_methods": ["*"], "allow_headers": ["*"], "allow_credentials": True},
    {"allow_origins": ["*"], "allow_methods": ["*"], "allow_headers": ["*"]},
]


def _simple(method: str, origin: str | None = None, cookie: bool = False) -> dict:
    r: dict = {"method": method, "cookie": cookie}
    if origin is not None:
        r["origin"] = origin
    return r


def _preflight(origin: str | None, acrm: str, acrh: str | None = None, acrpn: str | None = None,
               cookie: bool = False) -> dict:
    r = _simple("OPTIONS", origin, cookie)
    r["acrm"] = acrm
    if acrh is not None:
        r["acrh"] = acrh
    if acrpn is not None:
        r["acrpn"] = acrpn
    return r


REQUESTS: list[dict] = [
    _simple("GET"),
    _simple("GET", GOOD),
    _simple("GET", GOOD, cookie=True),
    _simple("GET", EVIL),
    _simple("GET", EVIL, cookie=True),
    _simple("POST", EVIL, cookie=True),
    _simple("HEAD", GOOD),
    _simple("PUT", GOOD),
    _simple("DELETE", EVIL, cookie=True),
    _simple("GET", "null", cookie=True),
    _simple("GET", "null"),
    _simple("GET", GOOD.upper()),
    _simple("GET", GOOD + "/"),
    _simple("GET", "https://evilexample.com"),
    _simple("GET", "https://sub.example.com"),
    _simple("GET", "https://evil.example.com.attacker.net"),
    _simple("GET", "http://www.example.com"),
    _simple("GET", "https://example.com"),
    _simple("GET", "https://evil.example.org", cookie=True),
    _simple("GET", "http://localhost:3000", cookie=True),
    _simple("GET", "http://0.0.0.0:3000"),
    _simple("OPTIONS", GOOD),
    _preflight(None, "GET"),
    _preflight(GOOD, "GET"),
    _preflight(GOOD, "DELETE"),
    _preflight(GOOD, "POST"),
    _preflight(GOOD, "PUT", "x-custom"),
    _preflight(GOOD, "GET", "authorization"),
    _preflight(GOOD, "GET", "content-type"),
    _preflight(GOOD, "POST", "X-API-Key, Content-Type"),
    _preflight(GOOD, "GET", "x-custom,authorization"),
    _preflight(GOOD, "GET", "accept,x-api-key"),
    _preflight(EVIL, "PUT", "x-evil", cookie=True),
    _preflight("null", "GET"),
    _preflight(GOOD, "GET", acrpn="true"),
    _preflight(GOOD, "get"),
    _preflight(GOOD, "QUERY"),
    _preflight("https://sub.example.com", "GET"),
    _preflight("https://evilexample.com", "POST", "content-type"),
    _preflight("http://localhost:3000", "DELETE", "X-API-Key, Content-Type"),
    _preflight("https://evil.example.com.attacker.net", "GET"),
]


def all_cases() -> list[dict]:
    """Every config x request, numbered deterministically."""
    cases = []
    for ci, config in enumerate(CONFIGS):
        for ri, request in enumerate(REQUESTS):
            cases.append({"id": f"c{ci:02d}-r{ri:02d}", "config": config, "request": request})
    return cases


def build_app(config: dict, handler_runs: list | None = None):
    """The modelled app: Route('/', GET+POST) -> 200 'ok', behind CORSMiddleware(**config)."""
    from starlette.applications import Starlette
    from starlette.middleware import Middleware
    from starlette.middleware.cors import CORSMiddleware
    from starlette.responses import PlainTextResponse
    from starlette.routing import Route

    async def root(request):
        if handler_runs is not None:
            handler_runs.append((request.method, request.url.query))
        return PlainTextResponse("ok")

    return Starlette(
        routes=[Route("/", root, methods=["GET", "POST"])],
        middleware=[Middleware(CORSMiddleware, **config)],
    )


def request_headers(request: dict) -> dict:
    headers = {}
    if "origin" in request:
        headers["Origin"] = request["origin"]
    if request.get("cookie"):
        headers["Cookie"] = "sid=1"
    if "acrm" in request:
        headers["Access-Control-Request-Method"] = request["acrm"]
    if "acrh" in request:
        headers["Access-Control-Request-Headers"] = request["acrh"]
    if "acrpn" in request:
        headers["Access-Control-Request-Private-Network"] = request["acrpn"]
    return headers


CORS_HEADERS = [
    "access-control-allow-origin",
    "access-control-allow-credentials",
    "access-control-allow-methods",
    "access-control-allow-headers",
    "access-control-expose-headers",
    "access-control-max-age",
    "access-control-allow-private-network",
    "vary",
]
