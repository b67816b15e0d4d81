#!/usr/bin/env python3
"""Prints, one JSON string per line, every piece of raw HTML a CommonMark renderer that allows HTML
(markdown-it-py, `commonmark` preset) passes through from the Markdown read on stdin."""
import json
import sys

from markdown_it import MarkdownIt


def main() -> None:
    text = sys.stdin.read()
    for token in MarkdownIt("commonmark").parse(text):
        if token.type == "html_block":
            print(json.dumps(token.content))
        for child in token.children or []:
            if child.type == "html_inline":
                print(json.dumps(child.content))


if __name__ == "__main__":
    main()
