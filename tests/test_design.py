"Stage 05 (design): contract, verified components, grounding, determinism."
from __future__ import annotations

import json
import shutil
from collections import defaultdict

import pytest

from autocode.core import lines_sha256, read_source, split_lines
from autocode.schema import DesignSample
from autocode import design


@pytest.fixture(scope="module")
def run05(sample_run):
    return sample_run("01-05")


@pytest.fixture(scope="module")
def samples(run05):
    return [DesignSample.model_validate(json.loads(l)) for l in (run05 / "samples/design_tasks.jsonl").read_text(encoding="utf-8").splitlines()]


def test_design_kinds_and_languages(samples):
    kinds = {s.design_kind for s in samples}
    assert {"low_stock_alert", "release_on_failure"} <= kinds, kinds
    langs = defaultdict(set)
    for s in samples: langs[s.group_id].add(s.language)
    assert all(v == {"en", "zh"} for v in langs.values())


def test_existing_components_are_in_the_index(run05, samples):
    iv = design.load_index_view(run05 / "raw_index/repo_index.jsonl")
    for s in samples:
        assert s.design.affected_components or s.design.new_components
        for c in s.design.affected_components: assert c.exists and design.component_exists(c.kind, c.name, iv), (s.sample_id, c)
        for c in s.design.new_components: assert not c.exists and not design.component_exists(c.kind, c.name, iv), (s.sample_id, c)


def test_evidence_and_trace(samples, sample_settings):
    for s in samples:
        assert len(s.trace) >= 3
        for e in s.evidence:
            lines = split_lines(read_source(f"{sample_settings.run.repo}/{e.path}")[0])
            assert lines_sha256(lines, e.start_line, e.end_line) == e.sha256
        for t in s.trace: assert all(i < len(s.evidence) for i in t.evidence)


def test_deterministic_and_custom_requirement(run05, sample_settings, tmp_path):
    s = sample_settings.model_copy(deep=True)
    out = tmp_path / "run"
    for rel in ("raw_index", "extracted"): shutil.copytree(run05 / rel, out / rel)
    s.run.out, s.run.quiet = str(out), True
    design.run(s, out, force=True)
    assert (out / "samples/design_tasks.jsonl").read_bytes() == (run05 / "samples/design_tasks.jsonl").read_bytes()
    s.design.requirements = ["Notify the member when an order is cancelled because its payment timed out"]
    m = design.run(s, out, force=True)
    assert m.counts["by_design_kind"].get("custom") == 2, m.counts
    s.design.max_tasks = 2
    m = design.run(s, out, force=True)
    assert m.counts["tasks"] == 2 and m.counts["cut_by_max_tasks"] > 0


def test_requirements_come_from_the_code(run05, samples):
    "add_state never targets a column default or a record that is only ever inserted; a release uses a lock-only statement."
    from autocode.qa import load_facts
    facts = {f.fact_id: f for f in load_facts(run05 / "extracted/rules_and_flows.json")}
    for s in samples:
        if s.design_kind == "add_state":
            assert all(facts[i].kind == "state_transition" for i in s.fact_ids[:1])
            assert "History" not in s.requirement and "`0`" not in s.requirement.split("documents")[-1][:8], s.requirement
        if s.design_kind == "release_on_failure" and s.language == "en":
            rel = [c.name for c in s.design.affected_components if c.kind == "statement" and "release" in c.name.lower()]
            assert rel, s.design.affected_components
            assert not any("reduce" in c.name.lower() for c in s.design.affected_components), s.design.affected_components


def test_chinese_text_is_tidy(samples):
    "No stray spaces between Chinese characters or before full-width punctuation in Chinese designs."
    import re
    bad = re.compile(r"[\u4e00-\u9fff]\s+[\u4e00-\u9fff，。；：、]")
    for s in samples:
        if s.language != "zh": continue
        for t in [s.requirement, s.design.summary, *s.design.steps, *s.design.transaction_consistency]:
            assert not bad.search(t), t


def test_new_api_literals_are_new_components(run05, samples):
    "Every path a design puts in backticks is an existing endpoint or one of its new components (stage 06 checks the same)."
    from autocode.validate import check_code_spans
    iv = design.load_index_view(run05 / "raw_index/repo_index.jsonl")
    for s in samples:
        texts = [s.requirement, s.design.summary, *s.design.api_changes, *s.design.steps]
        assert not check_code_spans(texts, [], iv, [c.name for c in s.design.new_components]), s.sample_id
