"""Build the docs site of THIS checkout with mkdocs (offline; `make docs` runs it where quarto is not installed).

Usage: python tools/build_docs.py [DEST] [--run RUN_FOLDER] [--execute]
  DEST        where the site goes (default: _docs); open DEST/index.html in a browser
  --run       the run folder whose executed notebooks give the notebook pages their outputs
              (default: data/runs/sample_repo, written by `make demo`); without one the pages show code only
  --execute   execute the notebooks that have no executed copy there while building (slower)"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # document this checkout's package, not the one the venv's install points at

from autocode.core import AutocodeError  # noqa: E402
from autocode.docs import build_site  # noqa: E402


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("dest", nargs="?", default="_docs")
    p.add_argument("--run", default=None, help="run folder with notebooks/ (default: data/runs/sample_repo)")
    p.add_argument("--execute", action="store_true", help="execute the notebooks the run has no executed copy of")
    a = p.parse_args(argv)
    try: index = build_site(a.dest, root=ROOT, run=a.run, execute=a.execute)
    except AutocodeError as e:
        print(f"build_docs: error: {e}", file=sys.stderr); return 2
    print(f"docs site written to {index.parent}: open {index}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
