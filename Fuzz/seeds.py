#!/usr/bin/env python3
"""Writes the seed corpus and dictionary of each fuzz target, from the repository's own inputs.

    python3 Fuzz/seeds.py OUTPUT_DIR

OUTPUT_DIR/<Target>/ receives one file per seed and OUTPUT_DIR/<Target>.dict a libFuzzer
dictionary. Seeds: FuzzModel from Samples/*.yaml (also as JSON), the model fixtures and every
catalog entry's trigger/no_trigger sample; FuzzCondition from every catalog entry's `when:`;
FuzzOriginRegex from the CORS conformance configs (scripts/conformance/cases.py) and the regexes in
Samples; FuzzEscapers from model strings, catalog prose and the payloads of issue 7. The input
formats are the ones the targets read (see each target's doc comment).
"""
from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts" / "conformance"))
import cases  # noqa: E402  (the CORS conformance configs)


def write(directory: Path, data: bytes) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / hashlib.sha1(data).hexdigest()).write_bytes(data)


def write_dictionary(path: Path, tokens: set[str]) -> None:
    lines = []
    for token in sorted(tokens):
        escaped = "".join(c if 0x20 <= ord(c) < 0x7F and c not in '"\\' else "\\x%02x" % b
                          for c in token for b in ([ord(c)] if ord(c) < 0x80 else c.encode()))
        lines.append(f'"{escaped}"')
    path.write_text("\n".join(lines) + "\n")


def catalog_entries() -> list[dict]:
    entries = []
    for path in sorted((ROOT / "Catalog" / "entries").rglob("*.yaml")):
        data = yaml.safe_load(path.read_text())
        if isinstance(data, dict):
            entries.append(data)
    return entries


def scope_names() -> list[str]:
    """The fact scopes, sorted by name as `FactVocabulary.sortedScopes` sorts them."""
    names = set()
    for source in (ROOT / "Sources").rglob("*.swift"):
        names.update(re.findall(r'FactScope\(\s*"([a-z_]+)"', source.read_text()))
    return sorted(names)


def strings_in(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in strings_in(k) + strings_in(v)]
    if isinstance(value, list):
        return [s for item in value for s in strings_in(item)]
    return []


def model_seeds(out: Path, entries: list[dict]) -> None:
    target = out / "FuzzModel"
    keys = set()
    for sample in sorted((ROOT / "Samples").glob("*.yaml")):
        text = sample.read_text()
        write(target, text.encode())
        write(target, json.dumps(yaml.safe_load(text), indent=1).encode())
        keys.update(re.findall(r"^\s*-?\s*([A-Za-z_][A-Za-z0-9_]*):", text, re.M))
    for fixture in sorted((ROOT / "Tests" / "ThreatscribeCoreTests" / "Fixtures" / "models").iterdir()):
        if fixture.suffix in (".yaml", ".yml", ".json"):
            write(target, fixture.read_bytes())
    for entry in entries:
        samples = entry.get("samples") or {}
        for kind in ("trigger", "no_trigger"):
            for text in samples.get(kind) or []:
                write(target, text.encode())
                keys.update(re.findall(r"([A-Za-z_][A-Za-z0-9_]*):", text))
    yaml_tokens = {"---", "...", "&a ", "*a", "<<: ", "!!str ", "!!int ", "!!map", "!!seq", "? ", ": ", "- ",
                   "[", "]", "{", "}", ",", "|", "|-", ">", ">+", "'", '"', "#", "%YAML 1.2", "\\u0000", "~", "null",
                   "true", "false", "0x1F", "1e9", ".inf", "\t", "\r\n", "\ufeff",
                   "<img src=x onerror=alert(1)>", "\u0600<", "\"\u0301", "```", "$(touch x)", "'; touch x; echo '"}
    write_dictionary(out / "FuzzModel.dict", yaml_tokens | {k + ": " for k in keys})


def condition_seeds(out: Path, entries: list[dict]) -> None:
    target = out / "FuzzCondition"
    scopes = scope_names()
    fields = set()
    for entry in entries:
        when, scope = entry.get("when"), entry.get("scope")
        if not isinstance(when, str):
            continue
        index = scopes.index(scope) if scope in scopes else 0
        for mode in (0x00, 0x40, 0x80):  # block scalar, double-quoted scalar, parser only
            write(target, bytes([index | mode]) + when.encode())
        fields.update(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", when))
    tokens = {"and", "or", "not", "in", "contains", "==", "!=", "<", "<=", ">", ">=", "(", ")", "[", "]",
              ",", ".", "'", '"', "count(", "known(", "true", "false", "9223372036854775807", "-1"}
    write_dictionary(out / "FuzzCondition.dict", tokens | fields | {s + "." for s in scopes})


def origin_regex_seeds(out: Path) -> None:
    target = out / "FuzzOriginRegex"
    origins = {cases.GOOD, cases.EVIL, "null", "https://good.example.com.evil.com", "https://evilexample.com",
               *cases.SEED003_ORIGINS}
    for request in getattr(cases, "REQUESTS", []):
        if isinstance(request, dict) and isinstance(request.get("origin"), str):
            origins.add(request["origin"])
    patterns = {c["allow_origin_regex"] for c in cases.CONFIGS if isinstance(c.get("allow_origin_regex"), str)}
    for sample in (ROOT / "Samples").glob("*.yaml"):
        patterns.update(re.findall(r"allow_origin_regex:\s*['\"]?([^'\"\n]+)", sample.read_text()))
    for pattern in sorted(patterns):
        for origin in sorted(origins):
            write(target, f"{pattern}\n{origin}".encode())
    tokens = {"(", ")", "(?:", "(?P<n>", "(?#", "(?=", "(?i)", "[", "[^", "]", "-", "|", "*", "+", "?", "*?",
              "+?", "??", "{2}", "{2,}", "{,3}", "{1,3}", "{1000000000}", ".", "^", "$", "\\A", "\\Z", "\\d", "\\w",
              "\\s", "\\D", "\\W", "\\S", "\\b", "\\.", "\\x41", "\\u0041", "\\n", "\\\\", "https://", "http://",
              ".example.com", ":8080", "null", "\n"}
    write_dictionary(out / "FuzzOriginRegex.dict", tokens)


def escaper_seeds(out: Path, entries: list[dict]) -> None:
    target = out / "FuzzEscapers"
    payloads = ["<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "' autofocus onfocus='x",
                "&lt;&#x3c;&amp", "```<img src=x onerror=alert(1)>", "`` ` ``", "a|b\\|c", "| --- |",
                "[x](javascript:alert(1))", "![i](https://e/x.png \"t\")", "  javascript:alert(1)", "JaVa\tScRiPt:x",
                "1. item", "# head", "- item", "> quote", "*em* _em_ __s__ ~~del~~", "line\nbreak\r\nCRLF\r",
                "\u0600<b>", "\"\u0301 onfocus=x", "\u200d<", "\U0001F1E6\U0001F1E8<", "\x1b]0;title\x07", "\x00\x01\x7f",
                "https://api.example.com/$(touch x)", "https://a'; touch x; echo '", "a\\'b\"c\u2028d\x85", "#quot;#59;"]
    texts = set(payloads)
    for sample in (ROOT / "Samples").glob("*.yaml"):
        texts.update(s for s in strings_in(yaml.safe_load(sample.read_text())) if len(s) < 400)
    for entry in entries[:40]:
        for field in ("title", "description", "mitigation", "validation"):
            if isinstance(entry.get(field), str):
                texts.add(entry[field])
    cases_count = 18  # the number of escapers in FuzzEscapers.swift's `cases` table
    chosen = payloads + sorted(texts - set(payloads), key=lambda s: hashlib.sha1(s.encode()).hexdigest())[:150]
    for text in chosen:
        for selector in range(cases_count):
            write(target, bytes([selector]) + text.encode())
    tokens = {"<", ">", "&", "\"", "'", "`", "```", "~~~", "\\", "*", "_", "[", "]", "(", ")", "|", "#", "!",
              "&amp;", "&#39;", "&#x3c;", "javascript:", "data:", "http://", "mailto:", "\n", "\r\n", "\t", "    ",
              "\u0600", "\u0301", "\u200d", "\u2028", "\ufeff", "\U0001F1E6",
              "$(", "${", "$'", "'\\''", "\\x", "\\u", ";", "#", "#quot;", "\x1b", "\x85", "\ue000"}
    write_dictionary(out / "FuzzEscapers.dict", tokens)


def main() -> None:
    out = Path(sys.argv[1])
    entries = catalog_entries()
    model_seeds(out, entries)
    condition_seeds(out, entries)
    origin_regex_seeds(out)
    escaper_seeds(out, entries)
    for target in sorted(p for p in out.iterdir() if p.is_dir()):
        print(f"{target.name}: {sum(1 for _ in target.iterdir())} seeds")


if __name__ == "__main__":
    main()
