"""Build the HTML docs offline (no quarto): the notebooks in nbs/, README.md and docs/*.md into one folder.

Usage: python tools/build_docs.py [DEST]   (default: _docs)"""
from __future__ import annotations

import sys

from autocode.docs import build_site


def main(argv: list[str]) -> int:
    dest = argv[0] if argv else "_docs"
    pages = build_site(dest)
    print(f"{len(pages)} pages written to {pages[-1].parent} (open {pages[-1]})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
