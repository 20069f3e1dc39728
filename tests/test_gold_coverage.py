"Gold coverage: the hand-written gold facts of the sample repo are covered by QA and design samples."
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path


GOLD = Path(__file__).parent / "gold" / "sample_facts.jsonl"
FLOOR = 0.97  # measured 1.00 (70/70) on the sample repo; two misses of slack while stage 03 is still being tuned
KIND_FLOOR = 0.75  # no fact kind may fall below this


def _texts(s: dict) -> str:
    if s.get("task_type") == "design":
        d = s["design"]
        parts = [s["requirement"], d["summary"], *d["api_changes"], *d["data_changes"], *d["transaction_consistency"], *d["steps"], *d["risks"],
                 *(c["name"] + " " + c["note"] for c in d["affected_components"] + d["new_components"])]
        return "\n".join(parts)
    return s["answer"]


def covered(gold: dict, samples: list[dict]) -> bool:
    "Some sample cites lines overlapping the gold evidence and its text holds every must_contain string."
    for s in samples:
        if not any(e["path"] == g["path"] and e["start_line"] <= g["end_line"] and g["start_line"] <= e["end_line"]
                   for e in s["evidence"] for g in gold["evidence"]): continue
        if all(m in _texts(s) for m in gold["must_contain"]): return True
    return False


def coverage(run: Path) -> tuple[float, dict]:
    samples = [json.loads(l) for f in ("samples/qa_raw.jsonl", "samples/design_tasks.jsonl")
               for l in (run / f).read_text(encoding="utf-8").splitlines() if l.strip()]
    gold = [json.loads(l) for l in GOLD.read_text(encoding="utf-8").splitlines() if l.strip()]
    hit, tot = Counter(), Counter()
    for g in gold:
        tot[g["kind"]] += 1
        hit[g["kind"]] += covered(g, samples)
    per_kind = {k: round(hit[k] / tot[k], 2) for k in sorted(tot)}
    return sum(hit.values()) / max(1, sum(tot.values())), per_kind


def test_gold_coverage(sample_run):
    run = sample_run("01-05")
    total, per_kind = coverage(run)
    print(f"gold coverage {total:.2f}", per_kind)
    assert total >= FLOOR, per_kind
    assert min(per_kind.values()) >= KIND_FLOOR, per_kind


def test_covered_needs_overlap_and_strings():
    g = {"evidence": [{"path": "a", "start_line": 5, "end_line": 6}], "must_contain": ["x == 0"]}
    s = {"task_type": "qa", "answer": "`x == 0` fails", "evidence": [{"path": "a", "start_line": 6, "end_line": 9}]}
    assert covered(g, [s])
    assert not covered(g, [{**s, "evidence": [{"path": "b", "start_line": 6, "end_line": 9}]}])
    assert not covered(g, [{**s, "answer": "x fails"}])
