#!/usr/bin/env python3
"""Benchmark: wall time of `threatscribe validate` and `analyze` on the samples and on generated models.

Usage: python3 scripts/benchmark/run.py [path/to/threatscribe]   (default: .build/release/threatscribe)
Prints a table of median, min and max over several runs; writes nothing outside a temporary directory.
"""
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
RUNS = 5


def synthetic_model(endpoints: int, environments: int) -> str:
    lines = [
        "system: {name: Synthetic API, exposure: internet, data_classification: confidential}",
        "frameworks: {fastapi: '0.115.12', starlette: '0.46.2', uvicorn: '0.34.2'}",
        "middleware:",
        "  - {type: cors, allow_origins: ['http://localhost:3000', 'https://app.example.com', 'http://0.0.0.0:3000'],"
        " allow_credentials: true, allow_methods: ['*'], allow_headers: ['*'], allow_origin_regex: 'https://.*.example.com'}",
        "  - {type: trusted_host, allowed_hosts: ['*']}",
        "auth:",
        "  - {id: token, type: signed_url_token, transport: query}",
        "routers:",
    ]
    per_router = 50
    for router in range(max(1, endpoints // per_router)):
        lines.append(f"  - prefix: /r{router}")
        lines.append("    endpoints:")
        for index in range(min(per_router, endpoints - router * per_router)):
            auth = "token" if index % 3 else "none"
            lines.append(f"      - {{path: '/items{index}/{{item_id}}', methods: [GET, POST, DELETE], auth: {auth}}}")
    lines.append("environments:")
    for env in range(environments):
        kind = "production" if env == environments - 1 else "development"
        lines.append(f"  - {{name: env{env}, kind: {kind}, base_url: 'https://api{env}.example.com'}}")
    return "\n".join(lines) + "\n"


def measure(command):
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        result = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        times.append(time.perf_counter() - start)
        if result.returncode not in (0, 1):
            sys.exit(f"failed: {' '.join(command)}\n{result.stderr}")
    return times


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build/release/threatscribe")
    if not os.path.exists(binary):
        sys.exit(f"{binary} not found: run `swift build -c release` first")
    with tempfile.TemporaryDirectory() as work:
        cases = []
        for name in sorted(os.listdir(os.path.join(ROOT, "Samples"))):
            if name.endswith(".yaml"):
                cases.append((name, os.path.join(ROOT, "Samples", name)))
        for endpoints, environments in [(100, 3), (1000, 3), (5000, 5)]:
            path = os.path.join(work, f"synthetic-{endpoints}x{environments}.yaml")
            with open(path, "w") as handle:
                handle.write(synthetic_model(endpoints, environments))
            cases.append((f"synthetic {endpoints} endpoints x {environments} envs", path))
        print(f"{'model':44} {'command':9} {'median s':>9} {'min s':>7} {'max s':>7}")
        for label, path in cases:
            out = os.path.join(work, "out")
            for command_name, command in [
                ("validate", [binary, "validate", path]),
                ("analyze", [binary, "analyze", path, "--output", out, "--format", "markdown,html", "--quiet", "--date", "2026-01-01"]),
            ]:
                times = measure(command)
                print(f"{label:44} {command_name:9} {statistics.median(times):9.3f} {min(times):7.3f} {max(times):7.3f}")


if __name__ == "__main__":
    main()
