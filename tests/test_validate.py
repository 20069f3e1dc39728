"Stage 06 (validate): every check catches the bad input it is there for; splits are deterministic and load with datasets."
from __future__ import annotations

import json
from pathlib import Path

import pytest

from autocode.core import AutocodeError, iter_jsonl, lines_sha256, load_settings, sha256_text, split_lines, write_jsonl
from autocode.schema import Chunk, ConfigInfo, JavaInfo, MapperInfo
from autocode.validate import SPLITS, assign_splits, leakage, run

ROOT = Path(__file__).resolve().parents[1]
SVC = "src/main/java/com/acme/shop/StockService.java"
YML = "src/main/resources/application.yml"
XML = "src/main/resources/mapper/SkuStockMapper.xml"
CREDENTIAL = "Wq7-planted-Pw"

METHODS = [  # name, guard literal, effect
    ("lockStock", "库存不足", "stock.setLockStock(stock.getLockStock() + quantity);"),
    ("releaseStock", "锁定库存不足", "stock.setLockStock(stock.getLockStock() - quantity);"),
    ("deductStock", "扣减失败", "stock.setStock(stock.getStock() - quantity);"),
    ("restock", "补货数量无效", "stock.setStock(stock.getStock() + quantity);"),
    ("freezeSku", "商品已冻结", "stock.setStatus(2);"),
    ("unfreezeSku", "商品未冻结", "stock.setStatus(1);"),
    ("markLowStock", "预警值无效", "stock.setLowStock(quantity);"),
    ("clearLowStock", "预警未设置", "stock.setLowStock(0);"),
]


def java_source() -> str:
    out = ["package com.acme.shop;", "", "public class StockService {"]
    for name, msg, effect in METHODS:
        out += [f"    public int {name}(Long skuId, int quantity) {{",
                "        SkuStock stock = skuStockMapper.selectByPrimaryKey(skuId);",
                f"        if (quantity <= 0) {{ Asserts.fail(\"{msg}\"); }}",
                f"        {effect}",
                "        return skuStockMapper.updateByPrimaryKeySelective(stock);",
                "    }"]
    return "\n".join(out + ["}", ""])


def make_repo(root: Path) -> Path:
    repo = root / "repo"
    for rel, text in [(SVC, java_source()),
                      (YML, f"spring:\n  datasource:\n    username: shop\n    password: {CREDENTIAL}\njwt:\n  tokenHeader: Authorization\n"),
                      (XML, '<mapper namespace="com.acme.shop.SkuStockMapper">\n  <update id="lockStock">\n'
                            '    update sku_stock set lock_stock = lock_stock + #{quantity} where id = #{id}\n  </update>\n</mapper>\n')]:
        (repo / rel).parent.mkdir(parents=True, exist_ok=True)
        (repo / rel).write_text(text, encoding="utf-8")
    return repo


def make_index(repo: Path) -> list[Chunk]:
    lines = split_lines((repo / SVC).read_text())
    def ch(cid, path, kind, symbol, s, e, lns, **kw):
        text = "\n".join(lns[s - 1:e])
        return Chunk(chunk_id=cid, path=path, language="java", kind=kind, symbol=symbol, start_line=s, end_line=e,
                     content_sha256=sha256_text(text), text=text, **kw)
    chunks = [ch("cls", SVC, "class", "com.acme.shop.StockService", 3, len(lines), lines,
                 java=JavaInfo(type_name="StockService", annotations=['@RequestMapping("/stock")']))]
    for i, (name, _, _) in enumerate(METHODS):
        s = 4 + 6 * i
        chunks.append(ch(f"m-{name}", SVC, "method", f"com.acme.shop.StockService#{name}(Long,int)", s, s + 5, lines,
                         parent_id="cls", java=JavaInfo(type_name="StockService", name=name,
                                                        annotations=[f'@PostMapping("/{name}")'])))
    ylines = split_lines((repo / YML).read_text())
    chunks.append(ch("cfg", YML, "config_block", "application.yml#spring", 1, 4, ylines,
                     config=ConfigInfo(keys={"spring.datasource.username": "shop", "spring.datasource.password": CREDENTIAL})))
    xlines = split_lines((repo / XML).read_text())
    chunks.append(ch("st-lock", XML, "mapper_statement", "com.acme.shop.SkuStockMapper.lockStock", 2, 4, xlines,
                     mapper=MapperInfo(namespace="com.acme.shop.SkuStockMapper", statement_id="lockStock", statement_type="update",
                                       sql="update sku_stock set lock_stock = lock_stock + #{quantity} where id = #{id}",
                                       tables_written=["sku_stock"])))
    return chunks


def ev(lines, cid, s, e, path=SVC):
    return {"chunk_id": cid, "path": path, "start_line": s, "end_line": e, "sha256": lines_sha256(lines, s, e)}


def make_samples(repo: Path) -> tuple[list[dict], list[dict]]:
    lines = split_lines((repo / SVC).read_text())
    qa, design = [], []
    for i, (name, msg, effect) in enumerate(METHODS):
        s = 4 + 6 * i
        e1, e2 = ev(lines, f"m-{name}", s + 2, s + 2), ev(lines, f"m-{name}", s + 3, s + 4)
        field = effect.split("(")[0].replace("stock.", "")
        trace = [{"step": 1, "action": "condition", "claim": f"`{name}` checks `quantity`", "evidence": [0]},
                 {"step": 2, "action": "effect", "claim": f"then calls `{field}`", "evidence": [1]}]
        common = {"task_type": "qa", "domain": "inventory" if i % 2 else "order", "qa_type": "guard", "evidence": [e1, e2],
                  "trace": trace, "fact_ids": [f"f-{name}"], "group_id": f"g-{name}"}
        qa.append({**common, "sample_id": f"qa-{name}-en", "language": "en",
                   "question": f"What does `StockService.{name}` check before it writes the stock row of SKU number {i}?",
                   "answer": f"If `quantity <= 0` it fails with `{msg}`; otherwise `{effect.rstrip(';')}` runs and "
                             f"`skuStockMapper.updateByPrimaryKeySelective(stock)` saves it."})
        qa.append({**common, "sample_id": f"qa-{name}-zh", "language": "zh",
                   "question": f"`StockService.{name}` 在写入第 {i} 个 SKU 的库存前检查什么？",
                   "answer": f"当 `quantity <= 0` 时抛出 `{msg}`；否则执行 `{effect.rstrip(';')}`，"
                             f"再由 `skuStockMapper.updateByPrimaryKeySelective(stock)` 保存。"})
    e = [ev(lines, "m-lockStock", 5, 5), ev(lines, "m-lockStock", 7, 8)]
    design.append({"sample_id": "design-audit-en", "task_type": "design", "language": "en", "domain": "inventory",
                   "design_kind": "extension", "requirement": "Record every stock lock in an audit table.",
                   "design": {"summary": "Write an audit row after `StockService.lockStock` updates the stock.",
                              "affected_components": [{"kind": "method", "name": "StockService#lockStock", "exists": True},
                                                      {"kind": "endpoint", "name": "POST /stock/lockStock", "exists": True},
                                                      {"kind": "statement", "name": "SkuStockMapper.lockStock", "exists": True},
                                                      {"kind": "table", "name": "sku_stock", "exists": True}],
                              "new_components": [{"kind": "table", "name": "sku_stock_audit", "exists": False}],
                              "steps": ["Insert into `sku_stock_audit` in the same transaction as `updateByPrimaryKeySelective`."],
                              "risks": ["Audit writes slow down `lockStock`."]},
                   "evidence": e,
                   "trace": [{"step": 1, "action": "locate", "claim": "`lockStock` loads the row", "evidence": [0]},
                             {"step": 2, "action": "effect", "claim": "it updates `lockStock`", "evidence": [1]},
                             {"step": 3, "action": "design", "claim": "audit after the update", "evidence": [1]}],
                   "fact_ids": ["f-lockStock"], "group_id": "g-lockStock"})
    return qa, design


@pytest.fixture()
def toy(tmp_path):
    "A run folder with a hand-made index and samples over a small repository; returns (settings, out, qa, design)."
    repo = make_repo(tmp_path)
    out = tmp_path / "run"
    chunks = make_index(repo)
    write_jsonl(out / "raw_index/repo_index.jsonl", chunks)
    write_jsonl(out / "raw_index/files.jsonl", [])
    qa, design = make_samples(repo)
    settings = load_settings(ROOT / "settings.ini", {"run.repo": str(repo), "run.out": str(out), "run.quiet": "true"})
    return settings, out, qa, design


def write_samples(out: Path, qa: list[dict], design: list[dict]) -> None:
    write_jsonl(out / "samples/qa_raw.jsonl", qa)
    write_jsonl(out / "samples/design_tasks.jsonl", design)


def rejected(out: Path) -> dict[str, list[str]]:
    return {r["sample_id"]: r["reasons"] for r in iter_jsonl(out / "dataset/rejected.jsonl")}


def rows(out: Path) -> list[dict]:
    return [r for sp in SPLITS for r in iter_jsonl(out / f"dataset/final_{sp}.jsonl")]


def test_clean_samples_all_pass(toy):
    settings, out, qa, design = toy
    write_samples(out, qa, design)
    m = run(settings, out)
    assert rejected(out) == {}
    assert m.counts["final"] == len(qa) + len(design)
    assert all(m.counts[sp] > 0 for sp in SPLITS)


def test_tampered_evidence_range_is_rejected(toy):
    settings, out, qa, design = toy
    qa[0]["evidence"][0]["start_line"] -= 1            # same hash, different lines
    qa[1]["evidence"][1]["end_line"] += 400            # past the chunk and the file
    write_samples(out, qa, design)
    run(settings, out)
    rej = rejected(out)
    assert any(r.startswith("hash_mismatch: evidence[0]") for r in rej[qa[0]["sample_id"]])
    assert any(r.startswith("outside_chunk: evidence[1]") for r in rej[qa[1]["sample_id"]])
    assert any(r.startswith("hash_mismatch: evidence[1]") and "outside" in r for r in rej[qa[1]["sample_id"]])
    assert {qa[0]["sample_id"], qa[1]["sample_id"]}.isdisjoint(r["sample_id"] for r in rows(out))


def test_trace_step_without_evidence_is_rejected(toy):
    settings, out, qa, design = toy
    qa[2]["trace"][1]["evidence"] = [2]                # the sample has two evidence items: 0 and 1
    design[0]["trace"][2]["evidence"] = [7]
    write_samples(out, qa, design)
    run(settings, out)
    rej = rejected(out)
    assert rej[qa[2]["sample_id"]] == ["trace_evidence: step 2 cites evidence [2], but the sample has 2 evidence"]
    assert rej["design-audit-en"] == ["trace_evidence: step 3 cites evidence [7], but the sample has 2 evidence"]


def test_invented_identifier_is_rejected(toy):
    settings, out, qa, design = toy
    qa[4]["answer"] += " It also calls `stockLedger.recordLock(stock)`."
    qa[5]["answer"] = qa[5]["answer"].replace(METHODS[2][1], "库存已被冻结")   # a message the code does not have
    design[0]["design"]["affected_components"].append({"kind": "class", "name": "StockAuditService", "exists": True})
    write_samples(out, qa, design)
    run(settings, out)
    rej = rejected(out)
    assert rej[qa[4]["sample_id"]] == ["unknown_identifier: `stockLedger.recordLock(stock)` names recordLock, stockLedger, "
                                       "found neither in the cited lines nor in the index",
                                       "quote_not_in_evidence: `stockLedger.recordLock(stock)` does not occur in the cited lines"]
    assert rej[qa[5]["sample_id"]][0].startswith("unknown_literal: `库存已被冻结`")
    assert rej["design-audit-en"] == ["unknown_component: class `StockAuditService` is marked existing but is not in the index"]


def test_schema_violation_is_rejected_with_pydantic_message(toy):
    settings, out, qa, design = toy
    del qa[0]["group_id"]
    qa[1]["trace"] = qa[1]["trace"][:1]
    write_samples(out, qa, design)
    run(settings, out)
    rej = rejected(out)
    assert rej[qa[0]["sample_id"]] == ["schema: group_id: Field required"]
    assert rej[qa[1]["sample_id"]][0].startswith("schema: trace: List should have at least 2 items")


def test_near_duplicate_pair_keeps_one(toy):
    settings, out, qa, design = toy
    twin = json.loads(json.dumps(qa[0]))
    twin["sample_id"] = "qa-twin"
    twin["group_id"] = "g-twin"                       # another group, so only dedup can catch it
    twin["fact_ids"] = ["f-twin"]
    twin["answer"] = twin["answer"].replace("saves it.", "then saves it.")
    exact = {**json.loads(json.dumps(qa[0])), "sample_id": "qa-exact", "group_id": "g-exact", "fact_ids": ["f-exact"],
             "question": qa[0]["question"].upper()}
    write_samples(out, qa + [twin, exact], design)
    run(settings, out)
    stats = json.loads((out / "dataset/stats.json").read_text())
    assert (stats["duplicates"]["exact"], stats["duplicates"]["near"]) == (1, 1)
    cluster = stats["duplicates"]["clusters"][0]
    assert cluster["kept"] == "qa-exact"               # equally specific: the smallest sample_id wins
    assert {x["sample_id"]: x["kind"] for x in cluster["removed"]} == {"qa-twin": "near", qa[0]["sample_id"]: "exact"}
    assert rejected(out)["qa-twin"][0].startswith("near_duplicate: of qa-exact (jaccard 0.9")
    assert not {"qa-twin", qa[0]["sample_id"]} & {r["sample_id"] for r in rows(out)}
    assert stats["leakage"]["near_duplicates_across_splits"] == []


def test_planted_credential_is_redacted(toy):
    settings, out, qa, design = toy
    qa[0]["answer"] += f" The database password is `{CREDENTIAL}`."           # the repo's value, as prose
    qa[2]["answer"] += ' A test fixture sets client_secret = "Tq93mZx0LpA8vW21".'      # prose, not in the repo: detect-secrets
    write_samples(out, qa, design)
    run(settings, out)
    final = {r["sample_id"]: r for r in rows(out)}
    assert final[qa[0]["sample_id"]]["answer"].endswith("The database password is `<REDACTED>`.")
    assert final[qa[0]["sample_id"]]["response"].endswith("`<REDACTED>`.")
    assert 'client_secret = "<REDACTED>"' in final[qa[2]["sample_id"]]["answer"]
    text = (out / "dataset").joinpath("final_train.jsonl").read_text() + (out / "dataset/final_dev.jsonl").read_text() \
        + (out / "dataset/final_test.jsonl").read_text()
    assert CREDENTIAL not in text and "Tq93mZx0LpA8vW21" not in text
    stats = json.loads((out / "dataset/stats.json").read_text())
    assert stats["redactions"]["by_kind"]["repository credential"] >= 1
    assert stats["redactions"]["samples"] == 2


def test_group_spread_across_splits_is_caught():
    rows_ = [{"sample_id": "a", "group_id": "g1", "fact_ids": ["f1"], "split": "train", "language": "en", "task_type": "qa",
              "question": "What does `lockStock` check?", "answer": "`quantity`"},
             {"sample_id": "b", "group_id": "g1", "fact_ids": ["f2"], "split": "test", "language": "zh", "task_type": "qa",
              "question": "`lockStock` 检查什么？", "answer": "`quantity`"},
             {"sample_id": "c", "group_id": "g2", "fact_ids": ["f2"], "split": "dev", "language": "en", "task_type": "qa",
              "question": "Which statement locks stock in the warehouse table?", "answer": "`lockStock`"}]
    lk = leakage(rows_)
    assert lk["shared_groups"] == ["g1"] and lk["shared_facts"] == ["f2"]
    # and the splitter never produces it: a, b (same group) and c (shared fact) land together
    split = assign_splits([{**r, "domain": "x"} for r in rows_] + [
        {"sample_id": f"z{i}", "group_id": f"z{i}", "fact_ids": [f"fz{i}"], "domain": "x", "task_type": "qa"} for i in range(5)],
        {"train": 0.6, "dev": 0.2, "test": 0.2}, seed=1)
    assert split["a"] == split["b"] == split["c"]
    assert set(split.values()) == set(SPLITS)


def test_splits_are_identical_across_runs(toy, tmp_path):
    settings, out, qa, design = toy
    write_samples(out, qa, design)
    run(settings, out)
    first = {p.name: p.read_bytes() for p in sorted((out / "dataset").iterdir()) if "manifest" not in p.name}
    m = run(settings, out, force=True)
    assert {p.name: p.read_bytes() for p in sorted((out / "dataset").iterdir()) if "manifest" not in p.name} == first
    assert run(settings, out).outputs == m.outputs                      # skipped: same manifest
    write_samples(out, list(reversed(qa)), design)                      # input order does not matter
    run(settings, out)
    assert {p.name: p.read_bytes() for p in sorted((out / "dataset").iterdir()) if "manifest" not in p.name} == first
    other = settings.model_copy(deep=True)
    other.validate.seed = 99
    run(other, out, force=True)
    splits = {r["sample_id"]: r["split"] for r in rows(out)}
    assert len(set(splits.values())) == 3


def test_load_dataset_reads_the_splits(toy):
    datasets = pytest.importorskip("datasets")
    settings, out, qa, design = toy
    write_samples(out, qa, design)
    run(settings, out)
    d = out / "dataset"
    ds = datasets.load_dataset("json", data_files={sp: str(d / f"final_{sp}.jsonl") for sp in SPLITS},
                               cache_dir=str(out / "hf_cache"))
    assert sum(len(ds[sp]) for sp in SPLITS) == len(qa) + len(design)
    assert set(ds["train"].column_names) >= {"prompt", "response", "evidence", "trace", "design", "split"}
    card = (d / "README.md").read_text()
    assert card.startswith("---\n") and "task_categories:" in card and "- zh" in card
    # the card's own configs work too: load the folder
    ds2 = datasets.load_dataset(str(d), cache_dir=str(out / "hf_cache2"))
    assert sorted(ds2) == ["test", "train", "validation"]


def test_bad_settings_and_missing_inputs(toy):
    settings, out, qa, design = toy
    with pytest.raises(AutocodeError, match="run stage 04"):
        run(settings, out)
    write_samples(out, qa, design)
    bad = settings.model_copy(deep=True)
    bad.validate.train = 0.9
    with pytest.raises(AutocodeError, match=r"\[validate\] train \+ dev \+ test"):
        run(bad, out)


def test_malformed_lines_are_recorded_and_the_run_goes_on(toy):
    settings, out, qa, design = toy
    write_samples(out, qa, design)
    with open(out / "samples/qa_raw.jsonl", "a", encoding="utf-8") as f:
        f.write('{"sample_id": "broken", "answer": \n')
        f.write('["not", "an", "object"]\n')
    m = run(settings, out)
    rej = rejected(out)
    assert rej["samples/qa_raw.jsonl:17"][0].startswith("schema: line 17 is not valid JSON")
    assert rej["samples/qa_raw.jsonl:18"] == ["schema: line 18 is a JSON list, not an object"]
    assert m.counts["input"] == len(qa) + len(design) + 2 and m.counts["final"] == len(qa) + len(design)


def test_empty_inputs_give_empty_splits(toy):
    settings, out, qa, design = toy
    write_samples(out, [], [])
    m = run(settings, out)
    assert (m.counts["input"], m.counts["final"]) == (0, 0)
    assert all((out / f"dataset/final_{sp}.jsonl").read_text() == "" for sp in SPLITS)
    assert "size_categories:\n- n<1K" in (out / "dataset/README.md").read_text()
