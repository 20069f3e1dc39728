"""No credential value of the repository leaves the machine (issue 14, item 2).

A copy of the bundled sample repository gets credentials planted in every form the detector covers
(YAML, properties-style URLs, `.env`, Java constants, SQL `DEFAULT`s, Markdown; AWS keys, GitHub
tokens, JWTs, PEM private keys, passwords in URLs, generated values under unusual keys). The
pipeline runs on it, and every file meant to leave the machine is scanned for every planted value,
raw and in the encodings files use (JSON escapes, HTML, URL)."""
from __future__ import annotations

import html
import json
import random
import shutil
import string
import urllib.parse
from pathlib import Path

import pytest

from autocode.core import iter_jsonl, load_settings, parse_stages, sample_repo, stage_module
from autocode.credentials import Credentials, find_credentials, run_credentials

ROOT = Path(__file__).resolve().parents[1]
SHARED = ("dataset", "sft", "reports", "notebooks", "lora", "infer")   # the folders of a run meant to leave the machine


def _rand(rng: random.Random, n: int, alphabet: str = string.ascii_letters + string.digits) -> str:
    while True:   # letters and at least one digit: what a generated key looks like
        s = "".join(rng.choice(alphabet) for _ in range(n))
        if any(c.isdigit() for c in s) and any(c.isalpha() for c in s): return s


def planted() -> dict[str, str]:
    "The planted credentials by form, assembled at run time so that no secret scanner flags this file."
    rng = random.Random(14)
    b64 = string.ascii_letters + string.digits + "+/"
    jwt = lambda: ("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9." + "eyJzdWIiOiJzaG9wIiwiaWF0IjoxNzAwMDAwMDAwfQ."
                   + _rand(rng, 43, string.ascii_letters + string.digits + "-_"))
    return {
        "yaml_merchant_key": _rand(rng, 24),                       # order.payment.merchant-key: an unusual key name
        "yaml_aws_access_key": "AKIA" + _rand(rng, 16, string.ascii_uppercase + string.digits),
        "yaml_aws_secret": _rand(rng, 40, b64),
        "yaml_url_password": "Pw" + _rand(rng, 10),                 # jdbc:mysql://user:PASSWORD@host
        "yaml_jwt": jwt(),
        "env_secret": "EnvPass-" + _rand(rng, 8),                   # only in .env and quoted in README.md
        "java_github_token": "ghp_" + _rand(rng, 36),
        "java_merchant_key": _rand(rng, 28),                        # MERCHANT_KEY = "…": an unusual constant name
        "java_sign_secret": "Jv8#" + _rand(rng, 12),                # SIGN_SECRET = "…"
        "java_jwt": jwt(),
        "pem_line_1": "MII" + _rand(rng, 61, b64),
        "pem_line_2": _rand(rng, 64, b64),
        "sql_default_token": "tk-" + _rand(rng, 14),               # `notify_token` … DEFAULT '…'
        "sql_default_merchant_key": _rand(rng, 20),                # `merchant_key` … DEFAULT '…'
        "md_github_token": "ghp_" + _rand(rng, 36),
        "md_jwt": jwt(),
    }


def _append(p: Path, text: str): p.write_text(p.read_text(encoding="utf-8").rstrip("\n") + "\n" + text, encoding="utf-8")


def _insert_after(p: Path, anchor: str, text: str):
    s = p.read_text(encoding="utf-8")
    assert anchor in s, f"{p}: {anchor!r} not found"
    p.write_text(s.replace(anchor, anchor + text, 1), encoding="utf-8")


def leaky_repo(root: Path) -> tuple[Path, dict[str, str]]:
    "A copy of the sample repository with the planted credentials in every form."
    v, repo = planted(), root / "leaky-shop"
    shutil.copytree(sample_repo(), repo)
    portal = repo / "shop-portal/src/main/resources"
    yml = portal / "application.yml"   # a line that samples cite: the JWT signing secret
    yml.write_text(yml.read_text(encoding="utf-8").replace("secret: acme-jwt-signing-key-5f2b9c", f"secret: {v['yaml_jwt']}"), encoding="utf-8")
    _append(portal / "application.yml", f"""
order:
  payment:
    merchant-key: {v['yaml_merchant_key']}
    callback-jwt: "{v['yaml_jwt']}"
aws:
  access-key-id: {v['yaml_aws_access_key']}
  secret-access-key: "{v['yaml_aws_secret']}"
pay:
  private-key: |
    -----BEGIN RSA PRIVATE KEY-----
    {v['pem_line_1']}
    {v['pem_line_2']}
    -----END RSA PRIVATE KEY-----
""")
    _insert_after(portal / "application-dev.yml", "  datasource:\n",
                  f"    report-url: jdbc:mysql://report:{v['yaml_url_password']}@localhost:3306/acme_report\n")
    (repo / ".env").write_text(f"# local secrets\nPAYMENT_API_SECRET={v['env_secret']}\nLOG_LEVEL=info\n", encoding="utf-8")
    impl = repo / "shop-portal/src/main/java/com/acme/shop/portal/service/impl/TrdPortalOrderServiceImpl.java"
    _insert_after(impl, "public class TrdPortalOrderServiceImpl implements TrdPortalOrderService {\n",
                  f'    private static final String MERCHANT_KEY = "{v["java_merchant_key"]}";\n'
                  f'    public static final String SIGN_SECRET = "{v["java_sign_secret"]}";\n'
                  f'    private static final String CALLBACK_JWT = "{v["java_jwt"]}";\n')
    (impl.parent.parent.parent / "config").mkdir(exist_ok=True)
    (impl.parent.parent.parent / "config" / "PayKeys.java").write_text(f"""package com.acme.shop.portal.config;

public class PayKeys {{
    public static final String GITHUB_TOKEN = "{v['java_github_token']}";
    public static final String PRIVATE_KEY = "-----BEGIN RSA PRIVATE KEY-----\\n"
        + "{v['pem_line_1']}\\n"
        + "{v['pem_line_2']}\\n"
        + "-----END RSA PRIVATE KEY-----";

    public String sign(String body) {{
        return body + GITHUB_TOKEN.length();
    }}
}}
""", encoding="utf-8")
    _insert_after(repo / "document/sql/schema.sql", "  `comment_overtime` int(11) DEFAULT 7 COMMENT '订单完成后自动好评时间（天）',\n",
                  f"  `notify_token` varchar(64) DEFAULT '{v['sql_default_token']}' COMMENT '回调令牌',\n"
                  f"  `merchant_key` varchar(64) DEFAULT '{v['sql_default_merchant_key']}' COMMENT '商户密钥',\n")
    _append(repo / "README.md", f"""
## Local setup

The dev payment secret is `{v['env_secret']}` (see `.env`).

```bash
export GITHUB_TOKEN={v['md_github_token']}
curl -H "Authorization: Bearer {v['md_jwt']}" http://localhost:8085/order/list
```
""")
    return repo, v


def encodings(value: str) -> set[str]:
    "The forms a value takes in the files of a run: raw, JSON-escaped (both ways), HTML-escaped, URL-encoded."
    return {value, json.dumps(value)[1:-1], json.dumps(value, ensure_ascii=False)[1:-1], html.escape(value),
            urllib.parse.quote(value, safe=""), urllib.parse.quote_plus(value)}


def leaks(out: Path, values: dict[str, str]) -> list[str]:
    "`file: form` for every planted value found in a file meant to leave the machine (binary files included)."
    found = []
    for folder in SHARED:
        for p in sorted((out / folder).rglob("*")):
            if not p.is_file(): continue
            data = p.read_bytes()
            for form, v in values.items():
                if any(e.encode("utf-8") in data for e in encodings(v)): found.append(f"{p.relative_to(out)}: {form}")
    return found


@pytest.fixture(scope="module")
def leaky(tmp_path_factory):
    "The leaky repository and a run folder with stages 01-08 (inline) on it."
    root = tmp_path_factory.mktemp("creds")
    repo, values = leaky_repo(root)
    out = root / "run"
    s = load_settings(ROOT / "settings.ini", {"run.repo": str(repo), "run.out": str(out), "run.quiet": "true"})
    for st in parse_stages("01-08"): stage_module(st).run(s, out)
    return repo, values, out, s


def test_every_planted_form_is_detected(leaky):
    repo, values, out, _ = leaky
    found = run_credentials(out, repo).values
    assert sorted(k for k, v in values.items() if v not in found) == []
    # the planted values are really in the repository's index: the scan below is not vacuous
    index = (out / "raw_index/repo_index.jsonl").read_text(encoding="utf-8")
    assert sorted(k for k, v in values.items() if k != "env_secret" and v not in index and json.dumps(v)[1:-1] not in index) == []


def cited_forms(repo: Path, out: Path, values: dict[str, str]) -> set[str]:
    "The planted forms that occur in lines the final samples cite: what the outputs would quote without redaction."
    lines = set()
    for sp in ("train", "dev", "test"):
        for r in iter_jsonl(out / f"dataset/final_{sp}.jsonl"):
            for e in r["evidence"]:
                text = (repo / e["path"]).read_text(encoding="utf-8").split("\n")
                lines.add("\n".join(text[e["start_line"] - 1:e["end_line"]]))
    blob = "\n".join(lines)
    return {k for k, v in values.items() if v in blob}


def test_no_planted_value_leaves_the_machine(leaky):
    repo, values, out, _ = leaky
    # cited credentials in each form the index parses (YAML value, JWT, SQL DEFAULT): the scan is not vacuous
    assert {"yaml_jwt", "sql_default_token", "sql_default_merchant_key"} <= cited_forms(repo, out, values)
    assert leaks(out, values) == []
    # cited lines that held credentials reach the SFT exports redacted, and the tokenizer never saw them
    grounded = (out / "sft/messages_grounded_train.jsonl").read_text(encoding="utf-8")
    assert "<REDACTED>" in grounded
    assert "REDACTED" in (out / "sft/tokenizer/tokenizer.json").read_text(encoding="utf-8")


def test_rejected_samples_are_redacted(leaky):
    "A rejected sample keeps its raw text for auditing, but not the repository's credentials."
    _, values, out, s = leaky
    raw = out / "samples/qa_raw.jsonl"
    first = next(iter_jsonl(raw))
    bad = {**first, "sample_id": "qa-leaky", "answer": f"The key is `{values['yaml_merchant_key']}` and `ghp_{'x' * 36}`.",
           "evidence": [{**first["evidence"][0], "sha256": "0" * 64}]}
    raw.write_text(raw.read_text(encoding="utf-8") + json.dumps(bad, ensure_ascii=False) + "\n", encoding="utf-8")
    stage_module(parse_stages("06")[0]).run(s, out, force=True)
    rej = [r for r in iter_jsonl(out / "dataset/rejected.jsonl") if r["sample_id"] == "qa-leaky"]
    assert len(rej) == 1 and "<REDACTED>" in rej[0]["sample"]["answer"] and rej[0]["reasons"][0].startswith("hash_mismatch")
    assert leaks(out, values) == [] and "ghp_" + "x" * 36 not in (out / "dataset/rejected.jsonl").read_text(encoding="utf-8")


def test_lora_and_infer_outputs_are_clean(leaky, tmp_path):
    "Stages 09-10 (a few steps of the tiny model): the adapter, its tokenizer and the predictions hold no planted value."
    pytest.importorskip("peft")
    repo, values, out, s = leaky
    fast = {"lora.max_steps": "2", "lora.tiny_hidden": "32", "lora.tiny_layers": "1", "lora.tiny_heads": "2",
            "infer.max_new_tokens": "8", "infer.limit": "1"}
    s = load_settings(ROOT / "settings.ini", {"run.repo": str(repo), "run.out": str(out), "run.quiet": "true", **fast})
    for st in parse_stages("09-10"): stage_module(st).run(s, out)
    assert (out / "lora/adapter/tokenizer.json").exists() and (out / "infer/predictions.jsonl").exists()
    assert leaks(out, values) == []


def test_sample_repository_keeps_its_code(sample_run):
    "On the sample repository only the values of its credential config keys are found: no ordinary code is taken for a secret."
    from autocode.credentials import is_secret_key
    out = sample_run("01-01")
    configured = {v for c in iter_jsonl(out / "raw_index/repo_index.jsonl") if c.get("config")
                  for k, v in c["config"]["keys"].items() if is_secret_key(k)}
    assert configured and set(run_credentials(out, sample_repo()).values) == configured


@pytest.mark.parametrize("line,path,expected", [
    ("    password: Shop#Dev2024! # the dev password", "app/application.yml", {"Shop#Dev2024!"}),
    ("order.payment.merchant-key=7fKq2ZpX9mLr4TbW8nVc3HsJ", "app/application.properties", {"7fKq2ZpX9mLr4TbW8nVc3HsJ"}),
    ("PAYMENT_API_SECRET=EnvPass-5521", ".env.local", {"EnvPass-5521"}),
    ("    password: ${DB_PASSWORD:dev-Pass1}", "app/application-dev.yml", {"dev-Pass1"}),   # a placeholder's default
    ('    private static final String MERCHANT_KEY = "Qz4mX8pL2vR7nT5wK9cB3dF6";', "src/Pay.java", {"Qz4mX8pL2vR7nT5wK9cB3dF6"}),
    ("  `notify_token` varchar(64) DEFAULT 'tk-88Qw3eRt5yU' COMMENT 'x',", "db/schema.sql", set()),   # a DDL default: see below
    ("    url: jdbc:mysql://shop:Pw4Url-9xQ@db:3306/shop", "app/application.yml", {"Pw4Url-9xQ"}),
    ("export GITHUB_TOKEN=ghp_" + "r8Kd2mQ7xZ4pL9vB3nW6tY1cF5hJ0sAe8uGi", "README.md", {"ghp_r8Kd2mQ7xZ4pL9vB3nW6tY1cF5hJ0sAe8uGi"}),
    ("aws_access_key_id = AKIA" + "QX7Z2LMN4PRS8TUV", "README.md", {"AKIAQX7Z2LMN4PRS8TUV"}),
    ('String t = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJzaG9wIn0.Xk3u9QmZ2pR7vL4wB8nT6yC1dF5hJ0sA";', "src/T.java",
     {"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJzaG9wIn0.Xk3u9QmZ2pR7vL4wB8nT6yC1dF5hJ0sA"}),   # all three parts of a JWT
    ("    int total = orderItemList.size() * 2;", "src/Order.java", set()),
    ("  tokenHeader: Authorization # JWT存储的请求头", "app/application.yml", set()),
    ("    orderId: 'portal:orderId'", "app/application.yml", set()),
    ("    return passwordEncoder.matches(password, user.getPassword());", "src/User.java", set()),
])
def test_each_form_in_one_line(line, path, expected):
    from autocode.schema import Chunk
    c = Chunk(chunk_id="c-1", path=path, language="other", kind="file", symbol=path, start_line=1, end_line=1,
              content_sha256="0" * 64, text=line)
    assert set(find_credentials([c])) == expected


def test_sql_default_and_pem_from_the_index():
    from autocode.schema import Chunk, DdlColumn, DdlInfo
    pem = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\nk9Xc2Lq8Rw4Zp7Nc3Vb6Mn1Qa5Ws\n-----END PRIVATE KEY-----"
    ddl = Chunk(chunk_id="c-2", path="db/schema.sql", language="sql", kind="ddl_table", symbol="pay", start_line=1, end_line=1,
                content_sha256="0" * 64, text="  `notify_token` varchar(64) DEFAULT 'tk-88Qw3eRt5yU'",
                ddl=DdlInfo(table="pay", columns=[DdlColumn(name="notify_token", type="varchar(64)", default="tk-88Qw3eRt5yU"),
                                                  DdlColumn(name="status", type="int", default="0")]))
    doc = Chunk(chunk_id="c-3", path="README.md", language="markdown", kind="doc_section", symbol="x", start_line=1, end_line=4,
                content_sha256="0" * 64, text=pem)
    found = find_credentials([ddl, doc])
    assert set(found) == {"tk-88Qw3eRt5yU", "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7", "k9Xc2Lq8Rw4Zp7Nc3Vb6Mn1Qa5Ws"}
    assert Credentials(found).redact(pem).count("<REDACTED>") == 2


def test_executed_notebook_is_redacted(leaky):
    "The papermill path: stage 01's executed notebook prints index records; its copy in notebooks/ holds no planted value."
    from autocode.core import get_stage
    from autocode.pipeline import execute_notebook, write_settings
    repo, values, out, s = leaky
    nb = execute_notebook(get_stage("01"), write_settings(s, out / "notebooks" / "settings.ini"), out, quiet=True)
    text = nb.read_text(encoding="utf-8")
    assert "<REDACTED>" in text and leaks(out, values) == []
