#!/usr/bin/env bash
# Sets up the Starlette venvs (if needed) and regenerates the conformance JSON:
#   .build-conformance/cases-0.52.1.json and .build-conformance/cases-1.10.0.json
# Then: swift test --scratch-path .build-cors --filter CORS
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
bash "$ROOT/scripts/conformance/setup.sh"
mkdir -p "$ROOT/.build-conformance"
for v in 0.52.1 1.10.0; do
  (cd "$ROOT/scripts/conformance" && "$ROOT/.venv-conformance/$v/bin/python" generate_cases.py "$ROOT/.build-conformance/cases-$v.json")
done
# Real-browser check (needs the Debian package chromium: scripts/install-test-deps.sh).
if command -v chromium >/dev/null 2>&1; then
  for v in 0.52.1 1.10.0; do
    (cd "$ROOT/scripts/conformance" && timeout 300 "$ROOT/.venv-conformance/$v/bin/python" browser_check.py "$ROOT/.build-conformance/browser-$v.json")
  done
else
  echo "chromium not installed: skipping the real-browser CORS check (run scripts/install-test-deps.sh)" >&2
fi
