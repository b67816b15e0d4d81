#!/usr/bin/env bash
# Regenerates every generated file after a change to the catalog, templates, schema or report output:
# embedded resources, the precompiled built-in catalog, docs/catalog.md, docs/threatscribe.schema.json,
# the reference in docs/model.md, and the expected reports (read their diff as a reviewer would before committing).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
python3 scripts/embed-resources.py
swift build
bin=.build/debug/threatscribe
# The built-in catalog precompiled by the real parser (decoded at start-up instead of parsing the YAML);
# rebuilt only when it changed. `catalog precompile` reads Catalog/ itself, never the stale copy.
precompiled=Sources/ThreatscribeCore/Generated/PrecompiledCatalogJSON.swift
"$bin" catalog precompile Catalog > "$precompiled.new"
if cmp -s "$precompiled.new" "$precompiled"; then rm "$precompiled.new"; else mv "$precompiled.new" "$precompiled"; swift build; fi
# The catalog's prose converted to HTML (filled by reports instead of running Ink on it); rebuilt only when it changed.
prose=Sources/ThreatscribeCore/Generated/PrecompiledProseHTML.swift
"$bin" catalog precompile-prose Catalog > "$prose.new"
if cmp -s "$prose.new" "$prose"; then rm "$prose.new"; else mv "$prose.new" "$prose"; swift build; fi
# The reference tables the analyzers read at start-up (advisories, dependency constraints), as JSON.
reference=Sources/ThreatscribeCore/Generated/PrecompiledReferenceJSON.swift
"$bin" catalog precompile-reference Catalog > "$reference.new"
if cmp -s "$reference.new" "$reference"; then rm "$reference.new"; else mv "$reference.new" "$reference"; swift build; fi
"$bin" catalog docs > docs/catalog.md
"$bin" schema > docs/threatscribe.schema.json
python3 - "$bin" <<'PY'
import subprocess, sys
reference = subprocess.run([sys.argv[1], "schema", "--reference"], check=True, capture_output=True, text=True).stdout
path = "docs/model.md"
text = open(path, encoding="utf-8").read()
begin = text.index("<!-- BEGIN GENERATED REFERENCE: threatscribe schema --reference -->")
begin = text.index("\n", begin) + 1
end = text.index("<!-- END GENERATED REFERENCE -->")
open(path, "w", encoding="utf-8").write(text[:begin] + "\n" + reference.strip() + "\n\n" + text[end:])
PY
THREATSCRIBE_UPDATE_EXPECTED=1 THREATSCRIBE_SKIP_CONFORMANCE=1 swift test --filter 'SampleReport|RendererTests' >/dev/null || true
git status --short
