"Stages 09 (lora) and 10 (infer): a tiny-model LoRA run on a fixture, the checks, bad inputs, determinism."
from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("peft")

from autocode import infer, lora, sft  # noqa: E402
from autocode.core import AutocodeError, iter_jsonl  # noqa: E402
from autocode.sft import Citation, parse, render  # noqa: E402
from test_sft import build_fixture_run, fixture_settings  # noqa: E402

FAST = {"lora.epochs": "3", "lora.learning_rate": "3e-3", "lora.tiny_hidden": "32", "lora.tiny_layers": "1", "lora.tiny_heads": "2",
        "sft.tiny_vocab_size": "400", "infer.max_new_tokens": "24", "infer.limit": "3"}


@pytest.fixture(scope="module")
def tiny_run(tmp_path_factory):
    out = build_fixture_run(tmp_path_factory.mktemp("lora"), n_entities=8, variants=1)
    s = fixture_settings(out, **FAST)
    sft.run(s, out)
    m9 = lora.run(s, out)
    m10 = infer.run(s, out)
    return out, s, m9, m10


def test_lora_trains_and_saves(tiny_run):
    out, s, m, _ = tiny_run
    log = list(iter_jsonl(out / "lora" / "train_log.jsonl"))
    assert len(log) == m.counts["steps"] > 3 and set(log[0]) == {"step", "epoch", "loss", "lr", "tokens"}
    assert log[-1]["loss"] < log[0]["loss"] and m.counts["dev_loss_after"] < m.counts["dev_loss_before"]
    ad = out / "lora" / "adapter"
    cfg = json.loads((ad / "adapter_config.json").read_text())
    assert (ad / "adapter_model.safetensors").exists() and (ad / "tokenizer.json").exists()
    assert cfg["r"] == s.lora.r and set(cfg["modules_to_save"]) == {"embed_tokens", "lm_head"}
    assert (out / "lora" / "base_tiny" / "config.json").exists() and (out / "lora" / "loss.png").stat().st_size > 1000
    assert m.counts["trainable_params"] < m.counts["total_params"]
    assert "lora/adapter/adapter_model.safetensors" in m.outputs


def test_labels_cover_only_the_assistant_turn(tiny_run):
    out, _, _, _ = tiny_run
    tok = lora.tiny_tokenizer(out / "sft")
    chat = next(iter_jsonl(out / "sft" / "messages_grounded_train.jsonl"))
    e = lora.encode_chat(tok, chat["messages"], 4096)
    ans = [t for t, lab in zip(e["input_ids"], e["labels"]) if lab != -100]
    assert tok.decode(ans) == chat["messages"][2]["content"] + "<|end|>"
    assert e["labels"][:len(e["labels"]) - len(ans)] == [-100] * (len(e["labels"]) - len(ans))


def test_infer_outputs_and_checks(tiny_run):
    out, s, _, m = tiny_run
    preds = list(iter_jsonl(out / "infer" / "predictions.jsonl"))
    checks = json.loads((out / "infer" / "checks.json").read_text())
    assert checks["n"] == len(preds) == 3 == m.counts["n"]
    assert {"pass_rate", "complete", "parses", "citations_exist", "in_context", "trace_cites", "evidence_iou", "answer_f1"} <= set(checks["tuned"])
    assert checks["loss_first"] > checks["loss_last"]
    for p in preds:
        for who in ("base", "tuned"):
            j = p[who]
            assert set(j["checks"]) == {*infer.CHECKS, "complete"} and j["checks"]["complete"] == j["stopped"]
            assert (j["parsed"] is None) == (j["parse_error"] is not None)
            assert j["pass"] == all(v for v in j["checks"].values() if v is not None)
    # a random base cannot write the format (24 new tokens are not even enough)
    assert checks["base"]["pass_rate"] == 0.0


def test_reference_passes_and_planted_citation_fails(tiny_run):
    out, _, _, _ = tiny_run
    ranges = infer.load_ranges(out / "raw_index" / "repo_index.jsonl")
    for chat in iter_jsonl(out / "sft" / "messages_grounded_test.jsonl"):
        ref_text = chat["messages"][2]["content"]
        ref = parse(ref_text)
        ok = infer.judge(ref_text, True, ranges, chat["context"], ref)
        assert ok["pass"] and ok["scores"] == {"evidence_iou": 1.0, "answer_f1": 1.0}
        cut = infer.judge(ref_text, False, ranges, chat["context"], ref)  # the same text, but cut off by max_new_tokens
        assert cut["parsed"] is not None and not cut["pass"] and cut["failures"] == ["complete: no end of turn within max_new_tokens"]
        # the same answer citing a real chunk the prompt did not show: exists, but out of context
        other = next(cid for cid in ranges if cid not in {c.chunk_id for c in ref.citations})
        p, a, b = ranges[other]
        bad = ref.model_copy(update={"citations": [Citation(chunk_id=other, path=p, start_line=a, end_line=b)] + ref.citations[1:]})
        j = infer.judge(render(bad), True, ranges, chat["context"], ref)
        assert j["checks"]["citations_exist"] and not j["checks"]["in_context"] and not j["pass"]
        assert any("not in the code shown" in f for f in j["failures"])
        # a range outside its chunk fails citations_exist
        c0 = ref.citations[0]
        far = ref.model_copy(update={"citations": [c0.model_copy(update={"end_line": c0.end_line + 1000})] + ref.citations[1:]})
        assert not infer.judge(render(far), True, ranges, chat["context"], ref)["checks"]["citations_exist"]
        # garbage is reported as a parse error, not repaired
        g = infer.judge("Answer: x\nCitation:\n", True, ranges, chat["context"], ref)
        assert g["parsed"] is None and "expected 'Citations:'" in g["parse_error"]
        break


def test_bad_inputs(tmp_path):
    out = build_fixture_run(tmp_path, n_entities=2, variants=1)
    s = fixture_settings(out, **FAST)
    with pytest.raises(AutocodeError, match="stage 08"):
        lora.run(s, out)
    sft.run(s, out)
    with pytest.raises(AutocodeError, match=r"\[lora\] base_model"):
        lora.run(fixture_settings(out, **{**FAST, "lora.base_model": str(tmp_path / "no-model")}), out)
    (tmp_path / "fake").mkdir(); (tmp_path / "fake" / "config.json").write_text("{}")
    with pytest.raises(AutocodeError, match="cannot load a causal LM"):
        lora.run(fixture_settings(out, **{**FAST, "lora.base_model": str(tmp_path / "fake")}), out)
    with pytest.raises(AutocodeError, match="stage 09"):
        infer.run(s, out)


def test_lora_deterministic(tmp_path, tiny_run):
    out0, _, m0, _ = tiny_run
    out = build_fixture_run(tmp_path, n_entities=8, variants=1)
    s = fixture_settings(out, **FAST)
    sft.run(s, out)
    m = lora.run(s, out)
    assert m.outputs["lora/train_log.jsonl"] == m0.outputs["lora/train_log.jsonl"]
    assert m.outputs["lora/adapter/adapter_model.safetensors"] == m0.outputs["lora/adapter/adapter_model.safetensors"]


def test_sample_repo_tuned_beats_base(sample_run):
    "The project's settings on the sample repo (about 2-3 minutes): the tuned tiny model learnt the format, the random base did not."
    out = sample_run("01-10")
    checks = json.loads((Path(out) / "infer" / "checks.json").read_text())
    base, tuned = checks["base"], checks["tuned"]
    assert base["parses"] <= 0.05 and base["pass_rate"] <= 0.05, base
    assert tuned["parses"] >= base["parses"] + 0.2 and tuned["complete"] >= base["complete"] + 0.2, tuned
    assert tuned["citations_exist"] > base["citations_exist"] and tuned["pass_rate"] >= base["pass_rate"], tuned
    assert checks["loss_last"] < checks["loss_first"] / 2


def test_local_model_directory(tmp_path, tiny_run):
    "A local Hugging Face model directory as [sft] tokenizer and [lora] base_model (here: the tiny base saved by stage 09)."
    out0 = tiny_run[0]
    base = tmp_path / "base"
    import shutil
    shutil.copytree(out0 / "lora" / "base_tiny", base)
    out = build_fixture_run(tmp_path / "run", n_entities=8, variants=1)
    s = fixture_settings(out, **{**FAST, "sft.tokenizer": str(base), "lora.base_model": str(base), "lora.mode": "light", "lora.max_steps": "3"})
    m8 = sft.run(s, out)
    assert m8.counts["tokenizer"] == str(base) and any(k.startswith("tokenizer/") for k in m8.inputs)
    m9 = lora.run(s, out)
    assert m9.counts["modules_to_save"] == [] and m9.counts["target_modules"] == ["k_proj", "o_proj", "q_proj", "v_proj"]
    assert m9.counts["steps"] == 3 and not (out / "lora" / "base_tiny").exists()
    m10 = infer.run(s, out)
    checks = json.loads((out / "infer" / "checks.json").read_text())
    assert checks["mode"] == "light" and "in_context" not in checks["tuned"] and m10.counts["n"] == 3
