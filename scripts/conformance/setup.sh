#!/usr/bin/env bash
# Creates the two Starlette venvs used by the CORS conformance suite:
#   .venv-conformance/0.52.1  (newest 0.x)
#   .venv-conformance/1.10.0  (newest 1.x)
# Idempotent: an existing venv with the right starlette version is kept.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PY="${PYTHON:-python3}"
VERSIONS=("0.52.1" "1.10.0")
for v in "${VERSIONS[@]}"; do
  venv="$ROOT/.venv-conformance/$v"
  if [ -x "$venv/bin/python" ] && "$venv/bin/python" -c "import importlib.metadata as m,sys; sys.exit(0 if m.version('starlette')=='$v' else 1)" 2>/dev/null; then
    echo "venv $venv: starlette $v already installed"
    continue
  fi
  "$PY" -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "starlette==$v" "httpx==0.28.1" "uvicorn==0.54.0"
  echo "venv $venv: starlette $("$venv/bin/python" -c "import importlib.metadata as m; print(m.version('starlette'))")"
done
