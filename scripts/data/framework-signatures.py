#!/usr/bin/env python3
"""Regenerates Tests/ThreatscribeCoreTests/Fixtures/framework-signatures.json: the keyword parameters of
the FastAPI and Starlette callables catalog snippets use, introspected with inspect.signature in real
installs of each FastAPI/Starlette pair below (the Samples' versions, the upgrade the reports
recommend, and the newest release). `**kwargs` is recorded but never counts as accepting a keyword:
FastAPI(**extra) swallows unknown keywords silently, which is the bug the check exists for.

    python3 scripts/data/framework-signatures.py   # creates venvs under $TMPDIR, needs PyPI
"""
import datetime, json, os, subprocess, sys, tempfile

PAIRS = [("0.115.12", "0.46.2"), ("0.133.0", "1.3.1"), ("0.165.0", "1.10.0")]
OUT = "Tests/ThreatscribeCoreTests/Fixtures/framework-signatures.json"

# Snippet call name -> the object whose signature decides its keywords.
TARGETS = {
    "FastAPI": "fastapi.FastAPI",
    "APIRouter": "fastapi.APIRouter",
    "include_router": "fastapi.FastAPI.include_router",
    "get": "fastapi.FastAPI.get", "post": "fastapi.FastAPI.post", "put": "fastapi.FastAPI.put",
    "patch": "fastapi.FastAPI.patch", "delete": "fastapi.FastAPI.delete", "websocket": "fastapi.FastAPI.websocket",
    "api_route": "fastapi.FastAPI.api_route", "mount": "fastapi.FastAPI.mount",
    "add_middleware": "fastapi.FastAPI.add_middleware",
    "HTTPException": "fastapi.HTTPException",
    "WebSocketException": "fastapi.WebSocketException",
    "Security": "fastapi.Security", "Depends": "fastapi.Depends",
    "Query": "fastapi.Query", "Header": "fastapi.Header", "Cookie": "fastapi.Cookie", "Body": "fastapi.Body",
    "Form": "fastapi.Form", "File": "fastapi.File", "Path": "fastapi.Path",
    "APIKeyHeader": "fastapi.security.APIKeyHeader", "APIKeyCookie": "fastapi.security.APIKeyCookie",
    "APIKeyQuery": "fastapi.security.APIKeyQuery", "HTTPBearer": "fastapi.security.HTTPBearer",
    "HTTPBasic": "fastapi.security.HTTPBasic", "OAuth2PasswordBearer": "fastapi.security.OAuth2PasswordBearer",
    "get_swagger_ui_html": "fastapi.openapi.docs.get_swagger_ui_html",
    "get_redoc_html": "fastapi.openapi.docs.get_redoc_html",
    "StaticFiles": "starlette.staticfiles.StaticFiles",
    "Jinja2Templates": "starlette.templating.Jinja2Templates",
    "TemplateResponse": "starlette.templating.Jinja2Templates.TemplateResponse",
    "Mount": "starlette.routing.Mount", "Route": "starlette.routing.Route", "WebSocketRoute": "starlette.routing.WebSocketRoute",
    "Response": "starlette.responses.Response", "JSONResponse": "starlette.responses.JSONResponse",
    "HTMLResponse": "starlette.responses.HTMLResponse", "PlainTextResponse": "starlette.responses.PlainTextResponse",
    "RedirectResponse": "starlette.responses.RedirectResponse", "FileResponse": "starlette.responses.FileResponse",
    "StreamingResponse": "starlette.responses.StreamingResponse",
    "set_cookie": "starlette.responses.Response.set_cookie", "delete_cookie": "starlette.responses.Response.delete_cookie",
    "close": "starlette.websockets.WebSocket.close", "accept": "starlette.websockets.WebSocket.accept",
    "Middleware": "starlette.middleware.Middleware",
    "CORSMiddleware": "starlette.middleware.cors.CORSMiddleware",
    "TrustedHostMiddleware": "starlette.middleware.trustedhost.TrustedHostMiddleware",
    "SessionMiddleware": "starlette.middleware.sessions.SessionMiddleware",
    "GZipMiddleware": "starlette.middleware.gzip.GZipMiddleware",
    "HTTPSRedirectMiddleware": "starlette.middleware.httpsredirect.HTTPSRedirectMiddleware",
}

PROBE = r'''
import importlib, inspect, json, sys
targets = json.loads(sys.argv[1])
result = {}
for name, dotted in targets.items():
    parts = dotted.split(".")
    for split in range(len(parts), 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:split]))
        except ImportError:
            continue
        try:
            for attribute in parts[split:]:
                obj = getattr(obj, attribute)
        except AttributeError:
            obj = None
        break
    if obj is None:
        continue
    signature = inspect.signature(obj.__init__ if inspect.isclass(obj) else obj)
    kinds = (inspect.Parameter.POSITIONAL_OR_KEYWORD, inspect.Parameter.KEYWORD_ONLY)
    result[name] = {
        "object": dotted,
        "keywords": sorted(p.name for p in signature.parameters.values() if p.kind in kinds and p.name != "self"),
        "var_keyword": any(p.kind == inspect.Parameter.VAR_KEYWORD for p in signature.parameters.values()),
    }
import fastapi, starlette
print(json.dumps({"fastapi": fastapi.__version__, "starlette": starlette.__version__, "callables": result}))
'''


def main():
    pairs = []
    base = tempfile.mkdtemp(prefix="signatures-")
    for fastapi, starlette in PAIRS:
        venv = os.path.join(base, fastapi)
        subprocess.run([sys.executable, "-m", "venv", venv], check=True)
        python = os.path.join(venv, "bin", "python")
        subprocess.run([python, "-m", "pip", "install", "-q", f"fastapi=={fastapi}", f"starlette=={starlette}",
                        "jinja2", "itsdangerous", "python-multipart"], check=True)
        output = subprocess.run([python, "-c", PROBE, json.dumps(TARGETS)], check=True, capture_output=True, text=True).stdout
        pairs.append(json.loads(output))
    document = {
        "generated": datetime.date.today().isoformat(),
        "method": "inspect.signature in a venv per pair (scripts/data/framework-signatures.py); keyword-capable parameters only",
        "pairs": pairs,
    }
    with open(OUT, "w", encoding="utf-8") as out:
        json.dump(document, out, indent=1, sort_keys=True)
        out.write("\n")


if __name__ == "__main__":
    main()
