"The stage contract: each stage declares what it reads and writes (`STAGE`), and core's runner skips, checks and refuses by it."
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from autocode.core import (STAGES, AutocodeError, StageRun, StageSpec, file_sha256, get_stage, load_settings, read_json,
                           run_stage, sample_repo, stage_module, write_json)
from autocode.pipeline import stage_status

ROOT = Path(__file__).resolve().parents[1]


def settings_for(repo: Path, out: Path):
    return load_settings(ROOT / "settings.ini", {"run.repo": str(repo), "run.out": str(out), "run.quiet": "true"})


def test_every_stage_declares_itself_and_its_inputs_are_declared_outputs():
    for st in STAGES:
        spec = stage_module(st).STAGE
        assert isinstance(spec, StageSpec) and spec.num == st.num, st.name
        for rel, producer in spec.inputs:
            assert producer < st.num and get_stage(producer).spec.declares(rel), (st.name, rel, producer)


@pytest.fixture(scope="module")
def run12(tmp_path_factory):
    "Stages 01-02 run on a copy of the sample repository (so a test may touch its files)."
    base = tmp_path_factory.mktemp("contract")
    repo, out = base / "repo", base / "run"
    shutil.copytree(sample_repo(), repo)
    s = settings_for(repo, out)
    for n in ("01", "02"): stage_module(get_stage(n)).run(s, out)
    return s, repo, out


def _stamp(p: Path) -> tuple:
    st = os.stat(p); return st.st_ino, st.st_mtime_ns


def test_changed_declared_input_reruns_unchanged_is_skipped(run12):
    s, _, out = run12
    dm, mp = get_stage("02"), get_stage("02").manifest_path(out)
    before = _stamp(mp)
    stage_module(dm).run(s, out)                       # nothing changed: the runner returns the stored manifest
    assert _stamp(mp) == before
    (out / "samples").mkdir(exist_ok=True)
    (out / "samples" / "qa_raw.jsonl").write_text("{}\n")  # an artifact stage 02 does not declare: still skipped
    stage_module(dm).run(s, out)
    assert _stamp(mp) == before
    idx = out / "raw_index" / "repo_index.jsonl"
    with open(idx, "a", encoding="utf-8") as f: f.write("\n")  # a declared input changes (a blank line: same records)
    m = stage_module(dm).run(s, out)
    assert _stamp(mp) != before and m.inputs["raw_index/repo_index.jsonl"] == file_sha256(idx)


def test_pipeline_status_reads_declared_extra_inputs(run12):
    s, repo, out = run12
    st = get_stage("01")
    stage_module(st).run(s, out, force=True)   # another test edits stage 01's output
    assert stage_status(st, s) == "done"
    f = next(p for p in sorted(repo.rglob("*.java")))
    os.utime(f, ns=(f.stat().st_atime_ns, f.stat().st_mtime_ns + 10**9))  # the repository (stage 01's extra input) changed
    assert stage_status(st, s) == "stale"


def _toy(tmp_path: Path, spec: StageSpec, body) -> tuple:
    out = tmp_path / "run"
    write_json(out / "dataset/stats.json", {"n": 1})
    s = settings_for(sample_repo(), out)
    return s, out, lambda force=False: run_stage(spec, s, out, force, body)


def test_runner_refuses_an_undeclared_input(tmp_path):
    def body(ctx: StageRun) -> dict:
        read_json(ctx.input("dataset/rejected.jsonl")); return {}
    spec = StageSpec("07", inputs=(("dataset/stats.json", "06"),), outputs=("reports/x.json",))
    s, out, go = _toy(tmp_path, spec, body)
    with pytest.raises(AutocodeError, match="dataset/rejected.jsonl, which its STAGE does not declare"): go()
    assert not get_stage("07").manifest_path(out).exists()


def test_runner_refuses_an_undeclared_output_and_records_none(tmp_path):
    def body(ctx: StageRun) -> dict:
        write_json(ctx.out / "reports/x.json", {"n": read_json(ctx.input("dataset/stats.json"))["n"]})
        write_json(ctx.out / "reports/extra.json", {})
        return {"n": 1}
    spec = StageSpec("07", inputs=(("dataset/stats.json", "06"),), outputs=("reports/x.json",))
    s, out, go = _toy(tmp_path, spec, body)
    with pytest.raises(AutocodeError, match=r"reports/extra.json, which its STAGE does not declare"): go()
    assert not get_stage("07").manifest_path(out).exists()   # a refused run is never recorded as done
    ok = StageSpec("07", inputs=spec.inputs, outputs=("reports/*.json",))
    m = run_stage(ok, s, out, True, body)                       # declared by a pattern: accepted, both hashed
    assert set(m.outputs) == {"reports/x.json", "reports/extra.json"}


def test_missing_declared_input_names_the_stage_to_run(tmp_path):
    spec = StageSpec("07", inputs=(("dataset/final_train.jsonl", "06"),), outputs=("reports/x.json",))
    s, out, go = _toy(tmp_path, spec, lambda ctx: {})
    with pytest.raises(AutocodeError, match="run stage 06 \\(validate\\) first"): go()
