"""Gold recall of a run folder against hand-checked facts (tests/gold/*.jsonl or bench/gold/<repo>.jsonl).

Two measures, per kind and overall:
- fact recall: a fact of stage 03 of the gold fact's kind overlaps its evidence and holds its must_contain literals
  (the rule of tests/test_gold_recall.py);
- strict recall: a sample of the final dataset (any split, any language) cites lines that overlap the gold evidence
  and its text (question, answer, requirement, design) contains every must_contain literal.

    python bench/bench_gold_recall.py --gold bench/gold/litemall.jsonl --run /tmp/litemall [--run /tmp/litemall_before]

Each --run is measured separately, so a before/after pair is one call. The gold files are written by readers who read
only the repository, never the pipeline's output; do not tune to them fact by fact.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path


def load_jsonl(p: Path) -> list[dict]:
    "The records of a JSON-lines file (none when it is missing)."
    if not p.exists(): return []
    return [json.loads(l) for l in p.read_text(encoding="utf-8").splitlines() if l.strip()]


def overlaps(evs: list[dict], gold: list[dict]) -> bool:
    "True when some cited range overlaps some gold range in the same file."
    return any(e["path"] == g["path"] and e["start_line"] <= g["end_line"] and g["start_line"] <= e["end_line"] for e in evs for g in gold)


def fact_found(g: dict, facts: list[dict]) -> bool:
    "A stage-03 fact of the gold fact's kind cites its lines and holds its literals."
    for f in facts:
        if f["kind"] != g["kind"] or not overlaps(f["evidence"], g["evidence"]): continue
        if all(s in f["summary"] + " " + json.dumps(f["fields"], ensure_ascii=False) for s in g["must_contain"]): return True
    return False


def sample_text(s: dict) -> str:
    "Everything a reader of the sample sees."
    return " ".join(str(s.get(k) or "") for k in ("question", "answer", "requirement")) + " " + json.dumps(s.get("design") or {}, ensure_ascii=False)


def sample_found(g: dict, samples: list[dict]) -> bool:
    "Strict: a final sample cites the gold lines and its text contains every must_contain literal."
    return any(overlaps(s.get("evidence") or [], g["evidence"]) and all(x in sample_text(s) for x in g["must_contain"]) for s in samples)


def measure(gold: list[dict], run: Path) -> dict:
    "Fact and strict recall of one run folder, per kind and overall, with the missed gold ids."
    rf = run / "extracted" / "rules_and_flows.json"
    facts = json.loads(rf.read_text(encoding="utf-8"))["facts"] if rf.exists() else []
    samples = [s for sp in ("train", "dev", "test") for s in load_jsonl(run / "dataset" / f"final_{sp}.jsonl")]
    tot, hit_f, hit_s, missed = Counter(), Counter(), Counter(), []
    for g in gold:
        tot[g["kind"]] += 1
        hit_f[g["kind"]] += fact_found(g, facts)
        ok = sample_found(g, samples); hit_s[g["kind"]] += ok
        if not ok: missed.append(g["gold_id"])
    n = sum(tot.values()) or 1
    return {"run": str(run), "facts": len(facts), "samples": len(samples), "gold": sum(tot.values()),
            "fact_recall": sum(hit_f.values()) / n, "strict_recall": sum(hit_s.values()) / n,
            "by_kind": {k: {"gold": tot[k], "facts": hit_f[k], "strict": hit_s[k]} for k in sorted(tot)}, "missed": missed}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", required=True, type=Path, help="gold facts (JSON lines)")
    ap.add_argument("--run", required=True, type=Path, action="append", help="run folder (repeatable)")
    ap.add_argument("--json", action="store_true", help="print the results as JSON")
    a = ap.parse_args(argv)
    gold = load_jsonl(a.gold)
    if not gold: print(f"no gold facts in {a.gold}", file=sys.stderr); return 2
    res = [measure(gold, r) for r in a.run]
    if a.json: print(json.dumps(res, indent=1)); return 0
    for r in res:
        print(f"{r['run']}: {r['gold']} gold facts, {r['facts']} facts, {r['samples']} samples; "
              f"fact recall {r['fact_recall']:.2f}, strict recall {r['strict_recall']:.2f}")
        for k, v in r["by_kind"].items(): print(f"  {k:<17} gold {v['gold']:>3}  facts {v['facts']:>3}  strict {v['strict']:>3}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
