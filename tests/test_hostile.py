"""Hostile and unusual input (issue 14): no crash, no hang, no leak, no write outside the run folder.

Every fixture is written here, at test time; each test is small and fast."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from autocode import index_repo
from autocode.credentials import run_credentials
from autocode.core import iter_jsonl, load_settings, parse_stages, read_json, stage_module

from test_bad_inputs import write  # noqa: E402  (tests/ is on the path under pytest)
from test_cli import CMD, FAILING_NB, autocode, one_line_error  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def run_inline(repo: Path, out: Path, spec: str = "01", **over) -> Path:
    "Run stages in-process on `repo` into `out`; returns `out`."
    o = {"run.repo": str(repo), "run.out": str(out), "run.quiet": "true", "run.workers": "1", "index.cache": "false",
         "domain.scope": "order"}
    o.update({k.replace("__", "."): str(v) for k, v in over.items()})
    s = load_settings(ROOT / "settings.ini", o)
    for st in parse_stages(spec): stage_module(st).run(s, out, force=True)
    return out


def files_of(out: Path) -> dict[str, dict]:
    return {f["path"]: f for f in iter_jsonl(out / "raw_index" / "files.jsonl")}


# ---------------------------------------------------------------- 1. stage 03 on calls named like arithmetic

CALC = """package a.order;

public class OrderCalc {{
    int add(int q) {{ return q; }}
    int plain(OrderItem x) {{ return add(x.getQuantity()); }}
    int doubled(OrderItem x) {{ int t = add(x.getQuantity()) * 2; return t; }}
    void noArgs(java.util.List<Integer> count, OrderItem x) {{ int z = count.add() + x.getQuantity(); x.setTotal(z); }}
    int longSum(OrderItem a) {{ int s = {terms}; return s; }}
    java.math.BigDecimal price(OrderItem a) {{ return a.getPrice().multiply(new java.math.BigDecimal(a.getQuantity())); }}
}}
"""
ITEM = """package a.order;

public class OrderItem {
    private int quantity;
    private int total;
    private java.math.BigDecimal price;
    public int getQuantity() { return quantity; }
    public void setTotal(int t) { total = t; }
    public java.math.BigDecimal getPrice() { return price; }
}
"""


def test_stage03_arithmetic_names_and_a_600_term_sum(tmp_path):
    repo = tmp_path / "repo"
    write(repo, "src/main/java/a/order/OrderCalc.java", CALC.format(terms=" + ".join(["a.getQuantity()"] * 600)))
    write(repo, "src/main/java/a/order/OrderItem.java", ITEM)
    out = run_inline(repo, tmp_path / "out", "01-03")
    facts = {f["fields"]["method"].split("#")[1].split("(")[0]: f["fields"]
             for f in read_json(out / "extracted" / "rules_and_flows.json")["facts"] if f["kind"] == "computation"}
    # a receiver-less `add(…)` or `count.add()` is an ordinary call: kept as written, not read as arithmetic
    assert facts["doubled"]["formula"] == "add(x.getQuantity()) * 2" and facts["doubled"]["operations"] == ["multiply"]
    assert facts["noArgs"]["formula"].startswith("count.add() + ")
    assert "plain" not in facts   # `return add(…)` computes nothing
    assert facts["price"]["formula"] == "price * quantity"
    # the long sum is a fact; past the depth bound its rest is kept as source text
    assert facts["longSum"]["formula"].count("+") == 599 and facts["longSum"]["operations"] == ["add"]


# ---------------------------------------------------------------- 3, 6. YAML alias bomb and deep nesting

BOMB = "".join(f"{c}: &{c} [{','.join([f'*{p}'] * 9)}]\n" for p, c in zip("abcdefgh", "bcdefghi"))
BOMB = 'a: &a ["x","x","x","x","x","x","x","x","x"]\n' + BOMB + "spring:\n  datasource:\n    password: s3cret-in-bomb\n"
DEEP_YAML = "spring:\n  deep: " + "{k: " * 3000 + "v" + "}" * 3000 + "\n"   # 3,000 nested mappings
DEEP_MAPPER = ('<?xml version="1.0" encoding="UTF-8"?>\n<mapper namespace="a.order.OrderMapper">\n'
               '  <update id="deep">UPDATE oms_order SET ' + '<if test="a != null">' * 1500 + "status = 1" + "</if>" * 1500 +
               ' WHERE id = #{id}</update>\n  <select id="one">SELECT * FROM oms_order WHERE id = #{id}</select>\n</mapper>\n')


def test_stage01_yaml_bomb_deep_yaml_and_deep_mapper_are_partial(tmp_path):
    assert len(BOMB.encode()) < 600
    repo = tmp_path / "repo"
    write(repo, "src/main/resources/application.yml", BOMB)
    write(repo, "src/main/resources/deep.yml", DEEP_YAML)
    write(repo, "src/main/resources/mapper/OrderMapper.xml", DEEP_MAPPER)
    write(repo, "src/main/java/a/order/OrderItem.java", ITEM)
    out = run_inline(repo, tmp_path / "out", "01-03")
    files = files_of(out)
    bomb, deep = files["src/main/resources/application.yml"], files["src/main/resources/deep.yml"]
    assert bomb["status"] == "partial" and "alias" in bomb["reason"], bomb
    assert deep["status"] == "partial" and "depth" in deep["reason"], deep
    mapper = files["src/main/resources/mapper/OrderMapper.xml"]
    assert mapper["status"] == "indexed" and mapper["language"] == "mybatis"
    stmts = {c["mapper"]["statement_id"]: c["mapper"] for c in iter_jsonl(out / "raw_index" / "repo_index.jsonl") if c.get("mapper")}
    assert stmts["deep"]["tables_written"] == ["oms_order"] and stmts["deep"]["sql"].count("<if ") == 1500


def test_stage06_config_reading_is_bounded(tmp_path):
    repo = tmp_path / "repo"
    write(repo, "application.yml", BOMB)
    write(repo, "application-deep.yml", DEEP_YAML)
    write(repo, "application-ok.yml", "spring:\n  redis:\n    password: r3dis-pass\n")
    out = run_inline(repo, tmp_path / "out", "01")
    creds = run_credentials(out, repo).values   # stage 06 reads configuration from the index, which bounds the bomb
    assert "r3dis-pass" in creds, creds


# ---------------------------------------------------------------- 5. .gitignore with many stars

def test_gitignore_with_many_stars_matches_in_linear_time(tmp_path):
    repo = tmp_path / "repo"
    write(repo, ".gitignore", "a*" * 30 + "b.java\n" + "*.tmp.java\n")
    kept, ignored = "src/" + "a" * 60 + "c.java", "src/" + "a" * 40 + "b.java"
    for rel in (kept, ignored, "src/x.tmp.java"): write(repo, rel, "class A {}\n")
    cfg = load_settings(ROOT / "settings.ini", {"run.repo": str(repo)}).index
    t0 = time.perf_counter()
    got = [e.rel for e in index_repo.walk_repo(repo, cfg)]
    assert got == [".gitignore", kept]
    if subprocess.run(["git", "init", "-q", str(repo)]).returncode == 0:   # git agrees
        r = subprocess.run(["git", "-C", str(repo), "ls-files", "--others", "--exclude-standard"], capture_output=True, text=True)
        assert sorted(r.stdout.split()) == got
    assert time.perf_counter() - t0 < 30


# ---------------------------------------------------------------- 10. stage 06 never follows a symlink out

def test_stage06_does_not_read_config_through_a_symlink(tmp_path):
    outside = write(tmp_path / "elsewhere", "secrets.yml", "db:\n  password: outside-secret-9\n")
    repo = tmp_path / "repo"
    write(repo, "application-in.yml", "db:\n  password: inside-secret-7\n")
    (repo / "application-ext.yml").symlink_to(outside)
    out = run_inline(repo, tmp_path / "out", "01")
    creds = run_credentials(out, repo).values
    assert "inside-secret-7" in creds and "outside-secret-9" not in creds, creds
    assert "not followed" in files_of(out)["application-ext.yml"]["reason"]


# ---------------------------------------------------------------- 7, 8, 9. where a run may write

def test_bad_out_and_paths_are_one_line_errors(tmp_path):
    repo = tmp_path / "repo"
    card = write(repo, "dataset/README.md", "the repository's own file\n")
    write(repo, "src/A.java", "class A {}\n")
    afile = write(tmp_path, "afile", "x")
    raw = os.fsencode(str(tmp_path)) + b"/caf\xe9"
    os.makedirs(raw + b"/src"); open(raw + b"/src/A.java", "wb").write(b"class A {}\n")
    cases = {
        "is the repository itself": ["--repo", str(repo), "--out", str(repo)],
        "is inside the repository": ["--repo", str(repo), "--out", str(repo / "runs" / "r1")],
        "is a file, not a folder": ["--repo", str(repo), "--out", str(afile)],
        "cannot write there": ["--repo", str(repo), "--out", str(afile / "sub")],
        "cannot write there (": ["--repo", str(repo), "--out", "/proc/autocode-hostile-test"],
        "--out " + str(tmp_path) + "/caf\\xe9: the path holds bytes that are not UTF-8": ["--repo", str(repo), "--out", os.fsdecode(raw)],
        "--repo " + str(tmp_path) + "/caf\\xe9: the path holds bytes that are not UTF-8": ["--repo", os.fsdecode(raw), "--out", str(tmp_path / "o")],
    }
    for expect, args in cases.items():
        for mode in (["--inline"], []):   # both paths refuse before anything is written
            line = one_line_error(autocode("run", "--stages", "01", *mode, *args))
            assert expect in line, (expect, line)
    assert card.read_text() == "the repository's own file\n" and sorted(p.name for p in repo.iterdir()) == ["dataset", "src"]
    # a run folder inside the repository that [index] exclude leaves out is allowed, and the run says so
    p = autocode("run", "--stages", "01", "--inline", "--repo", str(repo), "--out", str(repo / "build" / "run"))
    assert p.returncode == 0 and "inside the repository" in p.stdout, p.stderr


# ---------------------------------------------------------------- 13. settings bounds and parsing

@pytest.mark.parametrize("args,expect", [
    (["--stages", "²"], "unknown stage '²'"),
    (["--stages", ","], "names no stage"),
    (["--stages", ""], "names no stage"),
    (["--set", "lora.epochs=inf"], "--set lora.epochs=inf"),
    (["--set", "validate.num_perm=100000000"], "--set validate.num_perm=100000000"),
    (["--set", "qa.seed=-1"], "--set qa.seed=-1"),
    (["--set", "validate.near_dup_threshold=nan"], "--set validate.near_dup_threshold=nan"),
    (["--set", "qa.seed=1\r[lora]\repochs = 9"], "control characters"),
])
def test_settings_are_bounded_and_blamed_on_the_set_value(args, expect, tmp_path, capsys):
    from autocode import cli
    rc = cli.main(["run", "--inline", "--out", str(tmp_path / "o"), *args])
    err = capsys.readouterr().err.strip().splitlines()
    assert rc == 2 and len(err) == 1 and err[0].startswith("autocode: error: ") and expect in err[0], err
    assert "settings.ini" not in err[0]
    assert not (tmp_path / "o" / "raw_index").exists()


def test_settings_file_with_a_bom_and_carriage_returns_in_values(tmp_path):
    from autocode.pipeline import write_settings
    bom = tmp_path / "bom.ini"
    bom.write_bytes(b"\xef\xbb\xbf" + (ROOT / "settings.ini").read_bytes().replace(b"seed = 13", b"seed = 7", 1))
    s = load_settings(bom)
    assert s.qa.seed == 7
    # a value with carriage returns is written back as one value: reading it injects no section or key
    s.sft.system_prompt = "be brief\r[lora]\repochs = 99\r\nend"
    back = load_settings(write_settings(s, tmp_path / "eff.ini"))
    assert back.lora.epochs == s.lora.epochs and back.sft.system_prompt == "be brief\n[lora]\nepochs = 99\nend"


# ---------------------------------------------------------------- 12. one run per run folder

def test_a_second_run_into_a_locked_folder_fails_with_one_line(tmp_path):
    from autocode.pipeline import LOCK_NAME, run_lock
    out = tmp_path / "run"; out.mkdir()
    with run_lock(out):
        line = one_line_error(autocode("run", "--stages", "01", "--inline", "--out", str(out)))
        assert f"in use by another autocode run (pid {os.getpid()}" in line and LOCK_NAME in line
    assert not (out / "raw_index").exists()


# ---------------------------------------------------------------- 4. a failed notebook is not done

def _cell(cid: str, source: str) -> dict:
    return {"cell_type": "code", "id": cid, "metadata": {}, "execution_count": None, "outputs": [], "source": source}


#: test_cli's failing notebook, whose failure comes after run() wrote the manifest (as a display cell's would)
FAILING_AFTER_RUN = {**FAILING_NB, "cells": [
    FAILING_NB["cells"][0],
    _cell("run", "from autocode.core import load_settings, run_out\nfrom autocode.index_repo import run\n"
                 "s = load_settings(settings_path, {'run.out': out})\nrun(s, run_out(s), force=force)"),
    _cell("show", "next(x for x in [])   # a display cell that fails after run() wrote the manifest")]}


def test_a_stage_whose_notebook_fails_is_not_marked_done(tmp_path, monkeypatch, capsys):
    from autocode import cli, pipeline
    from autocode.core import get_stage
    nb = tmp_path / "01_index_repo.ipynb"; nb.write_text(json.dumps(FAILING_AFTER_RUN))
    monkeypatch.setattr(pipeline, "notebook_path", lambda stage: nb)
    repo = tmp_path / "repo"; write(repo, "src/A.java", "class A {}\n")
    out = tmp_path / "run"
    rc = cli.main(["run", "--stages", "01", "--repo", str(repo), "--out", str(out), "--quiet"])
    err = capsys.readouterr().err
    assert rc == 1 and "StopIteration" in err, err
    assert (out / "raw_index" / "files.jsonl").exists() and not get_stage("01").manifest_path(out).exists()
    s = load_settings(ROOT / "settings.ini", {"run.repo": str(repo), "run.out": str(out)})
    assert pipeline.stage_status(get_stage("01"), s) == "missing"


# ---------------------------------------------------------------- 11. kill -9 leaves no process behind

def _children(pid: int) -> set[int]:
    kids = set()
    for t in Path(f"/proc/{pid}/task").glob("*/children"):
        kids |= {int(x) for x in t.read_text().split()}
    return kids


def _running(pid: int) -> bool:
    try: return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError: return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_kill_9_during_stage_01_leaves_no_pool_worker(tmp_path):
    repo = tmp_path / "repo"
    body = "".join(f"    int m{i}(int x) {{ if (x > {i}) {{ return x + {i}; }} return x; }}\n" for i in range(300))
    for i in range(120): write(repo, f"src/p{i % 6}/C{i}.java", f"package p;\n\npublic class C{i} {{\n{body}}}\n")
    p = subprocess.Popen([*CMD, "run", "--stages", "01", "--inline", "--workers", "3", "--repo", str(repo), "--out", str(tmp_path / "o")],
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ, "AUTOCODE_QUIET": "1"})
    kids: set[int] = set()
    deadline = time.monotonic() + 60
    while not kids and p.poll() is None and time.monotonic() < deadline:
        kids = _children(p.pid); time.sleep(0.05)
    if not kids: pytest.skip("the run ended before its pool started")
    time.sleep(0.3)
    kids |= _children(p.pid)
    os.kill(p.pid, signal.SIGKILL); p.wait()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and any(_running(k) for k in kids): time.sleep(0.1)
    alive = [k for k in kids if _running(k)]
    for k in alive: os.kill(k, signal.SIGKILL)   # clean up before failing
    assert not alive, f"pool workers still running after the run was killed: {alive}"


# ---------------------------------------------------------------- 4, 14, 15. English only, on the papermill path

def test_english_only_papermill_run_leaves_no_litter(tmp_path, sample_run):
    "The README's `--set qa.languages=en` through the notebooks, with an unwritable home: no failure, no stray line, nothing in $TMPDIR."
    out = tmp_path / "run"
    shutil.copytree(sample_run("01-03"), out)
    tmp = tmp_path / "tmpdir"; tmp.mkdir()
    home = write(tmp_path, "not-a-folder", "") / "home"   # cannot be created, even by root
    env = {**os.environ, "TMPDIR": str(tmp), "HOME": str(home), "AUTOCODE_QUIET": "1"}
    args = ["run", "--stages", "04-05", "--out", str(out), "--quiet", "--set", "qa.languages=en", "--set", "design.languages=en"]
    p = subprocess.run([*CMD, *args], cwd=ROOT, capture_output=True, text=True, timeout=600, env=env)
    assert p.returncode == 0, p.stderr[-2000:]
    assert p.stderr.strip() == "", p.stderr      # no kernel log line ([IPKernelApp] …), no warnings
    assert sorted(tmp.iterdir()) == [] and not (out / "notebooks" / ".kernel-tmp").exists()
    langs = {r["language"] for name in ("qa_raw", "design_tasks") for r in iter_jsonl(out / "samples" / f"{name}.jsonl")}
    assert langs == {"en"}
    shown = json.loads((out / "notebooks" / "04_generate_qa.ipynb").read_text())
    assert any("Q: " in "".join(o.get("text", "")) for c in shown["cells"] for o in c.get("outputs", []))
    from autocode.core import get_stage, sample_repo
    from autocode.pipeline import stage_status
    s = load_settings(ROOT / "settings.ini", {"run.repo": str(sample_repo()), "run.out": str(out), "qa.languages": "en", "design.languages": "en"})
    assert [stage_status(get_stage(n), s) for n in ("04", "05")] == ["done", "done"]


def test_kernels_get_their_temporary_folders_inside_the_run_folder(tmp_path):
    "Kernel connection files and temporary folders live in the run folder; what a killed run left is removed by the next."
    from autocode.pipeline import _kernel_scratch
    stale = write(tmp_path, "notebooks/.kernel-tmp/runtime/kernel-123.json", "{}")   # as a kill -9 leaves it
    keys = ("TMPDIR", "IPYTHONDIR", "JUPYTER_RUNTIME_DIR")
    before = {k: os.environ.get(k) for k in keys}
    with _kernel_scratch(tmp_path, inline=False):
        assert not stale.exists()
        for k in keys: assert Path(os.environ[k]).is_dir() and tmp_path in Path(os.environ[k]).parents, k
    assert {k: os.environ.get(k) for k in keys} == before and not (tmp_path / "notebooks" / ".kernel-tmp").exists()


def test_sigterm_unwinds_the_run(tmp_path):
    "`kill` (SIGTERM) of a run: one line, exit 130, the lock released and the kernels' temporary folder removed."
    repo = tmp_path / "repo"
    body = "".join(f"    int m{i}(int x) {{ if (x > {i}) {{ return x + {i}; }} return x; }}\n" for i in range(300))
    for i in range(60): write(repo, f"src/C{i}.java", f"package p;\n\npublic class C{i} {{\n{body}}}\n")
    out = tmp_path / "o"
    p = subprocess.Popen([*CMD, "run", "--stages", "01", "--workers", "1", "--repo", str(repo), "--out", str(out), "--quiet"],
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env={**os.environ, "AUTOCODE_QUIET": "1"})
    deadline = time.monotonic() + 120
    while p.poll() is None and not (out / "notebooks" / ".kernel-tmp" / "runtime").exists() and time.monotonic() < deadline: time.sleep(0.05)
    if p.poll() is not None: pytest.skip("the run ended before its kernel started")
    time.sleep(1.0)
    p.send_signal(signal.SIGTERM)
    err = p.communicate(timeout=60)[1]
    assert p.returncode == 130 and err.strip().splitlines()[-1] == "autocode: error: interrupted", (p.returncode, err[-1000:])
    assert not (out / "notebooks" / ".kernel-tmp").exists()
    from autocode.pipeline import run_lock
    with run_lock(out): pass   # released
