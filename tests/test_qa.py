"Stage 04 (qa): contract, grounding, determinism and bad inputs, on the sample repo."
from __future__ import annotations

import json
import shutil
from collections import defaultdict

import pytest

from autocode.core import AutocodeError, lines_sha256, read_source, split_lines
from autocode.schema import FACT_KINDS, QASample, RulesAndFlows
from autocode import qa


@pytest.fixture(scope="module")
def run04(sample_run):
    pytest.importorskip("autocode.rules_flows")
    return sample_run("01-04")


@pytest.fixture(scope="module")
def samples(run04):
    return [QASample.model_validate(json.loads(l)) for l in (run04 / "samples/qa_raw.jsonl").read_text(encoding="utf-8").splitlines()]


def test_every_fact_kind_yields_samples(run04, samples):
    facts = RulesAndFlows.model_validate(json.loads((run04 / "extracted/rules_and_flows.json").read_text(encoding="utf-8"))).facts
    kind_of = {f.fact_id: f.kind for f in facts}
    present = {f.kind for f in facts}
    got = {kind_of[s.fact_ids[0]] for s in samples}
    assert present <= got, f"fact kinds without samples: {present - got}"
    assert set(FACT_KINDS) & present, "stage 03 produced no facts"


def test_evidence_inside_files_and_hash_matches(samples, sample_settings):
    repo = sample_settings.run.repo
    cache = {}
    for s in samples:
        for e in s.evidence:
            lines = cache.setdefault(e.path, split_lines(read_source(f"{repo}/{e.path}")[0]))
            assert 1 <= e.start_line <= e.end_line <= len(lines), (s.sample_id, e)
            assert lines_sha256(lines, e.start_line, e.end_line) == e.sha256, (s.sample_id, e)
        for t in s.trace:
            assert t.evidence and all(i < len(s.evidence) for i in t.evidence)


def test_both_languages_per_group_and_unique_questions(samples):
    langs = defaultdict(set)
    for s in samples: langs[s.group_id].add(s.language)
    assert all(v == {"en", "zh"} for v in langs.values())
    for L in ("en", "zh"):
        qs = [s.question for s in samples if s.language == L]
        assert len(qs) == len(set(qs))
    assert len({s.sample_id for s in samples}) == len(samples)


def test_samples_pass_the_validator(run04, samples, sample_settings):
    "Every backticked span is grounded in the cited lines or the index (stage 06's own check)."
    from autocode.validate import check_code_spans
    view = _view(run04)
    files = _files(sample_settings)
    bad = []
    for s in samples:
        cited = ["\n".join(files(e.path)[e.start_line - 1:e.end_line]) for e in s.evidence]
        if r := check_code_spans([s.question, s.answer] + [t.claim for t in s.trace], cited, view): bad.append((s.sample_id, r))
    assert len(bad) <= len(samples) * 0.02, bad[:5]


def _view(run):
    from autocode.design import load_index_view
    return load_index_view(run / "raw_index/repo_index.jsonl")


def _files(settings):
    cache = {}
    return lambda p: cache.setdefault(p, split_lines(read_source(f"{settings.run.repo}/{p}")[0]))


def test_deterministic_and_quota(run04, sample_settings, tmp_path):
    s = sample_settings.model_copy(deep=True)
    out = tmp_path / "run"
    for rel in ("raw_index", "extracted"): shutil.copytree(run04 / rel, out / rel)
    s.run.out, s.run.quiet = str(out), True
    qa.run(s, out, force=True)
    assert (out / "samples/qa_raw.jsonl").read_bytes() == (run04 / "samples/qa_raw.jsonl").read_bytes()
    s.qa.quota_per_kind = 6
    m = qa.run(s, out, force=True)
    assert m.counts["quota_cut"].get("kind"), m.counts
    kinds = defaultdict(int)
    for l in (out / "samples/qa_raw.jsonl").read_text(encoding="utf-8").splitlines(): kinds[json.loads(l)["group_id"]] += 1
    assert m.counts["samples"] < json.loads((run04 / "samples/qa.manifest.json").read_text())["counts"]["samples"]


def test_bad_input_names_the_file(tmp_path, sample_settings):
    (tmp_path / "extracted").mkdir(parents=True)
    (tmp_path / "raw_index").mkdir()
    (tmp_path / "raw_index/repo_index.jsonl").write_text("")
    (tmp_path / "extracted/domain_map.json").write_text("{}")
    (tmp_path / "extracted/rules_and_flows.json").write_text('{"facts": "nope"}')
    with pytest.raises(AutocodeError, match="rules_and_flows.json"): qa.run(sample_settings, tmp_path, force=True)
    (tmp_path / "extracted/rules_and_flows.json").unlink()
    with pytest.raises(AutocodeError, match="stage 03"): qa.run(sample_settings, tmp_path, force=True)


def test_renderer_failure_is_recorded_not_fatal():
    f = qa.make_fact("guard", "order", "x.A#m()", "s", {"method": "x.A#m()", "condition": None}, [
        qa.Evidence(chunk_id="c", path="p", start_line=1, end_line=1, sha256="0" * 64)])
    samples, counts = qa.generate([f], type("Q", (), dict(seed=1, max_per_fact=2, languages=["en", "zh"], quota_per_domain=0,
                                                           quota_per_kind=0, quota_per_file=0))())
    assert samples == [] and counts["facts_without_samples"] == 1 and "incomplete" in counts["failures"][0]["reason"]
