"""Regenerate docs/04_demo_and_results.md from a run folder (`make demo` calls this after the run).

Usage: python tools/demo_doc.py [RUN_FOLDER]   (default: data/runs/sample_repo)
Uses stage 07's `autocode.report.write_demo_doc`; says so and exits 0 when that stage is not available."""
from __future__ import annotations

import sys
from pathlib import Path

from autocode.core import AutocodeError, project_root


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else project_root() / "data" / "runs" / "sample_repo"
    try:
        from autocode.report import write_demo_doc
    except ImportError as e:
        print(f"docs/04_demo_and_results.md not regenerated: stage 07 (report) is not available ({e})")
        return 0
    try: path = write_demo_doc(out, project_root() / "docs" / "04_demo_and_results.md")
    except AutocodeError as e:
        sys.stderr.write(f"demo_doc: error: {e}\n"); return 2
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
