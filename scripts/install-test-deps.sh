#!/usr/bin/env bash
# Installs what the test suite needs; safe to run repeatedly.
#   - Debian packages: what the build needs (scripts/install-build-deps.sh) and chromium (real-browser checks)
#   - Python venvs with real Starlette 0.52.1 and 1.10.0 (+ httpx, uvicorn) for CORS conformance
#   - .venv-test with markdown-it-py (CommonMark) for the Markdown injection tests
#   - a Python venv with jsonschema (.venv-schema) that checks the SARIF and JSON exports against their schemas
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$ROOT/scripts/install-build-deps.sh" chromium
bash "$ROOT/scripts/conformance/setup.sh"
bash "$ROOT/scripts/security/setup.sh"
if ! "$ROOT/.venv-schema/bin/python" -c "import jsonschema" 2>/dev/null; then
  "${PYTHON:-python3}" -m venv "$ROOT/.venv-schema"
  "$ROOT/.venv-schema/bin/pip" install --quiet --disable-pip-version-check "jsonschema==4.26.0"
fi
echo "venv .venv-schema: jsonschema present"
