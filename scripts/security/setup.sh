#!/usr/bin/env bash
# Creates .venv-test with markdown-it-py, the CommonMark parser the Markdown injection tests use.
# Idempotent: an existing venv with the right version is kept.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PY="${PYTHON:-python3}"
VERSION="3.0.0"
venv="$ROOT/.venv-test"
if [ -x "$venv/bin/python" ] && "$venv/bin/python" -c "import importlib.metadata as m,sys; sys.exit(0 if m.version('markdown-it-py')=='$VERSION' else 1)" 2>/dev/null; then
  echo "venv $venv: markdown-it-py $VERSION already installed"
  exit 0
fi
"$PY" -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check "markdown-it-py==$VERSION"
echo "venv $venv: markdown-it-py $VERSION"
