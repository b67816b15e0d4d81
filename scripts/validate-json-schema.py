#!/usr/bin/env python3
"""Validates JSON documents against a JSON Schema (any draft jsonschema knows).

usage: validate-json-schema.py SCHEMA DOCUMENT...
Prints every error as `DOCUMENT: path: message` and exits 1 when there is one, else 0.
"""
import json
import sys

import jsonschema


def main() -> int:
    schema = json.load(open(sys.argv[1], encoding="utf-8"))
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)
    failed = False
    for path in sys.argv[2:]:
        document = json.load(open(path, encoding="utf-8"))
        for error in sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path)):
            failed = True
            location = "/".join(str(part) for part in error.absolute_path)
            print(f"{path}: /{location}: {error.message}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
