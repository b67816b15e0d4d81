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
