#!/usr/bin/env python
"""Runs every case of cases.py through the installed Starlette's TestClient and writes the
observed answers as JSON for Tests/ThreatscribeCoreTests/CORS/CORSConformanceTests.swift.

    .venv-conformance/1.10.0/bin/python scripts/conformance/generate_cases.py OUT.json
"""
from __future__ import annotations

import json
import sys
import warnings

warnings.filterwarnings("ignore")

from importlib.metadata import version  # noqa: E402

from starlette.testclient import TestClient  # noqa: E402

from cases import CORS_HEADERS, all_cases, build_app, request_headers  # noqa: E402


def main() -> None:
    out = sys.argv[1]
    results = []
    clients: dict[str, tuple] = {}
    for case in all_cases():
        key = json.dumps(case["config"], sort_keys=True)
        if key not in clients:
            runs: list = []
            clients[key] = (TestClient(build_app(case["config"], runs), raise_server_exceptions=False), runs)
        client, runs = clients[key]
        runs.clear()
        request = case["request"]
        r = client.request(request["method"], "/", headers=request_headers(request))
        headers = {}
        for name in CORS_HEADERS:
            values = r.headers.get_list(name)
            if values:
                headers[name] = ", ".join(values)
        results.append({
            **case,
            "expected": {
                "status": r.status_code,
                "body": r.text,
                "handler_runs": bool(runs),
                "headers": headers,
            },
        })
    document = {"starlette": version("starlette"), "httpx": version("httpx"), "cases": results}
    with open(out, "w") as f:
        json.dump(document, f, indent=1, sort_keys=True)
        f.write("\n")
    print(f"starlette {document['starlette']}: {len(results)} cases -> {out}")


if __name__ == "__main__":
    main()
