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


def _facts(run):
    return {f.fact_id: f for f in RulesAndFlows.model_validate(json.loads((run / "extracted/rules_and_flows.json").read_text(encoding="utf-8"))).facts}


def test_answers_quote_the_code(run04, samples):
    "Every answer names code in backticks; a guard's answer quotes its literal message; an SQL guard is read as a zero row count."
    facts = _facts(run04)
    from autocode.validate import code_spans
    assert all(code_spans(s.answer) for s in samples)
    for s in samples:
        f = facts[s.fact_ids[0]]
        if f.kind == "guard" and s.qa_type in ("what_happens_when", "conditions") and f.fields.get("message"):
            assert f.fields["message"] in s.answer, (s.sample_id, s.answer)
        if f.kind == "guard" and f.fields.get("consequence") == "zero_rows":
            assert s.qa_type == "failure" and ("0 affected rows" in s.answer or "影响行数为 0" in s.answer), s.answer
    assert not any("&lt;" in s.answer.split("Code:")[0].split("代码：")[0] for s in samples), "SQL in prose is unescaped"


def test_status_meaning_names_every_setter(run04, samples):
    "A status value's question lists every operation that sets it, not just one."
    facts = _facts(run04)
    by_value = defaultdict(set)
    for f in facts.values():
        if f.kind == "state_transition" and f.fields.get("to_meaning"):
            by_value[(f.fields["entity"], f.fields["field"], str(f.fields["to"]))].add(f.fact_id)
    seen = 0
    for s in samples:
        if s.qa_type != "status_meaning" or facts[s.fact_ids[0]].kind != "state_transition": continue
        f = facts[s.fact_ids[0]]
        assert by_value[(f.fields["entity"], f.fields["field"], str(f.fields["to"]))] <= set(s.fact_ids), s.sample_id
        seen += 1
    assert seen


def test_multi_hop_follows_the_timeout_to_the_stock_release(samples):
    "The scheduled timeout job is followed into cancelTimeOutOrder, down to the statement that releases locked stock."
    hops = [s for s in samples if s.qa_type == "multi_hop" and s.language == "en" and "cancelTimeOutOrder" in s.question]
    assert hops and any("releaseSkuStockLock" in s.answer and "`4` (已关闭)" in s.answer for s in hops), [s.answer for s in hops]


def test_absence_kinds_and_zero_rows_render_from_hand_facts():
    "Absence kinds beyond the first three (unguarded_write, no_transaction) and SQL guards render; unknown ones are recorded."
    ev = [qa.Evidence(chunk_id="c", path="A.java", start_line=1, end_line=1, sha256="0" * 64)]
    mk = lambda what: qa.make_fact("absence", "order", f"x.A#{what}()", "s", {"what": what, "method": f"x.A#{what}()", "detail": "d", "http": "POST /m"}, ev)
    ctx = qa.Ctx.build([mk(w) for w in ("no_status_check", "no_owner_check", "computed_not_stored", "unguarded_write", "no_transaction", "mystery")])
    out = {f.fields["what"]: qa.render_absence(f, ctx) for f in ctx.facts.values()}
    assert all(out[w] for w in ("no_status_check", "no_owner_check", "computed_not_stored", "unguarded_write", "no_transaction"))
    assert out["mystery"] == []
    assert all(d.answer["en"].startswith("No") and d.answer["zh"].startswith("不") for w, ds in out.items() for d in ds)


def test_generated_mapper_statements_are_not_questions(run04, samples):
    "MyBatis Generator statements cited only in their XML are boilerplate: no sample is built on them."
    facts = _facts(run04)
    assert not any(qa.generated_statement(facts[s.fact_ids[0]]) for s in samples if facts[s.fact_ids[0]].kind == "persistence")
    m = json.loads((run04 / "samples/qa.manifest.json").read_text())
    assert all(x["reason"] for x in m["counts"]["failures"])


def test_absence_questions_ask_for_a_protection_so_no_is_right():
    "Every absence answer starts with 'No': each phrasing must ask whether a protection exists."
    from autocode.qa import ABSENCES, PHRASES
    for what in ABSENCES:
        for en in PHRASES[what]["en"]:
            assert en.split()[0] in ("Does", "Do", "Is", "If"), (what, en)
            assert "another member" not in en or "stop" in en, (what, en)
        assert all(zh.endswith("吗？") or "是否" in zh or "有没有" in zh for zh in PHRASES[what]["zh"]), what


def test_questions_fit_the_statement_and_vary(samples):
    "An INSERT is never asked which rows it touches; each language has many question shapes, not one template per type."
    from autocode.qa import shape_counts
    for s in samples:
        if s.language == "en" and " runs an INSERT" in s.answer[:200]: assert "which rows" not in s.question.lower(), s.question
    per_type = {}
    for s in samples: per_type.setdefault((s.language, s.qa_type), []).append(s)
    for (L, t), ss in per_type.items():
        if len(ss) >= 6: assert shape_counts((s.language, s.question) for s in ss)[L] >= 3, (L, t)
