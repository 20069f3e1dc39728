"Stage 01 (index_repo) on the bundled sample repository: contract, symbols, spans, links, flags, stability, determinism."
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from autocode.core import iter_jsonl, load_settings, read_source, sample_repo, split_lines, lines_sha256
from autocode.index_repo import finalize, index_entries, run, walk_repo
from autocode.schema import Chunk, FileRecord

ROOT = Path(__file__).resolve().parents[1]
ORDER_IMPL = "com.acme.shop.portal.service.impl.TrdPortalOrderServiceImpl"


@pytest.fixture(scope="module")
def index(sample_run):
    out = sample_run("01")
    files = list(iter_jsonl(out / "raw_index" / "files.jsonl"))
    chunks = list(iter_jsonl(out / "raw_index" / "repo_index.jsonl"))
    return out, files, chunks


def _settings(repo: Path, out: Path, **over) -> object:
    o = {"run.repo": str(repo), "run.out": str(out), "run.quiet": "true", "run.workers": "1", "index.cache": "false"}
    o.update({k.replace("__", "."): str(v) for k, v in over.items()})
    return load_settings(ROOT / "settings.ini", o)


def by_symbol(chunks: list[dict]) -> dict[str, dict]:
    return {c["symbol"]: c for c in chunks}


def test_records_follow_the_contract(index):
    _, files, chunks = index
    for f in files: assert FileRecord.model_validate(f).model_dump(mode="json") == f
    for c in chunks: assert Chunk.model_validate(c).model_dump(mode="json") == c
    assert len({c["chunk_id"] for c in chunks}) == len(chunks)
    assert len({(c["path"], c["symbol"]) for c in chunks}) == len(chunks)
    assert [f["path"] for f in files] == sorted(f["path"] for f in files)
    order = [(c["path"], c["start_line"]) for c in chunks]
    assert order == sorted(order)


def test_lines_are_the_bytes_of_json_dumps(index):
    "The fast encoder writes exactly what core.write_jsonl (json.dumps, ensure_ascii=False) would."
    out, _, _ = index
    for name in ("repo_index.jsonl", "files.jsonl"):
        data = (out / "raw_index" / name).read_bytes()
        assert data.endswith(b"\n")
        for line in data.split(b"\n")[:-1]:
            assert line == json.dumps(json.loads(line), ensure_ascii=False).encode("utf-8")


def test_every_chunk_hash_matches_the_file(index):
    _, _, chunks = index
    cache: dict[str, list[str]] = {}
    for c in chunks:
        lines = cache.setdefault(c["path"], split_lines(read_source(sample_repo() / c["path"])[0]))
        assert lines_sha256(lines, c["start_line"], c["end_line"]) == c["content_sha256"], c["symbol"]
        if c["end_line"] - c["start_line"] < 100: assert c["text"] == "\n".join(lines[c["start_line"] - 1:c["end_line"]])


def test_known_method_symbol_and_span(index):
    _, _, chunks = index
    m = by_symbol(chunks)[f"{ORDER_IMPL}#cancelOrder(Long)"]
    assert m["kind"] == "method" and m["language"] == "java"
    lines = m["text"].splitlines()
    assert any("cancelOrder(Long orderId)" in ln for ln in lines[:6])
    assert lines[-1].strip() == "}"
    src = split_lines(read_source(sample_repo() / m["path"])[0])
    assert src[m["start_line"] - 2].strip() in ("", "}", "{")       # nothing of the method is left above it
    assert src[m["start_line"] - 1].strip().startswith(("@", "/*", "//", "public"))
    assert src[m["end_line"]].strip() in ("", "}")                   # nor below it
    j = m["java"]
    assert j["package"] == "com.acme.shop.portal.service.impl" and j["type_name"] == "TrdPortalOrderServiceImpl"
    assert j["params"] == [["Long", "orderId"]] and "@Override" in j["annotations"]
    assert j["calls"] and all(m["start_line"] <= c["line"] <= m["end_line"] for c in j["calls"])
    parent = [c for c in chunks if c["chunk_id"] == m["parent_id"]][0]
    assert parent["symbol"] == ORDER_IMPL and parent["kind"] == "class"
    assert parent["java"]["imports"] and "TrdPortalOrderService" in parent["java"]["implements"]


def test_gold_evidence_lies_inside_chunks(index):
    _, _, chunks = index
    gold = ROOT / "tests" / "gold" / "sample_facts.jsonl"
    if not gold.exists(): pytest.skip("no gold facts yet")
    spans: dict[str, list[tuple[int, int]]] = {}
    for c in chunks: spans.setdefault(c["path"], []).append((c["start_line"], c["end_line"]))
    for g in iter_jsonl(gold):
        for ev in g["evidence"]:
            assert any(s <= ev["start_line"] and ev["end_line"] <= e for s, e in spans.get(ev["path"], [])), (g.get("gold_id"), ev)


def test_mapper_statements_link_to_java_methods(index):
    _, _, chunks = index
    stm = [c for c in chunks if c["kind"] == "mapper_statement"]
    assert stm and all(c["mapper"]["java_method"] for c in stm)
    ids = {c["chunk_id"]: c for c in chunks}
    for c in stm:
        target = ids[c["mapper"]["java_chunk_id"]]
        assert target["symbol"] == c["mapper"]["java_method"]
        assert target["java"]["name"] == c["mapper"]["statement_id"]
        assert c["mapper"]["java_method"].startswith(c["mapper"]["namespace"] + "#")
    dao = by_symbol(chunks)["com.acme.shop.admin.dao.PdtSkuStockDao.replaceList"]
    assert dao["mapper"]["tables_written"] == ["pdt_sku_stock"] and "<foreach" in dao["mapper"]["sql"]
    assert dao["text"].lstrip().startswith("<insert") and dao["text"].rstrip().endswith("</insert>")


def test_generated_flags(index):
    _, files, chunks = index
    gen = {f["path"]: f["generated"] for f in files}
    assert gen["shop-mbg/src/main/java/com/acme/shop/model/PdtSkuStockExample.java"]
    assert gen["shop-mbg/src/main/resources/com/acme/shop/mapper/PdtSkuStockMapper.xml"]
    assert not gen["shop-portal/src/main/java/com/acme/shop/portal/service/impl/TrdPortalOrderServiceImpl.java"]
    crit = [c for c in chunks if c["symbol"].startswith("com.acme.shop.model.PdtSkuStockExample.Criteria")]
    assert crit and all(c["generated"] for c in crit)
    assert not any(c["generated"] for c in chunks if c["path"].startswith("shop-portal/"))


def test_config_keys_are_flattened(index):
    _, _, chunks = index
    c = by_symbol(chunks)["shop-portal/src/main/resources/application-dev.yml#spring"]
    assert c["kind"] == "config_block" and c["config"]["profile"] == "dev"
    assert "spring.datasource.password" in c["config"]["keys"] and "spring.rabbitmq.host" in c["config"]["keys"]
    assert c["text"].startswith("spring:")


def test_ddl_columns_with_comments(index):
    _, _, chunks = index
    d = by_symbol(chunks)["ddl:pdt_sku_stock"]["ddl"]
    cols = {c["name"]: c for c in d["columns"]}
    assert d["primary_key"] == ["id"] and d["comment"]
    assert cols["lock_stock"]["comment"] and cols["lock_stock"]["type"].startswith("int")
    assert cols["id"]["nullable"] is False


def test_chunk_id_survives_a_line_inserted_above(tmp_path):
    src = sample_repo() / "shop-portal/src/main/java/com/acme/shop/portal/service/impl/TrdPortalOrderServiceImpl.java"
    repo = tmp_path / "repo"; (repo / "m").mkdir(parents=True)
    dst = repo / "m" / "Impl.java"
    shutil.copy(src, dst)

    def index_once(out):
        run(_settings(repo, out), out, force=True)
        return by_symbol(list(iter_jsonl(out / "raw_index" / "repo_index.jsonl")))
    a = index_once(tmp_path / "a")
    text = dst.read_text(encoding="utf-8").splitlines(keepends=True)
    pkg = next(i for i, ln in enumerate(text) if ln.startswith("package "))
    dst.write_text("".join(text[:pkg + 1] + ["// a new line\n"] + text[pkg + 1:]), encoding="utf-8")
    b = index_once(tmp_path / "b")
    sym = f"{ORDER_IMPL}#cancelOrder(Long)"
    assert b[sym]["start_line"] == a[sym]["start_line"] + 1
    assert b[sym]["chunk_id"] == a[sym]["chunk_id"]
    # editing the method itself changes its id
    lines = dst.read_text(encoding="utf-8").splitlines(keepends=True)
    lines.insert(b[sym]["end_line"] - 1, "        // changed\n")
    dst.write_text("".join(lines), encoding="utf-8")
    c = index_once(tmp_path / "c")
    assert c[sym]["chunk_id"] != a[sym]["chunk_id"]


def test_deterministic_across_runs_and_workers(tmp_path):
    outs = []
    for i, w in enumerate([1, 1, 2]):
        out = tmp_path / f"o{i}"
        run(_settings(sample_repo(), out, run__workers=w), out, force=True)
        outs.append(out)
    for name in ("repo_index.jsonl", "files.jsonl"):
        blobs = {(o / "raw_index" / name).read_bytes() for o in outs}
        assert len(blobs) == 1, name


def test_cache_and_rerun(tmp_path):
    out = tmp_path / "o"
    s = _settings(sample_repo(), out, index__cache="true")
    m1 = run(s, out, force=True)
    first = (out / "raw_index" / "repo_index.jsonl").read_bytes()
    m2 = run(s, out, force=True)               # forced: parsed again, from the cache
    assert m2.counts["cached_files"] == m1.counts["files_indexed"] + m1.counts["files_partial"]
    assert (out / "raw_index" / "repo_index.jsonl").read_bytes() == first
    m3 = run(s, out)                           # unchanged: skipped by the manifest
    assert m3 == m2


def test_walk_honours_gitignore_and_globs(tmp_path):
    repo = tmp_path / "r"
    (repo / "a" / "target").mkdir(parents=True); (repo / "a" / "gen").mkdir()
    (repo / ".gitignore").write_text("*.log\n")
    (repo / "a" / ".gitignore").write_text("gen/\n!keep.log\n")
    for p in ["a/A.java", "a/target/T.java", "a/gen/G.java", "x.log", "a/keep.log", "a/logo.png"]:
        (repo / p).write_text("class A {}\n")
    s = _settings(repo, tmp_path / "o")
    walked = {w.rel: w.note for w in walk_repo(repo, s.index)}
    assert walked == {".gitignore": "not matched by [index] include", "a/.gitignore": "not matched by [index] include",
                      "a/A.java": None, "a/keep.log": "not matched by [index] include", "a/logo.png": "not matched by [index] include"}
    files, chunks = finalize(index_entries(repo, walk_repo(repo, s.index), s.index), validate=True)
    assert [c["symbol"] for c in chunks] == ["A"]


def test_generated_mapper_xml_follows_its_generated_interface(sample_run):
    "Every statement of the generator module's mapper XML is flagged generated (its Java interface carries @mbg.generated)."
    out = sample_run("01")
    stmts = [c for c in map(json.loads, open(out / "raw_index/repo_index.jsonl", encoding="utf-8"))
             if c["kind"] == "mapper_statement"]
    mbg = [c for c in stmts if c["path"].startswith("shop-mbg/")]
    assert mbg and all(c["generated"] for c in mbg)
    assert any(not c["generated"] for c in stmts if "/dao/" in c["path"])
