#!/usr/bin/env bash
# Installs what the test suite needs; safe to run repeatedly.
#   - Debian packages: libxml2-dev (CLibXML2 target), chromium (CORS real-browser check)
#   - Python venvs with real Starlette 0.52.1 and 1.10.0 (+ httpx, uvicorn) for CORS conformance
#   - .venv-test with markdown-it-py (CommonMark) for the Markdown injection tests
#   - a Python venv with jsonschema (.venv-schema) that checks the SARIF and JSON exports against their schemas
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PACKAGES=(libxml2-dev chromium)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
echo "apt packages present: ${PACKAGES[*]}"
bash "$ROOT/scripts/conformance/setup.sh"
bash "$ROOT/scripts/security/setup.sh"
if ! "$ROOT/.venv-schema/bin/python" -c "import jsonschema" 2>/dev/null; then
  "${PYTHON:-python3}" -m venv "$ROOT/.venv-schema"
  "$ROOT/.venv-schema/bin/pip" install --quiet --disable-pip-version-check "jsonschema==4.26.0"
fi
echo "venv .venv-schema: jsonschema present"
