"""Claim grounding of a run folder: the share of code quotes in answers found in their own cited lines (issue 10).

    .venv/bin/python bench/bench_claims.py RUN=REPO [RUN=REPO ...]   # run folders of `autocode run --stages 01-06` and their repositories

For each run, every backticked code quote (an expression, a call, SQL, a message; not a bare name) in every raw
QA answer (`samples/qa_raw.jsonl`) is looked up in the lines its own sample cites, read from the repository named in
after `=`:

- `verbatim`: the quote occurs in the cited lines (whitespace ignored, XML entities decoded, `…` a gap);
- `grounded`: verbatim, or a restatement of them (strings verbatim, names and numbers as tokens): stage 06's rule.

Reported beside stage 06's rejections per reason (`dataset/stats.json`) and the count of `&lt;`, `&gt;`, `&amp;` in
the final rows. Writes bench/results/bench_claims.json. Not a test: nothing here asserts a ratio (target >= 0.99).
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from autocode.core import iter_jsonl  # noqa: E402
from autocode.validate import SPLITS, SourceFiles, code_spans, is_quote, quote_grounded, quote_in  # noqa: E402

ESCAPES = re.compile(r"&(lt|gt|amp);")


def measure(run: Path, repo: Path) -> dict:
    "Quote counts, rejections per reason and markup escapes of one run folder."
    files = SourceFiles(repo)
    n = verbatim = grounded = 0
    misses = []
    for r in iter_jsonl(run / "samples/qa_raw.jsonl"):
        parts = []
        for e in r["evidence"]:
            lines = files.lines(e["path"])
            parts.append("" if isinstance(lines, str) else "\n".join(lines[e["start_line"] - 1:e["end_line"]]))
        cited = "\n".join(parts)
        for q in code_spans(r["answer"]):
            if not is_quote(q): continue
            n += 1
            verbatim += quote_in(q, cited)
            ok = quote_grounded(q, cited)
            grounded += ok
            if not ok and len(misses) < 20: misses.append({"sample_id": r["sample_id"], "qa_type": r["qa_type"], "quote": q})
    stats = json.loads((run / "dataset/stats.json").read_text())
    rows = [x for sp in SPLITS for x in iter_jsonl(run / f"dataset/final_{sp}.jsonl")]
    escapes = sum(bool(ESCAPES.search(x["prompt"] + x["response"])) for x in rows)
    return {"run": str(run), "repo": str(repo), "quotes": n, "verbatim": verbatim, "grounded": grounded,
            "verbatim_share": round(verbatim / n, 4) if n else None, "grounded_share": round(grounded / n, 4) if n else None,
            "rejected": stats["rejected"], "rejection_reasons": stats["rejection_reasons"], "final": stats["final"],
            "rows_with_markup_escapes": escapes, "ungrounded_examples": misses}


def main(argv: list[str]) -> None:
    out = []
    for a in argv:
        run, _, repo = a.partition("=")
        if not repo: raise SystemExit(f"{a}: write RUN=REPO (the run folder and the repository it was built from)")
        out.append(measure(Path(run), Path(repo)))
        print(json.dumps({k: v for k, v in out[-1].items() if k != "ungrounded_examples"}, ensure_ascii=False))
    (ROOT / "bench/results").mkdir(parents=True, exist_ok=True)
    (ROOT / "bench/results/bench_claims.json").write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
