"The `autocode` command as a user runs it: help, a real run on the sample repo, skipping, one-line user errors."
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from autocode import cli, pipeline
from autocode.core import STAGES, get_stage, sample_repo

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = Path(sys.executable).parent / "autocode"
CMD = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-c", "import sys; from autocode.cli import main; sys.exit(main())"]


def autocode(*args: str, cwd: Path = ROOT, timeout: int = 120) -> subprocess.CompletedProcess:
    "Run the console script; quiet, so stderr holds only what the CLI itself says."
    env = {**__import__("os").environ, "AUTOCODE_QUIET": "1"}
    return subprocess.run([*CMD, *args], cwd=cwd, capture_output=True, text=True, timeout=timeout, env=env)


def one_line_error(p: subprocess.CompletedProcess, code: int = 2) -> str:
    "Assert the shape of a user error: exit code, one stderr line `autocode: error: …`, no traceback."
    assert p.returncode == code, (p.returncode, p.stdout, p.stderr)
    assert "Traceback" not in p.stderr + p.stdout, p.stderr
    lines = p.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("autocode: error: "), p.stderr
    return lines[0]


def test_help_lists_every_stage_command():
    p = autocode("--help")
    assert p.returncode == 0, p.stderr
    for st in STAGES:
        assert f" {pipeline.command_name(st)} " in p.stdout or f" {pipeline.command_name(st)}\n" in p.stdout, pipeline.command_name(st)
    for cmd in ("run", "stages"): assert cmd in p.stdout
    r = autocode("run", "--help")
    for opt in ("--repo", "--out", "--settings", "--stages", "--inline", "--workers", "--executor", "--force", "--quiet", "--set"):
        assert opt in r.stdout, opt
    v = autocode("validate", "--help")
    assert "autocode run --stages 06" in " ".join(v.stdout.split())


def test_stage_subcommands_mean_run_stages():
    parser = cli.build_parser()
    for st in STAGES:
        assert parser.parse_args([pipeline.command_name(st)]).stages == st.num
        assert parser.parse_args([st.module]).stages == st.num
    assert parser.parse_args(["domains"]).stages == "02" and parser.parse_args(["index"]).stages == "01"


@pytest.fixture(scope="module")
def run01(tmp_path_factory):
    "`autocode run --stages 01 --inline` on the sample repo into a fresh folder."
    out = tmp_path_factory.mktemp("cli") / "run"
    p = autocode("run", "--stages", "01", "--inline", "--out", str(out))
    return out, p


def test_run_stage_01_inline(run01):
    out, p = run01
    assert p.returncode == 0, p.stderr
    assert "Traceback" not in p.stderr
    line = next(ln for ln in p.stdout.splitlines() if ln.startswith("01 "))
    assert " done " in line
    m = json.loads((out / "raw_index" / "index_repo.manifest.json").read_text())
    n_chunks = sum(1 for _ in open(out / "raw_index" / "repo_index.jsonl"))
    n_files = sum(1 for _ in open(out / "raw_index" / "files.jsonl"))
    assert n_chunks > 100 and n_files > 20
    assert f"chunks={m['counts']['chunks']}" in line and m["counts"]["chunks"] == n_chunks


def test_second_run_skips_fast(run01):
    out, _ = run01
    before = (out / "raw_index" / "repo_index.jsonl").stat().st_mtime_ns
    t0 = time.perf_counter()
    p = autocode("run", "--stages", "01", "--inline", "--out", str(out))
    took = time.perf_counter() - t0
    assert p.returncode == 0, p.stderr
    assert " skipped " in next(ln for ln in p.stdout.splitlines() if ln.startswith("01 "))
    assert (out / "raw_index" / "repo_index.jsonl").stat().st_mtime_ns == before
    assert took < 15, took
    s = autocode("stages", "--out", str(out))
    assert s.returncode == 0, s.stderr
    rows = {ln.split()[1]: ln for ln in s.stdout.splitlines() if ln.startswith("│ ")}
    assert "done" in rows["01"] and "missing" in rows["04"], s.stdout
    changed = autocode("stages", "--out", str(out), "--set", "index.max_chunk_lines=50")  # a setting stage 01 depends on
    assert "stale" in {ln.split()[1]: ln for ln in changed.stdout.splitlines() if ln.startswith("│ ")}["01"], changed.stdout


def test_force_reruns(run01):
    out, _ = run01
    p = autocode("index", "--inline", "--force", "--out", str(out))
    assert p.returncode == 0, p.stderr
    assert " done " in next(ln for ln in p.stdout.splitlines() if ln.startswith("01 "))


def test_user_errors_are_one_line(tmp_path):
    empty = tmp_path / "empty_repo"; (empty / ".git").mkdir(parents=True)
    bad_ini = tmp_path / "bad.ini"; bad_ini.write_text("[run\nrepo = x\n")
    bad_val = tmp_path / "bad_value.ini"; bad_val.write_text("[run]\nworkers = many\n")
    out = str(tmp_path / "out")
    cases = {
        "does not exist": ["run", "--repo", str(tmp_path / "no_such_repo"), "--inline", "--out", out],
        "is empty": ["run", "--repo", str(empty), "--inline", "--out", out],
        "cannot be read as an INI file": ["run", "--settings", str(bad_ini), "--inline", "--out", out],
        "settings file not found": ["run", "--settings", str(tmp_path / "missing.ini"), "--inline", "--out", out],
        "[run] workers": ["run", "--settings", str(bad_val), "--inline", "--out", out],
        "unknown stage '42'": ["run", "--stages", "42", "--inline", "--out", out],
        "run stage 01 (index_repo) first": ["domains", "--inline", "--out", out],
        "section.key=value": ["run", "--set", "qa.languages", "--inline", "--out", out],
        "unknown section [nope]": ["run", "--set", "nope.x=1", "--inline", "--out", out],
        "unknown key": ["run", "--set", "qa.langs=en", "--inline", "--out", out],
        "unrecognized arguments: --bogus": ["run", "--bogus"],
        "invalid choice": ["run", "--executor", "spark"],
    }
    for expect, args in cases.items():
        line = one_line_error(autocode(*args))
        assert expect in line, (expect, line)
    assert not (tmp_path / "out" / "raw_index").exists()


def test_ray_without_ray_names_the_extra(tmp_path):
    try:
        import ray  # noqa: F401
        pytest.skip("ray is installed here; the error path needs an environment without it")
    except ImportError: pass
    line = one_line_error(autocode("run", "--stages", "01", "--executor", "ray", "--inline", "--out", str(tmp_path)))
    assert "pip install -e '.[ray]'" in line


FAILING_NB = {"cells": [
    {"cell_type": "code", "id": "params", "metadata": {"tags": ["parameters"]}, "execution_count": None, "outputs": [],
     "source": "repo = ''\nout = ''\nsettings_path = ''\nforce = False"},
    {"cell_type": "code", "id": "boom", "metadata": {}, "execution_count": None, "outputs": [],
     "source": "raise ValueError('planted failure in the stage notebook')"}],
    "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
                 "language_info": {"name": "python"}}, "nbformat": 4, "nbformat_minor": 5}


def test_failing_notebook_exit_1_names_the_executed_copy(tmp_path, monkeypatch, capsys):
    nb = tmp_path / "01_index_repo.ipynb"; nb.write_text(json.dumps(FAILING_NB))
    monkeypatch.setattr(pipeline, "notebook_path", lambda stage: nb)
    out = tmp_path / "run"
    rc = cli.main(["run", "--stages", "01", "--out", str(out), "--quiet"])
    err = capsys.readouterr().err.strip().splitlines()
    assert rc == 1 and len(err) == 1, err
    executed = out / "notebooks" / f"{get_stage('01').notebook}.ipynb"
    assert "ValueError: planted failure in the stage notebook" in err[0] and str(executed) in err[0], err
    assert executed.exists() and "planted failure" in executed.read_text()


def test_papermill_run_keeps_the_executed_notebook(tmp_path):
    "The default path: stage 01's notebook executed with papermill, parameters injected, the copy kept."
    repo = tmp_path / "repo"; shutil.copytree(sample_repo() / "shop-common", repo)
    out = tmp_path / "run"
    p = autocode("index", "--repo", str(repo), "--out", str(out), "--quiet", timeout=300)
    assert p.returncode == 0, p.stderr
    nb = json.loads((out / "notebooks" / "01_index_repo.ipynb").read_text())
    injected = [c for c in nb["cells"] if "injected-parameters" in c["metadata"].get("tags", [])]
    assert injected and str(out) in "".join(injected[0]["source"])
    assert all(c.get("execution_count") for c in nb["cells"] if c["cell_type"] == "code" and "".join(c["source"]).strip()
               and "skip" not in json.dumps(c["metadata"]))
    files = [json.loads(ln)["path"] for ln in open(out / "raw_index" / "files.jsonl")]
    assert files and all((repo / f).exists() for f in files)
    executed = (out / "notebooks" / "01_index_repo.ipynb").stat().st_mtime_ns
    again = autocode("index", "--repo", str(repo), "--out", str(out), "--quiet")
    assert " skipped " in again.stdout, again.stdout
    assert (out / "notebooks" / "01_index_repo.ipynb").stat().st_mtime_ns == executed  # no kernel was started
