"Issue 10: stage 06 checks what a sample says against its own cited lines; mutated clean samples are rejected with their reason."
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from autocode.core import iter_jsonl, lines_sha256, split_lines
from autocode.qa import CodeText, best_quote, sql
from autocode.schema import Chunk
from autocode.validate import (IndexView, SourceFiles, check_sample, check_span, code_spans, index_view, is_quote,
                               quote_grounded, quote_in)

ESCAPES = re.compile(r"&(lt|gt|amp);")


@pytest.fixture(scope="module")
def clean(sample_run, sample_settings):
    "The sample repository run through stage 06: (run folder, raw samples, index view, source files, repo)."
    out = sample_run("01-06")
    repo = Path(sample_settings.run.repo)
    raws = [r for f in ("samples/qa_raw.jsonl", "samples/design_tasks.jsonl") for r in iter_jsonl(out / f)]
    return out, raws, index_view(iter_jsonl(out / "raw_index/repo_index.jsonl")), SourceFiles(repo), repo


def codes(raw: dict, index: IndexView, files: SourceFiles) -> set[str]:
    "The reason codes stage 06 gives a raw sample."
    return {r.split(":", 1)[0] for r in check_sample(raw, index, files)[1]}


def cite(files: SourceFiles, index: IndexView, path: str, start: int, end: int) -> dict | None:
    "Evidence for lines of `path` in the smallest indexed chunk holding them, with a true hash (None when none holds them)."
    lines = files.lines(path)
    if isinstance(lines, str) or start < 1 or end > len(lines): return None
    held = [(e - s, cid) for cid, (p, s, e) in index.spans.items() if p == path and s <= start and end <= e]
    if not held: return None
    return {"chunk_id": min(held)[1], "path": path, "start_line": start, "end_line": end, "sha256": lines_sha256(lines, start, end)}


def quotes(raw: dict) -> list[str]:
    return [q for q in code_spans(raw.get("answer", "")) if is_quote(q)]


def test_clean_run_rejects_nothing(clean):
    out, raws, index, files, _ = clean
    stats = json.loads((out / "dataset/stats.json").read_text())
    assert (stats["rejected"], stats["rejection_reasons"]) == (0, {})
    assert stats["input"]["total"] == len(raws) > 100


def test_every_answer_quote_is_in_its_own_cited_lines(clean):
    _, raws, index, files, _ = clean
    n, found = 0, 0
    for r in raws:
        cited = "\n".join("\n".join(files.lines(e["path"])[e["start_line"] - 1:e["end_line"]]) for e in r["evidence"])
        for q in quotes(r):
            n += 1
            found += quote_grounded(q, cited)
    assert n > 500 and found == n


def test_shifted_evidence_is_rejected(clean):
    _, raws, index, files, _ = clean
    tried = 0
    for r in raws:
        if r["task_type"] != "qa" or not quotes(r) or any(e["end_line"] - e["start_line"] > 2 for e in r["evidence"]): continue
        moved = [cite(files, index, e["path"], e["start_line"] + 3, e["end_line"] + 3) for e in r["evidence"]]
        if None in moved: continue
        lines = "\n".join("\n".join(files.lines(e["path"])[e["start_line"] - 1:e["end_line"]]) for e in moved)
        if all(quote_grounded(q, lines) for q in quotes(r)): continue   # the quote also stands three lines on: nothing to catch
        tried += 1
        assert "quote_not_in_evidence" in codes({**r, "evidence": moved}, index, files), r["sample_id"]
    assert tried >= 20


def test_evidence_in_a_same_named_class_of_another_module_is_rejected(clean):
    _, raws, index, files, repo = clean
    paths = sorted({p for p, _, _ in index.spans.values() if p.endswith(".java")})
    by_name: dict[str, list[str]] = {}
    for p in paths: by_name.setdefault(p.rsplit("/", 1)[-1], []).append(p)
    twins = {p: [o for o in ps if o != p] for ps in by_name.values() if len(ps) > 1 for p in ps}
    assert twins, "the sample repository has a class name in two modules"
    tried = 0
    for r in raws:
        if r["task_type"] != "qa" or not quotes(r) or not any(e["path"] in twins for e in r["evidence"]): continue
        moved = [cite(files, index, twins[e["path"]][0], e["start_line"], e["end_line"]) if e["path"] in twins else e
                 for e in r["evidence"]]
        if None in moved: continue
        tried += 1
        assert "quote_not_in_evidence" in codes({**r, "evidence": moved}, index, files), r["sample_id"]
    assert tried >= 2


def test_changed_literal_is_rejected(clean):
    _, raws, index, files, _ = clean
    tried = computed = 0
    for r in raws:
        q = next((q for q in quotes(r) if re.search(r"(?<![\w.])\d+(?![\w.])", q)), None)
        if r["task_type"] != "qa" or q is None: continue
        bad = re.sub(r"(?<![\w.])(\d+)(?![\w.])", lambda m: str(int(m.group(1)) + 7919), q, count=1)
        tried += 1
        got = codes({**r, "answer": r["answer"].replace(f"`{q}`", f"`{bad}`")}, index, files)
        assert "quote_not_in_evidence" in got, (r["sample_id"], bad)
        if r["qa_type"] == "computation":
            computed += 1
            assert "literal_not_in_evidence" in got, (r["sample_id"], bad)
    assert tried >= 20 and computed >= 2


def test_dropped_status_meaning_line_is_rejected(clean):
    _, raws, index, files, _ = clean
    tried = 0
    for r in raws:
        m = re.search(r"`(-?\d+)` = ([^`,;，；、（()]+?)(?=\s*(?:[,;，；、（(]|\band\b|和|$))", r.get("answer", ""))
        if r.get("qa_type") != "status_meaning" or not m: continue
        meaning = m.group(2).strip().rstrip(".。")
        keep = []
        for e in r["evidence"]:   # every cited line that holds the meaning is cut out of its range
            lines = files.lines(e["path"])
            for n in range(e["start_line"], e["end_line"] + 1):
                if meaning not in lines[n - 1] and (c := cite(files, index, e["path"], n, n)): keep.append(c)
        if not keep:   # the range was that one line: cite the line before it instead
            e = r["evidence"][0]
            keep = [c for c in [cite(files, index, e["path"], e["start_line"] - 1, e["start_line"] - 1)] if c]
        if not keep or any(meaning in files.lines(e["path"])[e["start_line"] - 1] for e in keep): continue
        tried += 1
        assert "status_meaning_unbacked" in codes({**r, "evidence": keep}, index, files), r["sample_id"]
    assert tried >= 4


@pytest.mark.parametrize("filler", ["4 steps in total.", "共 4 个实现步骤。", "The design reuses what the cited code already does (2 supporting facts)."])
def test_filler_trace_step_is_rejected(clean, filler):
    _, raws, index, files, _ = clean
    for r in [x for x in raws if x["task_type"] == "design"][:2] + [x for x in raws if x["task_type"] == "qa"][:2]:
        trace = r["trace"][:1] + [{"step": 0, "action": "constraint", "claim": filler, "evidence": [0]}] + r["trace"][1:]
        trace = [{**t, "step": i + 1} for i, t in enumerate(trace)][:6]
        assert codes({**r, "trace": trace}, index, files) == {"filler_trace_step"}, r["sample_id"]


def test_names_that_are_not_identifiers_of_the_code(clean):
    _, _, index, _, _ = clean
    empty = IndexView()
    empty.names["file"].add("schema.sql")
    assert check_span("schema.sql", "", set(), empty) is None                     # a file name
    assert check_span("@Transactional", "", set(), empty) is None                 # transactions declared in XML
    assert check_span("@Transactionalish", "", set(), empty).startswith("unknown_identifier")
    assert quote_in("a &lt;= b", "WHERE a <= b") and quote_in("a <= b", "WHERE a &lt;= b") and not quote_in("a < b", "a <= b")


MAPPER = """<mapper namespace="com.acme.StockDao">
  <update id="lock">
    UPDATE sku SET lock_stock = lock_stock + #{n}
    WHERE id = #{id} AND lock_stock + #{n} &lt;= stock AND a &gt; 0
  </update>
</mapper>
"""


def test_sql_from_a_mapper_is_shown_decoded(tmp_path):
    (tmp_path / "StockDao.xml").write_text(MAPPER, encoding="utf-8")
    code = CodeText.from_repo(tmp_path, ["StockDao.xml"])
    ev = code.evidence("StockDao.xml", 3, 4)
    q = best_quote(code, [ev], {"lock_stock", "<= stock", "a > 0"})
    assert "<= stock" in q and "a > 0" in q and not ESCAPES.search(q)
    assert sql("lock_stock + #{n} &lt;= stock") == "`lock_stock + #{n} <= stock`"
    assert quote_in(q, "\n".join(code.get(ev)))   # and stage 06 finds the decoded quote in the raw lines


def test_no_markup_escapes_in_final_text(clean):
    out, *_ = clean
    rows = [r for sp in ("train", "dev", "test") for r in iter_jsonl(out / f"dataset/final_{sp}.jsonl")]
    leaks = [(r["sample_id"], m.group(0)) for r in rows for k in ("prompt", "response") if (m := ESCAPES.search(r[k]))]
    assert rows and leaks == []


def test_condition_step_moved_off_its_branch_is_rejected(clean):
    _, raws, index, files, _ = clean
    tried = 0
    for r in raws:
        steps = [t for t in r["trace"] if t["action"] == "condition"]
        if not steps: continue
        lines = [files.lines(e["path"]) for e in r["evidence"]]
        # cite, for the condition step, a blank or brace-only line of its own file: a line that holds no branch
        e = r["evidence"][steps[0]["evidence"][0]]
        n = next((k for k in range(e["start_line"] - 1, 0, -1) if files.lines(e["path"])[k - 1].strip() in ("", "{", "}")), None)
        if n is None or not (c := cite(files, index, e["path"], n, n)): continue
        bad = {**r, "evidence": r["evidence"] + [c],
               "trace": [{**t, "evidence": [len(r["evidence"])]} if t is steps[0] else t for t in r["trace"]]}
        tried += 1
        assert "condition_step_without_branch" in codes(bad, index, files), r["sample_id"]
    assert tried >= 20


def test_stage_10_reads_the_code_shown_and_applies_the_same_rules():
    from autocode.infer import check_output, shown_context
    from autocode.sft import Citation, Output, Step, context_text
    blocks = [{"n": 1, "chunk_id": "c1", "path": "a/Dao.xml", "start_line": 3, "end_line": 4,
               "code": "WHERE id = #{id}\n  AND stock <= #{n}"},
              {"n": 2, "chunk_id": "c2", "path": "a/S.java", "start_line": 10, "end_line": 10, "code": "dao.lock(id, n);"}]
    chat = {"mode": "grounded", "context": [{k: b[k] for k in ("chunk_id", "path", "start_line", "end_line")} for b in blocks],
            "messages": [{"role": "system", "content": "s"}, {"role": "user", "content": "Q?\n" + context_text(blocks)}]}
    shown = shown_context(chat)
    assert [b["code"] for b in shown] == [b["code"] for b in blocks]
    cits = [Citation(chunk_id=b["chunk_id"], path=b["path"], start_line=b["start_line"], end_line=b["end_line"]) for b in blocks]
    good = Output(answer="It runs `dao.lock(id, n)`, guarded by `stock <= #{n}`.", citations=cits,
                  trace=[Step(step=1, action="condition", claim="the guard", evidence=[0]), Step(step=2, action="effect", claim="the call", evidence=[1])])
    assert check_output(good, {}, shown)[0]["claims"] is True
    bad = good.model_copy(update={"answer": "It runs `dao.lock(id, n + 1)`.",
                                  "trace": [Step(step=1, action="condition", claim="x", evidence=[1])]})
    got = check_output(bad, {}, shown)[1]
    assert got and got[-1].startswith("claims: quote_not_in_evidence") and "condition_step_without_branch" in got[-1]
    assert check_output(bad, {}, None)[0]["claims"] is None    # light mode: nothing shown, nothing to check against
