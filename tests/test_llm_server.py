"""The LLM backend (stage 04) and `autocode eval` against a real OpenAI-compatible server: `transformers serve`
in a subprocess on a free local port, serving a tiny random Llama built offline. Its answers are noise, so the
tests check what must hold for any model: rejection with reasons, fallback to the template text, the cache
(a rerun makes no calls and writes the same bytes) and the accounting."""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

for _m in ("openai", "fastapi", "uvicorn", "peft"):
    pytest.importorskip(_m)

from autocode import lora, sft  # noqa: E402
from autocode.cli import main  # noqa: E402
from autocode.core import AutocodeError, iter_jsonl, load_settings, parse_stages, read_json, sample_repo, stage_module  # noqa: E402
from test_sft import build_fixture_run, fixture_settings  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory):
    "A fixture run through stage 08, and a tiny random Llama on its tokenizer saved as a Hugging Face directory."
    out = build_fixture_run(tmp_path_factory.mktemp("llm_server"))
    sft.run(fixture_settings(out, **{"sft.tiny_vocab_size": "400"}), out)
    tok = lora.tiny_tokenizer(out / "sft")
    model = lora.build_tiny_model(tok, hidden=32, layers=1, heads=2, max_positions=32768)
    folder = out / "tiny_model"
    model.save_pretrained(folder)
    tok.save_pretrained(folder)
    return out, folder


@pytest.fixture(scope="module")
def server(tiny_model, tmp_path_factory):
    "`transformers serve` on the tiny model (offline, CPU); yields (base_url, model name); always terminated."
    exe = Path(sys.executable).with_name("transformers")
    if not exe.exists(): pytest.skip("the transformers CLI is not installed")
    port, log = _free_port(), tmp_path_factory.mktemp("serve") / "serve.log"
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "OMP_NUM_THREADS": "1"}
    with open(log, "w") as f:
        proc = subprocess.Popen([str(exe), "serve", str(tiny_model[1]), "--host", "127.0.0.1", "--port", str(port), "--device", "cpu",
                                 "--log-level", "warning"], stdout=f, stderr=subprocess.STDOUT, env=env, start_new_session=True)
    try:
        deadline = time.monotonic() + 240          # start-up on a busy 2-core machine; not a speed assertion
        while True:
            if proc.poll() is not None: pytest.fail(f"transformers serve exited with {proc.returncode}: {log.read_text()[-2000:]}")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2): break
            except OSError:
                if time.monotonic() > deadline: pytest.fail(f"transformers serve did not come up: {log.read_text()[-2000:]}")
                time.sleep(0.5)
        yield f"http://127.0.0.1:{port}/v1", str(tiny_model[1])
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try: proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL); proc.wait()


def _settings(out: Path, **over):
    base = {"run.repo": str(sample_repo()), "run.out": str(out), "run.quiet": "true", "qa.quota_per_domain": "8"}
    return load_settings(ROOT / "settings.ini", {**base, **over})


def test_backend_rejects_falls_back_caches_and_counts(server, tmp_path):
    url, name = server
    out = tmp_path / "run"
    s = _settings(out)
    for st in parse_stages("01-04"): stage_module(st).run(s, out)
    qa_file = out / "samples" / "qa_raw.jsonl"
    template = qa_file.read_bytes()
    n = len(template.splitlines())
    assert 4 <= n <= 40

    llm = _settings(out, **{"qa.llm": "true", "llm.backend": "openai", "llm.base_url": url, "llm.model": name, "llm.max_tokens": "24",
                            "llm.concurrency": "2", "llm.retries": "1", "llm.backoff": "0.1"})
    m = stage_module(parse_stages("04")[0]).run(llm, out, force=True)
    c = m.counts["llm"]
    assert (c["calls"], c["cache_hits"], c["errors"]) == (n, 0, 0), c
    assert c["accepted"] + c["rejected"] == n and c["rejected"] >= 1 and sum(c["rejections"].values()) == c["rejected"]
    assert c["prompt_tokens"] > n and c["completion_tokens"] > 0
    assert all(ex["reasons"] and ":" in ex["reasons"][0] for ex in c["rejected_examples"])
    before = {r["sample_id"]: r for r in map(json.loads, template.splitlines())}
    after = list(iter_jsonl(qa_file))
    assert len(after) == n
    for r in after:                               # a rejected rewrite keeps the template text; evidence is never the model's
        b = before[r["sample_id"]]
        assert (r["evidence"], r["trace"], r["fact_ids"]) == (b["evidence"], b["trace"], b["fact_ids"])
        if r["source"] == "template": assert r == b
    assert len(list((out / ".cache" / "llm").rglob("*.json"))) == n

    first = qa_file.read_bytes()
    m2 = stage_module(parse_stages("04")[0]).run(llm, out, force=True)
    assert (m2.counts["llm"]["calls"], m2.counts["llm"]["cache_hits"]) == (0, n)
    assert qa_file.read_bytes() == first
    assert {k: v for k, v in m2.counts["llm"].items() if k not in ("calls", "cache_hits", "prompt_tokens", "completion_tokens")} == \
        {k: v for k, v in c.items() if k not in ("calls", "cache_hits", "prompt_tokens", "completion_tokens")}


def test_backend_none_with_llm_on_names_the_fix(tmp_path):
    from autocode.llm import make_client
    with pytest.raises(AutocodeError, match=r"\[llm\] backend = openai"):
        make_client(_settings(tmp_path, **{"qa.llm": "true"}), tmp_path)


def test_eval_endpoint_and_local_side_by_side(server, tiny_model, capsys):
    url, name = server
    out, folder = tiny_model
    args = ["eval", "--model", f"{url}#{name}", "--model", str(folder), "--out", str(out), "--quiet",
            "--set", "infer.max_new_tokens=16", "--set", "infer.limit=4"]
    assert main(args) == 0
    res = read_json(out / "eval" / "results.json")
    labels = [m["label"] for m in res["models"]]
    assert res["n"] == 4 and len(labels) == 2 and [m["kind"] for m in res["models"]] == ["endpoint", "local"]
    assert res["models"][0]["calls"]["calls"] == 4 and res["models"][0]["calls"]["cache_hits"] == 0
    preds = list(iter_jsonl(out / "eval" / "predictions.jsonl"))
    assert len(preds) == 4 and all(set(labels) <= set(p) for p in preds)
    assert all(p[lab]["pass"] is False and p[lab]["failures"] for p in preds for lab in labels)    # noise never passes
    report = (out / "eval" / "report.md").read_text()
    assert "## By question type" in report and all(lab in report for lab in labels)
    assert all(t in report for t in res["by_type"]) and (out / "eval" / "figures" / "by_type.png").stat().st_size > 1000
    first = (out / "eval" / "predictions.jsonl").read_bytes()
    assert main(args[:3] + args[5:]) == 0            # the endpoint alone, again: answered from the cache
    res2 = read_json(out / "eval" / "results.json")
    assert (res2["models"][0]["calls"]["calls"], res2["models"][0]["calls"]["cache_hits"]) == (0, 4)
    assert [json.loads(l)[labels[0]] for l in (out / "eval" / "predictions.jsonl").read_text().splitlines()] == \
        [json.loads(l)[labels[0]] for l in first.decode().splitlines()]
    assert "pass" in capsys.readouterr().out
