#!/usr/bin/env bash
# Asks the real pip resolver whether every `pip install NAME==VERSION …` command of the expected Sample
# reports installs together with the Sample's other pins (pydantic, and fastapi/starlette where the
# command does not name them). Not part of `swift test` (it needs PyPI); DependencyConstraintTests
# checks the same against the committed metadata table.
#   bash scripts/data/check-upgrade-resolves.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
venv="$(mktemp -d)/venv"
python3 -m venv "$venv"
status=0
for report in Tests/ThreatscribeCoreTests/Reference/Expected/*/threat-model.md; do
  sample="Samples/$(basename "$(dirname "$report")").yaml"
  while IFS= read -r line; do
    read -r -a args <<<"$(python3 - "$sample" "$line" <<'PY'
import re, shlex, sys, yaml
model = yaml.safe_load(open(sys.argv[1])) or {}
pins = {k.lower(): v for k, v in (model.get("frameworks") or {}).items() if re.fullmatch(r"[0-9.]+", str(v))}
words = [w for w in shlex.split(sys.argv[2].split("#")[0])[2:] if not w.startswith("-")]
named = {re.split(r"[=<>!~\[]", w)[0].lower() for w in words}
extra = [f"{name}=={pins[name]}" for name in ("pydantic", "fastapi", "starlette") if name in pins and name not in named]
print(" ".join(words + extra))
PY
)"
    if "$venv/bin/pip" install --quiet --dry-run --ignore-installed "${args[@]}" >/dev/null 2>&1; then
      echo "ok   $sample: ${args[*]}"
    else
      echo "FAIL $sample: ${args[*]}"; status=1
    fi
  done < <(grep -E '^pip install [^-]' "$report" | sort -u)
done
exit $status
