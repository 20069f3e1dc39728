"Stage 07 (report): coverage is measured right, figures are deterministic, the demo page is regenerated from a run."
from __future__ import annotations

import json
from pathlib import Path

import pytest

from autocode.core import AutocodeError, iter_jsonl, load_settings, write_json, write_jsonl
from autocode.report import FIGURE_NAMES, duplicate_pairs, hist, rejection_examples, run, write_demo_doc
from autocode.schema import DomainMap, Fact, RulesAndFlows
from autocode import validate

from test_validate import METHODS, SVC, make_index, make_repo, make_samples

ROOT = Path(__file__).resolve().parents[1]
UNCOVERED = "clearLowStock"   # its samples are left out, so its method and fact stay uncovered


@pytest.fixture()
def toy_run(tmp_path):
    "A run folder through stage 06 on a small repository, with a hand-made domain map and facts."
    repo = make_repo(tmp_path)
    out = tmp_path / "run"
    chunks = make_index(repo)
    write_jsonl(out / "raw_index/repo_index.jsonl", chunks)
    write_jsonl(out / "raw_index/files.jsonl", [])
    qa, design = make_samples(repo)
    write_jsonl(out / "samples/qa_raw.jsonl", [s for s in qa if UNCOVERED not in s["sample_id"]])
    write_jsonl(out / "samples/design_tasks.jsonl", design)
    dm = DomainMap(repo="repo", domains=[{"name": "inventory", "in_scope": True, "tables": ["sku_stock"]},
                                         {"name": "order", "in_scope": False}],
                   file_domains={SVC: "inventory", "src/main/resources/mapper/SkuStockMapper.xml": ""}, scope=["inventory"])
    write_json(out / "extracted/domain_map.json", dm)
    ev = {c.chunk_id: c for c in chunks}
    facts = [Fact(fact_id=f"f-{name}", kind="guard", domain="inventory", subject=f"StockService#{name}", summary="x",
                  evidence=[{"chunk_id": f"m-{name}", "path": SVC, "start_line": ev[f"m-{name}"].start_line,
                             "end_line": ev[f"m-{name}"].start_line, "sha256": "0" * 64}]) for name, _, _ in METHODS]
    write_json(out / "extracted/rules_and_flows.json", RulesAndFlows(repo="repo", facts=facts))
    settings = load_settings(ROOT / "settings.ini", {"run.repo": str(repo), "run.out": str(out), "run.quiet": "true"})
    validate.run(settings, out)
    return settings, out


def test_report_measures_coverage(toy_run):
    settings, out = toy_run
    m = run(settings, out)
    s = json.loads((out / "reports/summary.json").read_text())
    cov = s["coverage"]
    assert cov["scope"] == ["inventory"]
    assert (cov["methods"]["covered"], cov["methods"]["total"]) == (len(METHODS) - 1, len(METHODS))
    assert [x["name"] for x in cov["methods"]["uncovered"]] == [f"com.acme.shop.StockService#{UNCOVERED}(Long,int)"]
    assert (cov["facts"]["covered"], cov["facts"]["total"]) == (len(METHODS) - 1, len(METHODS))
    assert cov["facts"]["uncovered"][0]["name"] == f"guard: StockService#{UNCOVERED}"
    # the mapper statement has no domain of its own file: its table puts it in scope; no evidence cites it
    assert (cov["statements"]["covered"], cov["statements"]["total"]) == (0, 1)
    assert m.counts["coverage.methods"] == round((len(METHODS) - 1) / len(METHODS), 4)
    md = (out / "reports/metrics.md").read_text()
    assert f"`com.acme.shop.StockService#{UNCOVERED}(Long,int)` (6 lines)" in md
    for n in FIGURE_NAMES:   # a figure is drawn, linked and listed exactly when it has something to show
        assert (f"figures/{n}.png" in md) == (n in s["figures"]) == (out / f"reports/figures/{n}.png").exists()
        assert (f"reports/figures/{n}.png" in m.outputs) == (n in s["figures"])
    for n in s["figures"]: assert (out / f"reports/figures/{n}.png").read_bytes()[:4] == b"\x89PNG"
    assert {"samples", "evidence", "trace", "coverage", "splits"} <= set(s["figures"])
    # per-domain coverage with its numbers
    v = cov["methods"]["by_domain"]["inventory"]
    assert f"| inventory | {v['covered']}/{v['total']} ({100 * v['covered'] / v['total']:.0f}%) |" in md
    # the out-of-scope domain the domain map found is listed and flagged
    assert s["out_of_scope"] == [{"name": "order", "files": 0, "tables": 0}] and any("`order`" in f for f in s["flags"])
    # the fact no sample uses is flagged
    assert any("1 of" in f and "facts have no sample" in f for f in s["flags"])
    # examples show the cited code, read from the repository
    assert "```java" in md and "skuStockMapper.updateByPrimaryKeySelective(stock);" in md
    assert s["final"] == sum(s["splits"].values()) == (len(METHODS) - 1) * 2 + 1


def test_report_is_deterministic(toy_run):
    settings, out = toy_run
    run(settings, out)
    first = {p.name: p.read_bytes() for p in sorted((out / "reports").rglob("*.*")) if "manifest" not in p.name}
    run(settings, out, force=True)
    again = {p.name: p.read_bytes() for p in sorted((out / "reports").rglob("*.*")) if "manifest" not in p.name}
    assert again == first
    assert len(first) == len(json.loads(first["summary.json"])["figures"]) + 2


def test_write_demo_doc(toy_run, tmp_path):
    settings, out = toy_run
    with pytest.raises(AutocodeError, match="run stage 07 first"):
        write_demo_doc(out, tmp_path / "docs/04_demo_and_results.md")
    run(settings, out)
    p = write_demo_doc(out, tmp_path / "docs/04_demo_and_results.md")
    text = p.read_text()
    assert text.startswith("# Demo and results: repo")
    assert "| 06_validate |" in text and "| 07_report |" in text
    s = json.loads((out / "reports/summary.json").read_text())
    for n in FIGURE_NAMES:
        assert (tmp_path / f"docs/figures/demo_{n}.png").exists() == (n in s["figures"])
    # the counts column is complete: every scalar count of a manifest is in its row
    man = json.loads((out / "dataset/validate.manifest.json").read_text())
    row = next(ln for ln in text.splitlines() if ln.startswith("| 06_validate |"))
    assert all(f"{k}={v}" in row for k, v in man["counts"].items() if isinstance(v, (int, float, str)))
    assert "![coverage](figures/demo_coverage.png)" in text
    assert write_demo_doc(out, tmp_path / "docs/04_demo_and_results.md").read_text() == text


def _move_design_to_train(out: Path):
    "Put every design row in train (the hole the report must flag)."
    rows = [r for sp in ("train", "dev", "test") for r in iter_jsonl(out / f"dataset/final_{sp}.jsonl")]
    for r in rows:
        if r["task_type"] == "design": r["split"] = "train"
    for sp in ("train", "dev", "test"):
        write_jsonl(out / f"dataset/final_{sp}.jsonl", [r for r in rows if r["split"] == sp])
    return rows


def test_report_flags_split_holes_and_cross_tables(toy_run):
    settings, out = toy_run
    rows = _move_design_to_train(out)
    run(settings, out, force=True)
    s = json.loads((out / "reports/summary.json").read_text())
    design = sum(r["task_type"] == "design" for r in rows)
    hole = {"field": "task_type", "value": "design", "rows": design, "missing_from": ["dev", "test"]}
    assert hole in s["holes"]
    md = (out / "reports/metrics.md").read_text()
    attention = md[md.index("## Needs attention"):md.index("## Numbers")]
    assert f"`task_type` = `design` has {design} rows but none in dev and test" in attention
    # a value present in every split is not a hole
    assert not any(h["field"] == "language" and not h["missing_from"] for h in s["holes"])
    # domain × task type: every cell is the number of rows, totals included
    t = s["tables"]["domain_task_type"]
    for d, row in t["rows"].items():
        for tt, n in row.items():
            assert n == sum(1 for r in rows if r["domain"] == d and r["task_type"] == tt)
    assert "### Domain × task type" in md and "### Question or design kind × domain" in md
    assert f"| **total** | {' | '.join(str(sum(r['task_type'] == c for r in rows)) for c in t['columns'])} | {len(rows)} |" in md
    # examples come in both languages: each English example is followed by its Chinese sibling
    langs = [e.split(" · ")[3].split("**")[0] for e in s["examples"]]
    assert "en" in langs and "zh" in langs and langs[langs.index("en") + 1] == "zh"


def test_no_empty_panels(toy_run):
    "Nothing rejected and nothing redacted: those figures are not drawn, a stale one is removed, and the report says so in words."
    settings, out = toy_run
    stats = json.loads((out / "dataset/stats.json").read_text())
    assert not stats["rejection_reasons"] and not stats["redactions"]["by_kind"]
    (out / "reports/figures").mkdir(parents=True, exist_ok=True)
    (out / "reports/figures/redactions.png").write_bytes(b"stale")
    m = run(settings, out, force=True)
    s = json.loads((out / "reports/summary.json").read_text())
    md = (out / "reports/metrics.md").read_text()
    assert "redactions" not in s["figures"] and not (out / "reports/figures/redactions.png").exists()
    assert ("rejections" in s["figures"]) == bool(stats["duplicates"]["exact"] + stats["duplicates"]["near"])
    assert "No sample was rejected by the checks." in md and "No secret was redacted." in md
    assert m.counts["figures"] == len(s["figures"]) == len(list((out / "reports/figures").glob("*.png")))


def test_duplicate_pairs_and_rejections_show_their_text():
    rows = [{"sample_id": "a", "question": "When is an order closed?"}]
    rejected = [{"sample_id": "b", "reasons": ["near_duplicate: of a (jaccard 0.9)"], "sample": {"question": "When is the order closed?"}},
                {"sample_id": "c", "reasons": ["hash_mismatch: x.java:3-4", "near_duplicate: of a (jaccard 0.9)"],
                 "sample": {"requirement": "Add a stock audit table."}}]
    stats = {"duplicates": {"clusters": [{"kept": "a", "removed": [{"sample_id": "b", "kind": "near", "similarity": 0.9}]}]}}
    assert duplicate_pairs(stats, rows, rejected) == [{"kept": "a", "removed": "b", "kind": "near", "similarity": 0.9,
                                                       "kept_text": "When is an order closed?", "removed_text": "When is the order closed?"}]
    assert rejection_examples(rejected) == [{"sample_id": "c", "reasons": ["hash_mismatch: x.java:3-4"], "text": "Add a stock audit table."}]


def test_evidence_histogram_reaches_its_capped_bucket():
    import matplotlib.pyplot as plt
    fig, ax = plt.subplots()
    hist(ax, [1, 2, 2, 5], "span", "lines", top=40)   # no value near 40: the 40+ bucket is still on the axis
    assert ax.get_xlim()[1] > 40 and ax.get_xticklabels()[-1].get_text() == "40+"
    plt.close(fig)
