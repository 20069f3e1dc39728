"Stage 01 survives bad input: every case is built in a temporary repository at test time."
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from autocode.core import AutocodeError, iter_jsonl, lines_sha256, load_settings, split_lines
from autocode.index_repo import run
from autocode.schema import Chunk, FileRecord

ROOT = Path(__file__).resolve().parents[1]

JAVA = """package a.b;

public class {name} {{
    public int f(int x) {{
        return x + 1;
    }}
}}
"""


def write(repo: Path, rel: str, data: str | bytes) -> Path:
    p = repo / rel
    p.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes): p.write_bytes(data)
    else: p.write_text(data, encoding="utf-8")
    return p


def index(repo: Path, out: Path, **over) -> tuple[dict[str, dict], list[dict]]:
    "Run stage 01 on `repo`; (file records by path, chunks), every record checked against the contract."
    o = {"run.repo": str(repo), "run.out": str(out), "run.quiet": "true", "run.workers": "1", "index.cache": "false"}
    o.update({k.replace("__", "."): str(v) for k, v in over.items()})
    run(load_settings(ROOT / "settings.ini", o), out, force=True)
    files = {f["path"]: FileRecord.model_validate(f).model_dump(mode="json") for f in iter_jsonl(out / "raw_index" / "files.jsonl")}
    chunks = [Chunk.model_validate(c).model_dump(mode="json") for c in iter_jsonl(out / "raw_index" / "repo_index.jsonl")]
    return files, chunks


@pytest.fixture
def repo(tmp_path) -> Path:
    r = tmp_path / "repo"; r.mkdir()
    write(r, "ok/src/main/java/a/b/Ok.java", JAVA.format(name="Ok"))
    return r


def test_encodings(repo, tmp_path):
    write(repo, "g/Gbk.java", 'class Gbk { String s = "订单已取消"; }\n'.encode("gbk"))
    write(repo, "l/app.properties", "name=caf\xe9\n".encode("latin-1"))
    write(repo, "u/Bad.java", bytes(range(0x80, 0xa0)) * 40 + b"\xff\xfe")
    files, chunks = index(repo, tmp_path / "o")
    assert files["g/Gbk.java"]["encoding"] == "gbk" and files["g/Gbk.java"]["status"] == "indexed"
    assert any("订单已取消" in c["text"] for c in chunks if c["path"] == "g/Gbk.java")
    assert files["l/app.properties"]["encoding"] == "latin-1"
    assert [c["config"]["keys"] for c in chunks if c["path"] == "l/app.properties"] == [{"name": "café"}]
    bad = files["u/Bad.java"]
    assert bad["status"] == "skipped" and "undecodable" in bad["reason"] and bad["sha256"]


def test_binary_empty_and_too_large(repo, tmp_path):
    write(repo, "bin/Blob.java", b"\x00\x01\x02" * 100)
    write(repo, "e/Empty.java", b"")
    write(repo, "big/Big.java", JAVA.format(name="Big") + "// " + "x" * 5000 + "\n")
    files, chunks = index(repo, tmp_path / "o", index__max_file_bytes=4000)
    assert (files["bin/Blob.java"]["status"], files["bin/Blob.java"]["reason"]) == ("skipped", "binary file")
    assert (files["e/Empty.java"]["status"], files["e/Empty.java"]["reason"], files["e/Empty.java"]["n_chunks"]) == ("indexed", "empty", 0)
    big = files["big/Big.java"]
    assert big["status"] == "skipped" and "max_file_bytes" in big["reason"] and big["size"] > 4000
    assert not [c for c in chunks if c["path"] in ("bin/Blob.java", "e/Empty.java", "big/Big.java")]


def test_very_long_line_is_kept_and_truncated(repo, tmp_path):
    long = "x" * 200_000
    p = write(repo, "l/Long.java", f'class Long {{\n    String s() {{\n        return "{long}";\n    }}\n}}\n')
    files, chunks = index(repo, tmp_path / "o")
    m = [c for c in chunks if c["symbol"] == "Long#s()"][0]
    lines = split_lines(p.read_text())
    assert m["content_sha256"] == lines_sha256(lines, m["start_line"], m["end_line"])
    assert len(m["text"]) < 10_000 and "truncated" in m["text"] and (m["start_line"], m["end_line"]) == (2, 4)
    assert files["l/Long.java"]["status"] == "indexed"


def test_syntax_errors_keep_what_parses(repo, tmp_path):
    write(repo, "s/Broken.java", "package a;\n\npublic class Broken {\n    void good() {\n        ok();\n    }\n\n"
                                  "    void bad( {\n        int x = ;\n    }\n\n    void later() {\n        ok();\n    }\n}\n")
    files, chunks = index(repo, tmp_path / "o")
    f = files["s/Broken.java"]
    assert f["status"] == "partial" and f["reason"].startswith("syntax errors at lines")
    mine = {c["symbol"]: c for c in chunks if c["path"] == "s/Broken.java"}
    assert "a.Broken#good()" in mine and not mine["a.Broken#good()"]["syntax_error"]
    assert any(c["syntax_error"] for c in mine.values())


def test_malformed_and_other_xml(repo, tmp_path):
    write(repo, "x/BadMapper.xml", '<?xml version="1.0"?>\n<mapper namespace="a.B">\n  <select id="x">select 1\n</mapper>\n')
    write(repo, "x/logback.xml", "<configuration>\n  <appender name='A'/>\n</configuration>\n")
    write(repo, "x/Xxe.xml", '<?xml version="1.0"?>\n<!DOCTYPE m [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n'
                             '<mapper namespace="a.X">\n  <select id="s">select &e; from t</select>\n</mapper>\n')
    files, chunks = index(repo, tmp_path / "o")
    bad = files["x/BadMapper.xml"]
    assert bad["status"] == "skipped" and bad["reason"].startswith("malformed XML")
    assert [(c["kind"], c["language"]) for c in chunks if c["path"] == "x/logback.xml"] == [("file", "xml")]
    xxe = [c for c in chunks if c["path"] == "x/Xxe.xml"]
    assert xxe and "root:" not in xxe[0]["mapper"]["sql"]


def test_symlinks_never_leave_the_repo_and_loops_end(repo, tmp_path):
    outside = tmp_path / "outside"; outside.mkdir()
    write(outside, "Secret.java", JAVA.format(name="Secret"))
    os.symlink(outside / "Secret.java", repo / "Secret.java")
    os.symlink(outside, repo / "outdir")
    os.symlink("..", repo / "ok" / "loop")
    os.symlink(repo / "ok/src/main/java/a/b/Ok.java", repo / "Alias.java")
    files, chunks = index(repo, tmp_path / "o")
    assert files["Secret.java"]["status"] == "skipped" and "outside the repository" in files["Secret.java"]["reason"]
    assert "not followed" in files["outdir"]["reason"] and "not followed" in files["ok/loop"]["reason"]
    assert "not followed" in files["Alias.java"]["reason"]
    assert not [c for c in chunks if "Secret" in c["symbol"]]
    assert not any("outdir/" in p or "loop/" in p for p in files)


def test_duplicate_fqcn_in_two_modules(repo, tmp_path):
    for mod in ("shop-admin", "shop-portal"):
        write(repo, f"{mod}/src/main/java/a/b/Dup.java", JAVA.format(name="Dup").replace("x + 1", f'x + {len(mod)}'))
        write(repo, f"{mod}/src/main/java/a/b/DupMapper.java", "package a.b;\npublic interface DupMapper {\n    int f(int x);\n}\n")
        write(repo, f"{mod}/src/main/resources/a/b/DupMapper.xml",
              '<mapper namespace="a.b.DupMapper">\n  <select id="f">select 1 from t</select>\n</mapper>\n')
    files, chunks = index(repo, tmp_path / "o")
    syms = {c["symbol"] for c in chunks}
    assert {"shop-admin:a.b.Dup#f(int)", "shop-portal:a.b.Dup#f(int)", "shop-admin:a.b.Dup", "a.b.Ok#f(int)"} <= syms
    ids = [c["chunk_id"] for c in chunks]
    assert len(ids) == len(set(ids))
    by_id = {c["chunk_id"]: c for c in chunks}
    for c in chunks:
        if c["parent_id"]:   # parents were re-pointed to the prefixed ids
            parent = by_id[c["parent_id"]]
            assert parent["path"] == c["path"] and c["symbol"].startswith(parent["symbol"])
        if c["kind"] == "mapper_statement":
            mod = c["path"].split("/")[0]
            assert c["symbol"] == f"{mod}:a.b.DupMapper.f" and c["mapper"]["java_method"] == f"{mod}:a.b.DupMapper#f(int)"
            assert by_id[c["mapper"]["java_chunk_id"]]["symbol"] == c["mapper"]["java_method"]


def test_spaces_and_non_ascii_paths(repo, tmp_path):
    write(repo, "my dir/订单 服务.java", JAVA.format(name="Svc"))
    write(repo, "docs/read me.md", "# Über\ntext\n")
    files, chunks = index(repo, tmp_path / "o")
    assert files["my dir/订单 服务.java"]["status"] == "indexed"
    assert {c["path"] for c in chunks} >= {"my dir/订单 服务.java", "docs/read me.md"}
    assert "docs/read me.md#Über" in {c["symbol"] for c in chunks}


def test_file_name_that_is_not_utf8(repo, tmp_path):
    with open(os.fsencode(repo) + b"/bad\xff.java", "wb") as f: f.write(JAVA.format(name="Bad").encode())
    files, _ = index(repo, tmp_path / "o")
    bad = files["bad\ufffd.java"]
    assert bad["status"] == "skipped" and "not valid UTF-8" in bad["reason"]


@pytest.mark.skipif(shutil.which("git") is None, reason="git not installed")
def test_git_listed_file_missing_on_disk(repo, tmp_path):
    write(repo, "gone/Gone.java", JAVA.format(name="Gone"))
    g = ["git", "-C", str(repo), "-c", "user.email=t@example.com", "-c", "user.name=t", "-c", "commit.gpgsign=false"]
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    subprocess.run(g + ["add", "-A"], check=True)
    subprocess.run(g + ["commit", "-qm", "init"], check=True)
    (repo / "gone" / "Gone.java").unlink()
    files, _ = index(repo, tmp_path / "o")
    assert (files["gone/Gone.java"]["status"], files["gone/Gone.java"]["reason"]) == ("skipped", "listed by git but missing on disk")
    assert files["ok/src/main/java/a/b/Ok.java"]["status"] == "indexed"


def test_large_member_is_split_on_statement_lines(repo, tmp_path):
    body = "".join(f"        total += step({i});\n" for i in range(40))
    p = write(repo, "big/Big.java", f"class Big {{\n    int sum() {{\n        int total = 0;\n{body}        return total;\n    }}\n}}\n")
    _, chunks = index(repo, tmp_path / "o", index__max_chunk_lines=12)
    parts = [c for c in chunks if c["symbol"].startswith("Big#sum()")]
    assert [c["part"] for c in parts] == list(range(1, len(parts) + 1)) and len(parts) >= 4
    assert parts[0]["symbol"] == "Big#sum()" and parts[1]["symbol"] == "Big#sum()#part2"
    assert all(b["start_line"] == a["end_line"] + 1 for a, b in zip(parts, parts[1:]))
    assert all(c["end_line"] - c["start_line"] < 12 for c in parts)
    lines = split_lines(p.read_text())
    assert all(lines[c["start_line"] - 1].strip().startswith(("total", "int", "return")) for c in parts[1:])
    assert sum(len(c["java"]["calls"]) for c in parts) == 40


def test_bad_yaml_is_recorded_not_fatal(repo, tmp_path):
    write(repo, "c/application-prod.yml", "server:\n  port: 80\n bad: [\n")
    files, chunks = index(repo, tmp_path / "o")
    f = files["c/application-prod.yml"]
    assert f["status"] == "partial" and "YAML" in f["reason"]
    assert [c["kind"] for c in chunks if c["path"] == "c/application-prod.yml"] == ["file"]


def test_empty_repository_and_missing_path(tmp_path):
    empty = tmp_path / "empty"; empty.mkdir()
    with pytest.raises(AutocodeError, match="has no files to index"): index(empty, tmp_path / "o")
    write(empty, "logo.png", b"\x89PNG\x00")
    with pytest.raises(AutocodeError, match="has no files to index"): index(empty, tmp_path / "o")
    missing = tmp_path / "no-such-repo"
    with pytest.raises(AutocodeError, match=str(missing)): index(missing, tmp_path / "o")


# --- property: whatever the bytes, indexing one file never raises and every span is exact ---------------------------
from hypothesis import HealthCheck, given, settings as hsettings, strategies as st  # noqa: E402

from autocode.index_repo import _index_bytes  # noqa: E402
from autocode.core import decode_text  # noqa: E402
from autocode.schema import IndexSettings  # noqa: E402

_TOKENS = ["class A {", "interface I {", "enum E { X, Y;", "}", "{", "(", ")", ";", "void f(int a)", "@Ann(\"x\")", "/** doc */",
           "// c", "int x = 1;", "return a.b().c(1, 2);", "\n", "\r\n", "\r", "\x0c", "<mapper namespace=\"a.B\">", "</mapper>",
           "<select id=\"s\">", "</select>", "<!-- @mbg.generated -->", "key: value", "  nested: 1", "- item", "# head",
           "CREATE TABLE `t` (", "`c` int DEFAULT '0' COMMENT 'x',", ") COMMENT='t';", "INSERT INTO t VALUES (1);", "订单", "\t"]
_EXT = {"A.java": "java", "M.xml": "xml", "application-dev.yml": "yaml", "a.properties": "properties", "s.sql": "sql",
        "R.md": "markdown", "pom.xml": "maven"}
_CFG = IndexSettings(max_chunk_lines=10, max_line_chars=100).model_dump()


@hsettings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_TOKENS) | st.text(max_size=8), max_size=60), st.sampled_from(sorted(_EXT)),
       st.sampled_from(["utf-8", "gbk"]))
def test_any_input_gives_exact_spans(parts, name, enc):
    data = " ".join(parts).encode(enc, errors="replace")
    res = _index_bytes(data, name, _EXT[name], {"path": name, "status": "skipped", "reason": None}, _CFG)
    rec = res["file"]
    assert rec["status"] in ("indexed", "partial", "skipped")
    if not res["chunks"]: return
    lines = split_lines(decode_text(data)[0])
    for c in res["chunks"]:
        assert 1 <= c["start_line"] <= c["end_line"] <= max(1, len(lines)), c
        assert c["content_sha256"] == lines_sha256(lines, c["start_line"], c["end_line"])
