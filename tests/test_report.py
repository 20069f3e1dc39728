"Stage 07 (report): coverage is measured right, figures are deterministic, the demo page is regenerated from a run."
from __future__ import annotations

import json
from pathlib import Path

import pytest

from autocode.core import AutocodeError, load_settings, write_json, write_jsonl
from autocode.report import FIGURE_NAMES, run, write_demo_doc
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
    for n in FIGURE_NAMES:
        assert f"figures/{n}.png" in md
        assert (out / f"reports/figures/{n}.png").read_bytes()[:4] == b"\x89PNG"
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
    assert len(first) == len(FIGURE_NAMES) + 2


def test_write_demo_doc(toy_run, tmp_path):
    settings, out = toy_run
    with pytest.raises(AutocodeError, match="run stage 07 first"):
        write_demo_doc(out, tmp_path / "docs/04_demo_and_results.md")
    run(settings, out)
    p = write_demo_doc(out, tmp_path / "docs/04_demo_and_results.md")
    text = p.read_text()
    assert text.startswith("# Demo and results: repo")
    assert "| 06_validate |" in text and "| 07_report |" in text
    for n in FIGURE_NAMES:
        assert (tmp_path / f"docs/figures/demo_{n}.png").exists()
    assert "![coverage](figures/demo_coverage.png)" in text
    assert write_demo_doc(out, tmp_path / "docs/04_demo_and_results.md").read_text() == text
