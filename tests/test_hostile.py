"""Hostile and unusual input (issue 14): no crash, no hang, no leak, no write outside the run folder.

Every fixture is written here, at test time; each test is small and fast."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from autocode import index_repo, validate
from autocode.core import iter_jsonl, load_settings, parse_stages, read_json, stage_module

from test_bad_inputs import write  # noqa: E402  (tests/ is on the path under pytest)

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
    t0 = time.perf_counter()
    creds = validate.repo_credentials(repo)
    assert creds == {"r3dis-pass": "spring.redis.password"}   # the bomb is read no further than its bound
    assert time.perf_counter() - t0 < 30


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
    assert validate.repo_credentials(repo) == {"inside-secret-7": "db.password"}
    files = files_of(run_inline(repo, tmp_path / "out", "01"))
    assert "not followed" in files["application-ext.yml"]["reason"]
