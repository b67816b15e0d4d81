#!/usr/bin/env bash
# The whole test suite, as CI runs it on a clean clone:
#   1. installs what the tests need (Debian packages, Python venvs with real Starlette),
#   2. runs real Starlette (and headless Chromium) to produce the CORS conformance cases,
#   3. builds the self-contained release binary (README's first command), which StaticBinaryTests
#      runs with the toolchain hidden,
#   4. runs `swift test`, which compares our CORS engine with them, plus every other test.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
bash scripts/install-test-deps.sh
bash scripts/conformance/run.sh
swift build -c release --static-swift-stdlib
export THREATSCRIBE_RELEASE_BINARY="$ROOT/.build/release/threatscribe"
swift test "$@"
