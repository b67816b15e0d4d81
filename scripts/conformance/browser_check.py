#!/usr/bin/env python
"""Real-browser CORS check: headless Chromium on one loopback origin fetch()es a real Starlette
app (uvicorn) on another loopback port, under several CORSMiddleware configs, methods, headers and
credentials modes. Writes what the browser could read, and what reached the server, as JSON for
Tests/ThreatscribeCoreTests/CORS/CORSBrowserCheckTests.swift.

    .venv-conformance/1.10.0/bin/python scripts/conformance/browser_check.py OUT.json

Loopback only; every server and the browser are stopped before exit; bounded by --timeout.
"""
from __future__ import annotations

import argparse
import http.server
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import warnings
from importlib.metadata import version
from urllib.parse import parse_qs

warnings.filterwarnings("ignore")

import uvicorn  # noqa: E402

from cases import build_app  # noqa: E402

HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def make_configs(page_origin: str) -> list[dict]:
    return [
        {"allow_origins": ["*"]},
        {"allow_origins": ["*"], "allow_credentials": True},
        {"allow_origins": [page_origin], "allow_credentials": True},
        {"allow_origins": [page_origin]},
        {"allow_origins": [page_origin], "allow_credentials": True, "allow_methods": ["*"], "allow_headers": ["*"]},
        {"allow_origins": ["http://localhost:3000"], "allow_credentials": True},
        {"allow_origins": ["*"], "allow_methods": ["*"], "allow_headers": ["*"]},
        {
            "allow_origins": ["http://localhost:3000", page_origin, "http://0.0.0.0:3000"],
            "allow_credentials": True,
            "allow_methods": ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"],
            "allow_headers": ["*"],
        },
        {"allow_origins": [page_origin + "/"], "allow_credentials": True},
        {"allow_origin_regex": r"http://127\.0\.0\.1:\d+", "allow_credentials": True, "allow_methods": ["GET", "PUT"]},
        {
            "allow_origins": [page_origin],
            "allow_credentials": True,
            "allow_methods": ["GET", "POST", "PUT"],
            "allow_headers": ["X-Custom", "Authorization"],
        },
    ]


FETCHES: list[dict] = [
    {"method": "GET", "headers": {}},
    {"method": "POST", "headers": {"Content-Type": "text/plain"}},
    {"method": "POST", "headers": {"Content-Type": "application/json"}},
    {"method": "PUT", "headers": {}},
    {"method": "DELETE", "headers": {}},
    {"method": "GET", "headers": {"X-Custom": "1"}},
    {"method": "GET", "headers": {"Authorization": "Bearer t"}},
    {"method": "PATCH", "headers": {"X-Custom": "1", "Authorization": "Bearer t"}},
]

PAGE = """<!doctype html><html><body><script>
const tests = %s;
document.cookie = "sid=1; path=/";
(async () => {
  const results = [];
  for (const t of tests) {
    const init = {method: t.method, headers: t.headers, credentials: t.credentials, mode: "cors"};
    if (t.method === "POST" || t.method === "PUT" || t.method === "PATCH") init.body = "x";
    try {
      const r = await fetch(t.url, init);
      await r.text();
      results.push({id: t.id, readable: true, status: r.status});
    } catch (e) {
      results.push({id: t.id, readable: false, error: String(e)});
    }
  }
  await fetch("/result", {method: "POST", body: JSON.stringify(results)});
})();
</script></body></html>"""


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--timeout", type=float, default=90.0)
    parser.add_argument("--chromium", default=shutil.which("chromium") or shutil.which("chromium-browser"))
    args = parser.parse_args()
    if not args.chromium:
        print("chromium not found", file=sys.stderr)
        return 3

    page_port, api_port = free_port(), free_port()
    page_origin = f"http://{HOST}:{page_port}"
    api_origin = f"http://{HOST}:{api_port}"
    configs = make_configs(page_origin)

    # Server side: one CORS app per config, mounted by path prefix /cN; every request is logged.
    server_log: list[dict] = []
    handler_runs: list = []
    apps = [build_app(c, handler_runs) for c in configs]

    async def dispatcher(scope, receive, send):
        if scope["type"] != "http":
            return
        index = int(scope["path"].strip("/").lstrip("c") or 0)
        headers = {k.decode().lower(): v.decode() for k, v in scope["headers"]}
        query = parse_qs(scope["query_string"].decode())
        server_log.append({
            "t": query.get("t", [""])[0],
            "method": scope["method"],
            "preflight": scope["method"] == "OPTIONS" and "access-control-request-method" in headers,
            "cookie": "cookie" in headers,
            "acrh": headers.get("access-control-request-headers"),
        })
        await apps[index]({**scope, "path": "/", "raw_path": b"/"}, receive, send)

    tests = []
    for ci in range(len(configs)):
        for fi, f in enumerate(FETCHES):
            for mode in ("omit", "include"):
                tid = f"c{ci:02d}-f{fi:02d}-{mode}"
                tests.append({
                    "id": tid, "config": ci, "method": f["method"], "headers": f["headers"], "credentials": mode,
                    "url": f"{api_origin}/c{ci}/?t={tid}",
                })

    results_box: dict = {}
    page_html = (PAGE % json.dumps(tests)).encode()

    class PageHandler(http.server.BaseHTTPRequestHandler):
        def log_message(self, *a):
            pass

        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(page_html)))
            self.end_headers()
            self.wfile.write(page_html)

        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            results_box["results"] = json.loads(body)
            self.send_response(204)
            self.end_headers()

    page_server = http.server.ThreadingHTTPServer((HOST, page_port), PageHandler)
    threading.Thread(target=page_server.serve_forever, daemon=True).start()
    api_server = uvicorn.Server(uvicorn.Config(dispatcher, host=HOST, port=api_port, log_level="warning", lifespan="off"))
    threading.Thread(target=api_server.run, daemon=True).start()
    deadline = time.time() + 15
    while not api_server.started and time.time() < deadline:
        time.sleep(0.05)

    profile = tempfile.mkdtemp(prefix="threatscribe-chromium-")
    browser = subprocess.Popen(
        [args.chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-extensions", "--disable-background-networking", "--disable-sync",
         "--disable-component-update", "--no-default-browser-check", "--remote-debugging-port=0",
         f"--user-data-dir={profile}", f"{page_origin}/"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    try:
        deadline = time.time() + args.timeout
        while "results" not in results_box and time.time() < deadline and browser.poll() is None:
            time.sleep(0.1)
    finally:
        try:
            os.killpg(browser.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        browser.wait()
        api_server.should_exit = True
        page_server.shutdown()
        shutil.rmtree(profile, ignore_errors=True)

    if "results" not in results_box:
        err = browser.stderr.read().decode(errors="replace")[-2000:] if browser.stderr else ""
        print(f"no results from chromium within {args.timeout}s; stderr tail:\n{err}", file=sys.stderr)
        return 1

    by_id = {r["id"]: r for r in results_box["results"]}
    records = []
    for t in tests:
        seen = [e for e in server_log if e["t"] == t["id"]]
        actual = [e for e in seen if not e["preflight"]]
        records.append({
            "id": t["id"],
            "config": configs[t["config"]],
            "fetch": {"page_origin": page_origin, "method": t["method"], "headers": t["headers"], "credentials": t["credentials"]},
            "observed": {
                "readable": by_id[t["id"]]["readable"],
                "status": by_id[t["id"]].get("status"),
                "preflight_sent": any(e["preflight"] for e in seen),
                "preflight_acrh": next((e["acrh"] for e in seen if e["preflight"]), None),
                "request_sent": bool(actual),
                "cookie_sent": any(e["cookie"] for e in actual),
            },
        })
    version_out = subprocess.run([args.chromium, "--version"], capture_output=True, text=True).stdout.strip()
    document = {"starlette": version("starlette"), "browser": version_out, "cases": records}
    with open(args.out, "w") as f:
        json.dump(document, f, indent=1, sort_keys=True)
        f.write("\n")
    readable = sum(r["observed"]["readable"] for r in records)
    print(f"starlette {document['starlette']}, {version_out}: {len(records)} browser fetches ({readable} readable) -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
