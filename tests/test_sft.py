"Stage 08 (sft): the output format's round trip, bad inputs, loaders (datasets, TRL), determinism."
from __future__ import annotations

import json
import string
from pathlib import Path

import pytest
from hypothesis import given, settings as hsettings, strategies as st

from autocode.core import AutocodeError, load_settings, sha256_text, write_jsonl
from autocode.schema import Component, Design, TraceAction
from autocode.sft import Citation, Output, ParseError, Step, parse, render, run

ROOT = Path(__file__).resolve().parents[1]

# --- a small, self-contained run folder: an index of Java chunks and validated dataset rows citing them ---

_STATUSES = ["0", "1", "2", "3", "4"]
_ENTITIES = [("Order", "order"), ("Sku", "inventory"), ("Cart", "order"), ("Stock", "inventory"), ("Coupon", "marketing"),
             ("Refund", "order"), ("Member", "member"), ("Return", "order")]


def _java(ent: str, k: int) -> list[str]:
    "A service class with one guarded method."
    st_ = _STATUSES[k % 5]
    return [f"package com.acme.shop.{ent.lower()};", "",
            f"public class {ent}ServiceImpl implements {ent}Service {{",
            f"    private {ent}Mapper {ent[0].lower() + ent[1:]}Mapper;", "",
            f"    public int close{ent}(Long id) {{",
            f"        {ent} item = {ent[0].lower() + ent[1:]}Mapper.selectByPrimaryKey(id);",
            f"        if (item.getStatus() != {st_}) {{",
            f"            Asserts.fail(\"{ent.lower()} is not closable\");",
            "        }",
            f"        item.setStatus({int(st_) + 1});",
            f"        return {ent[0].lower() + ent[1:]}Mapper.updateByPrimaryKey(item);",
            "    }", "}"]


def build_fixture_run(out: Path, n_entities: int = 8, variants: int = 3) -> Path:
    "Write raw_index/repo_index.jsonl and dataset/final_{train,dev,test}.jsonl for a small synthetic repository."
    chunks, rows = [], []
    for k, (ent, domain) in enumerate(_ENTITIES[:n_entities]):
        path = f"shop-{domain}/src/main/java/com/acme/shop/{ent.lower()}/{ent}ServiceImpl.java"
        lines = _java(ent, k)
        text = "\n".join(lines[5:13])  # the method, lines 6-13
        sym = f"com.acme.shop.{ent.lower()}.{ent}ServiceImpl#close{ent}(Long)"
        cid = "c_" + sha256_text(path + sym + sha256_text(text))[:12]
        chunks.append({"chunk_id": cid, "path": path, "language": "java", "kind": "method", "symbol": sym,
                       "start_line": 6, "end_line": 13, "content_sha256": sha256_text(text), "text": text})

        def ev(a, b):
            return {"chunk_id": cid, "path": path, "start_line": a, "end_line": b, "sha256": sha256_text("\n".join(lines[a - 1:b]))}
        st_ = _STATUSES[k % 5]
        split = ["train"] * 6 + ["dev", "test"]
        for v in range(variants):
            for lang in ("en", "zh"):
                group = f"g_{ent}"
                sp = split[k % 8] if k < 8 else "train"
                if lang == "en":
                    q = [f"When does `close{ent}` refuse to close a {ent.lower()}?", f"What status must a {ent.lower()} have for `close{ent}`?",
                         f"Which check guards `close{ent}`?"][v]
                    a = f"`close{ent}` calls `Asserts.fail(\"{ent.lower()} is not closable\")` unless `status` is `{st_}`; then it sets `status` to `{int(st_) + 1}`."
                    claims = [f"`close{ent}` loads the {ent.lower()} with `selectByPrimaryKey`.", f"It fails unless `getStatus() == {st_}`.",
                              f"It writes `status = {int(st_) + 1}` with `updateByPrimaryKey`."]
                else:
                    q = [f"`close{ent}` 什么时候拒绝关闭？", f"`close{ent}` 要求什么状态？", f"`close{ent}` 有什么校验？"][v]
                    a = f"除非 `status` 为 `{st_}`，`close{ent}` 会调用 `Asserts.fail`；否则把 `status` 设为 `{int(st_) + 1}`。"
                    claims = [f"`close{ent}` 用 `selectByPrimaryKey` 读取记录。", f"`getStatus() != {st_}` 时失败。", f"用 `updateByPrimaryKey` 写入 `status = {int(st_) + 1}`。"]
                rows.append({"sample_id": f"qa-{ent}-{v}-{lang}", "task_type": "qa", "language": lang, "domain": domain, "qa_type": "guard",
                             "question": q, "answer": a, "evidence": [ev(7, 7), ev(8, 10), ev(11, 12)],
                             "trace": [{"step": 1, "action": "locate", "claim": claims[0], "evidence": [0]},
                                       {"step": 2, "action": "condition", "claim": claims[1], "evidence": [1]},
                                       {"step": 3, "action": "effect", "claim": claims[2], "evidence": [2]}],
                             "fact_ids": [f"f_{ent}"], "group_id": group, "source": "template", "split": sp, "prompt": q, "response": a})
        design = {"summary": f"Record who closed a {ent.lower()} in `close{ent}`.",
                  "affected_components": [{"kind": "method", "name": sym, "exists": True, "note": ""}],
                  "new_components": [{"kind": "column", "name": f"{ent.lower()}.closed_by", "exists": False, "note": "nullable"}],
                  "api_changes": [], "data_changes": [f"ALTER TABLE {ent.lower()} ADD closed_by BIGINT"],
                  "transaction_consistency": [f"Write `closed_by` in the same update as `status = {int(st_) + 1}`."],
                  "steps": ["Add the column.", f"Set it in `close{ent}`."], "risks": ["Old rows have no value."]}
        req = f"Record which admin closed each {ent.lower()}."
        rows.append({"sample_id": f"design-{ent}", "task_type": "design", "language": "en", "domain": domain, "design_kind": "extend",
                     "requirement": req, "design": design, "evidence": [ev(6, 6), ev(11, 12)],
                     "trace": [{"step": 1, "action": "locate", "claim": f"`close{ent}` is the only writer of the closed status.", "evidence": [0]},
                               {"step": 2, "action": "effect", "claim": "The status is written by `updateByPrimaryKey`.", "evidence": [1]},
                               {"step": 3, "action": "design", "claim": "The new column is written in the same statement.", "evidence": [1]}],
                     "fact_ids": [f"f_{ent}"], "group_id": f"g_{ent}", "source": "template",
                     "split": (["train"] * 6 + ["dev", "test"])[k % 8], "prompt": req,
                     "response": design["summary"]})
    write_jsonl(out / "raw_index" / "repo_index.jsonl", chunks)
    for sp in ("train", "dev", "test"):
        write_jsonl(out / "dataset" / f"final_{sp}.jsonl", [r for r in rows if r["split"] == sp])
    return out


def fixture_settings(out: Path, **over):
    s = load_settings(ROOT / "settings.ini", {"run.out": str(out), "run.quiet": "true", **over})
    return s


@pytest.fixture(scope="module")
def sft_run(tmp_path_factory):
    out = build_fixture_run(tmp_path_factory.mktemp("sft"))
    m = run(fixture_settings(out), out)
    return out, m


# --- the format ---

_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30)
_ident = st.text(alphabet=string.ascii_letters + string.digits + "_-.#()", min_size=1, max_size=20)
_components = st.lists(st.builds(Component, kind=st.sampled_from(Component.model_fields["kind"].annotation.__args__),
                                 name=_text, exists=st.booleans(), note=_text), max_size=3)
_design = st.builds(Design, summary=_text, affected_components=_components, new_components=_components,
                    api_changes=st.lists(_text, max_size=2), data_changes=st.lists(_text, max_size=2),
                    transaction_consistency=st.lists(_text, max_size=2), steps=st.lists(_text, min_size=1, max_size=3),
                    risks=st.lists(_text, max_size=2))
_citation = st.builds(Citation, chunk_id=_ident, path=_text.filter(bool), start_line=st.integers(1, 10**6), end_line=st.integers(1, 10**6))


@st.composite
def outputs(draw):
    cits = draw(st.lists(_citation, max_size=4))
    n = draw(st.integers(0, 5))
    steps = [Step(step=i + 1, action=draw(st.sampled_from(TraceAction.__args__)), claim=draw(_text),
                  evidence=draw(st.lists(st.integers(0, 6), max_size=3))) for i in range(n)]
    if draw(st.booleans()): return Output(answer=draw(_text), citations=cits, trace=steps)
    return Output(design=draw(_design), citations=cits, trace=steps)


@hsettings(max_examples=300, deadline=None)
@given(outputs())
def test_parse_render_roundtrip(o):
    text = render(o)
    assert parse(text) == o
    assert parse(text + "\n") == o


@pytest.mark.parametrize("text, reason", [
    ("", "expected 'Answer: …' or 'Design: …'"),
    ("Answer: x\nTrace:\n1. locate [1]: y", "expected 'Citations:'"),
    ("Answer: x\nCitations:\n[1] c_1 a.java:1-2", "expected 'Trace:'"),
    ("Answer: x\nCitations:\n[1] c_1 a.java:1\nTrace:\n", "'[n] chunk_id path:start-end'"),
    ("Answer: x\nCitations:\n[2] c_1 a.java:1-2\nTrace:\n", "should be [1]"),
    ("Answer: x\nCitations:\n[1] c_1 a.java:1-2\nTrace:\n1. ponder [1]: y", "action"),
    ("Answer: x\nCitations:\n[1] c_1 a.java:1-2\nTrace:\n2. locate [1]: y", "step 2 should be 1"),
    ("Answer: x\nCitations:\n[1] c_1 a.java:1-2\nTrace:\n1. locate [1] y", "'n. action [1,2]: claim'"),
    ("Answer: a\\tb\nCitations:\nTrace:\n", "bad escape"),
    ("Answer: x\nCitations:\nTrace:\nextra", "line 4"),
    ("Design: x\nAffected components:\n- class maybe Foo\nNew components:\n", "component"),
])
def test_parser_rejects_malformed(text, reason):
    with pytest.raises(ParseError) as e:
        parse(text)
    assert reason in str(e.value), str(e.value)


# --- the stage ---

def test_stage_outputs_and_counts(sft_run):
    out, m = sft_run
    rows = {sp: sum(1 for _ in open(out / "dataset" / f"final_{sp}.jsonl")) for sp in ("train", "dev", "test")}
    for mode in ("light", "grounded"):
        for sp, n in rows.items():
            assert m.counts[mode][sp] == n
            for kind in ("messages", "alpaca", "sharegpt"):
                assert sum(1 for _ in open(out / "sft" / f"{kind}_{mode}_{sp}.jsonl")) == n
    chat = json.loads(open(out / "sft" / "messages_grounded_train.jsonl").readline())
    assert [x["role"] for x in chat["messages"]] == ["system", "user", "assistant"]
    o = parse(chat["messages"][2]["content"])
    # the grounded user turn shows exactly the cited lines under their headers
    for i, c in enumerate(o.citations, 1):
        assert f"[{i}] {c.chunk_id} {c.path}:{c.start_line}-{c.end_line}\n" in chat["messages"][1]["content"]
    assert chat["context"] and all(set(b) == {"chunk_id", "path", "start_line", "end_line"} for b in chat["context"])
    light = json.loads(open(out / "sft" / "messages_light_train.jsonl").readline())
    assert "Code:" not in light["messages"][1]["content"] and light["context"] == []
    info = json.loads((out / "sft" / "dataset_info.json").read_text())
    assert len(info) == 3 * 2 * 3 and all((out / "sft" / v["file_name"]).exists() for v in info.values())


def test_loads_with_datasets(sft_run):
    from datasets import load_dataset
    out, _ = sft_run
    for kind in ("messages", "alpaca", "sharegpt"):
        ds = load_dataset("json", data_files=str(out / "sft" / f"{kind}_grounded_train.jsonl"), split="train")
        assert len(ds) > 0
    ds = load_dataset("json", data_files=str(out / "sft" / "messages_grounded_train.jsonl"), split="train")
    assert ds[0]["messages"][2]["role"] == "assistant"


def test_trl_trains_on_the_sample_repo_with_assistant_only_loss(sample_run):
    "TRL's SFTTrainer, as shipped, trains two steps on the grounded export of the sample repository with `assistant_only_loss=True`."
    from datasets import load_dataset
    from transformers import LlamaConfig, LlamaForCausalLM
    from trl import SFTConfig, SFTTrainer
    from autocode.lora import encode_chat, tiny_tokenizer
    out = sample_run("01-08")
    ds = load_dataset("json", data_files=str(out / "sft" / "messages_grounded_train.jsonl"), split="train").select(range(4))
    tok = tiny_tokenizer(out / "sft")   # stage 08's tokenizer with CHAT_TEMPLATE
    model = LlamaForCausalLM(LlamaConfig(vocab_size=len(tok), hidden_size=32, intermediate_size=64, num_hidden_layers=1,
                                         num_attention_heads=2, num_key_value_heads=2, max_position_embeddings=4096,
                                         pad_token_id=tok.pad_token_id, eos_token_id=tok.eos_token_id, bos_token_id=None))
    cfg = SFTConfig(output_dir=str(out / "trl"), max_steps=2, per_device_train_batch_size=2, report_to=[], save_strategy="no",
                    logging_steps=1, use_cpu=True, max_length=4096, assistant_only_loss=True, disable_tqdm=True)
    tr = SFTTrainer(model=model, args=cfg, train_dataset=ds, processing_class=tok)
    # the tokens TRL puts the loss on are exactly the answer turns (end token included) stage 09 trains on
    for ex, rec in zip(tr.train_dataset, ds):
        assert {k: ex[k] for k in ("input_ids", "labels")} == encode_chat(tok, rec["messages"], 10**6)
    res = tr.train()
    assert res.global_step == 2 and res.training_loss > 0


def test_chat_template_markers_render_identically(sft_run):
    "The `{% generation %}` markers render nothing, and the tokens they mark are exactly the answer turn stage 09 trains on."
    from autocode.lora import encode_chat, tiny_tokenizer
    from autocode.sft import render_chat
    out, _ = sft_run
    tok = tiny_tokenizer(out / "sft")
    for chat in list(map(json.loads, open(out / "sft" / "messages_grounded_train.jsonl")))[:5]:
        msgs = chat["messages"]
        assert tok.apply_chat_template(msgs, tokenize=False) == render_chat(msgs)
        assert tok.apply_chat_template(msgs[:-1], tokenize=False, add_generation_prompt=True) == render_chat(msgs[:-1], add_generation_prompt=True)
        enc = tok.apply_chat_template(msgs, tokenize=True, return_dict=True, return_assistant_tokens_mask=True)
        labels = encode_chat(tok, msgs, 10**6)["labels"]
        assert enc["assistant_masks"] == [int(x != -100) for x in labels] and sum(enc["assistant_masks"]) > 0


def test_card_and_length_report_load_with_datasets(sft_run):
    from datasets import load_dataset
    out, m = sft_run
    card = (out / "sft" / "README.md").read_text()
    longest = max(m.counts["grounded"][f"{s}_tokens_max"] for s in ("train", "dev", "test"))
    assert f"`cutoff_len` ≥ **{longest}** keeps every row" in card
    # every config of the card loads; nothing was shortened here, yet the length report is a loadable table
    ds = load_dataset(str(out / "sft"), "length_report", split="train")
    assert len(ds) == 2 * sum(m.counts["rows"].values()) and set(ds["action"]) == {"kept"}
    assert max(t for t, mode in zip(ds["tokens"], ds["mode"]) if mode == "grounded") == longest
    for name in ("messages_grounded", "alpaca_light", "sharegpt_grounded"):
        d = load_dataset(str(out / "sft"), name)
        assert {k: len(v) for k, v in d.items()} == {"train": m.counts[name.split("_")[1]]["train"],
                                                      "validation": m.counts[name.split("_")[1]]["dev"],
                                                      "test": m.counts[name.split("_")[1]]["test"]}


def test_length_limit_shortens_or_drops(tmp_path):
    out = build_fixture_run(tmp_path, n_entities=2, variants=1)
    m0 = run(fixture_settings(out, **{"sft.modes": "grounded"}), out)
    assert m0.counts["grounded"]["shortened"] == m0.counts["grounded"]["dropped"] == 0
    limit = m0.counts["grounded"]["train_tokens_max"] - 5   # the longest chats no longer fit
    m = run(fixture_settings(out, **{"sft.max_length": str(limit), "sft.modes": "grounded"}), out)
    full = [json.loads(x) for x in open(out / "sft" / "length_report.jsonl")]
    assert len(full) == sum(m.counts["rows"].values())   # one record per chat, kept ones included
    rep = [r for r in full if r["action"] != "kept"]
    assert rep and m.counts["grounded"]["shortened"] + m.counts["grounded"]["dropped"] == len(rep)
    for r in rep:
        assert r["action"] in ("shortened", "dropped") and r["tokens"] > limit
        if r["action"] == "shortened": assert r["tokens_after"] <= limit and 1 <= r["steps_kept"] < r["steps"]
    assert m.counts["grounded"]["train_tokens_max"] <= limit
    kept = {json.loads(x)["sample_id"]: json.loads(x) for x in open(out / "sft" / "messages_grounded_train.jsonl")}
    for r in rep:
        if r["action"] == "shortened" and r["split"] == "train":
            assert len(parse(kept[r["sample_id"]]["messages"][2]["content"]).trace) == r["steps_kept"]
        if r["action"] == "dropped": assert r["sample_id"] not in kept
    # far too short: everything is dropped, nothing is cut
    m = run(fixture_settings(out, **{"sft.max_length": "64", "sft.modes": "grounded"}), out)
    assert m.counts["grounded"]["train"] == 0 and m.counts["grounded"]["dropped"] == sum(m.counts["rows"].values())
    # the card names the cutoff_len that keeps every exported row: the longest kept chat
    card = (out / "sft" / "README.md").read_text()
    assert "`cutoff_len` ≥ **0** keeps every row" in card and f"{m.counts['grounded']['dropped']} left out" in card


def test_bad_inputs(tmp_path):
    out = build_fixture_run(tmp_path)
    # a stale evidence hash and a row that is not a dataset row are left out with reasons; the run goes on
    rows = [json.loads(x) for x in open(out / "dataset" / "final_train.jsonl")]
    rows[0]["evidence"][0]["sha256"] = "0" * 64
    rows.append({"sample_id": "broken", "split": "train"})
    write_jsonl(out / "dataset" / "final_train.jsonl", rows)
    m = run(fixture_settings(out), out)
    rep = {(r["sample_id"], r["mode"]): r for r in map(json.loads, open(out / "sft" / "length_report.jsonl"))}
    assert "no longer matches" in rep[(rows[0]["sample_id"], "grounded")]["reason"]
    assert "not a dataset row" in rep[("broken", "*")]["reason"]
    assert m.counts["grounded"]["train"] == len(rows) - 2 and m.counts["light"]["train"] == len(rows) - 1
    with pytest.raises(AutocodeError, match=r"\[sft\] tokenizer"):
        run(fixture_settings(out, **{"sft.tokenizer": str(tmp_path / "nope")}), out, force=True)
    with pytest.raises(AutocodeError, match=r"\[sft\] modes"):
        run(fixture_settings(out, **{"sft.modes": "light, heavy"}), out, force=True)
    (out / "raw_index" / "repo_index.jsonl").unlink()
    with pytest.raises(AutocodeError, match="stage 01"):
        run(fixture_settings(out), out, force=True)
    with pytest.raises(AutocodeError, match="stage 06"):
        run(fixture_settings(tmp_path / "empty"), tmp_path / "empty")


def test_deterministic_and_skips(tmp_path, sft_run):
    out0, m0 = sft_run
    out = build_fixture_run(tmp_path)
    m = run(fixture_settings(out), out)
    assert m.outputs == m0.outputs  # byte-identical artifacts, tokenizer included
    assert run(fixture_settings(out), out).timings == m.timings  # unchanged inputs: skipped


def test_tiny_tokenizer_whole_pieces_and_no_unknowns(sft_run):
    "Chunk ids, paths and line numbers seen in training are one token each; unseen text (any script) still round-trips."
    from tokenizers import Tokenizer
    from autocode.sft import train_tiny_tokenizer
    out, _ = sft_run
    tok = Tokenizer.from_file(str(out / "sft" / "tokenizer" / "tokenizer.json"))
    chat = json.loads(open(out / "sft" / "messages_grounded_train.jsonl").readline())
    c = parse(chat["messages"][2]["content"]).citations[0]
    line = f"[1] {c.chunk_id} {c.path}:{c.start_line}-{c.end_line}"
    pieces = tok.encode(line).tokens
    assert f"Ġ{c.chunk_id}" in pieces and f"Ġ{c.path}" in pieces and len(pieces) == 9, pieces
    odd = "never seen: c_0123abcd 订单取消 ✓ \\x \t end"
    assert tok.decode(tok.encode(odd).ids) == odd and None not in tok.encode(odd).ids
    texts = ["a b c_99 c_99 x/y.java:1-2", "x/y.java:1-2"]
    assert train_tiny_tokenizer(texts, 300).to_str() == train_tiny_tokenizer(texts, 300).to_str()
