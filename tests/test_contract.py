"""The data contract: the JSON-schema snapshots match the models, example records round-trip, settings.ini and
Settings agree, the real artifacts of the sample run obey the contract, and the generated docs are current."""
from __future__ import annotations

import configparser
import json
import re
from pathlib import Path

import jsonschema
import pytest
from pydantic import ValidationError

from autocode import schema
from autocode.core import STAGES, AutocodeError, dumps, iter_jsonl, load_settings, read_json, sha256_text
from autocode.docs import index_markdown, schema_markdown
from autocode.schema import (CONTRACT, SCHEMA_VERSION, Chunk, Component, Design, DesignSample, Domain, DomainMap, Entity,
                             Evidence, Fact, FileRecord, JavaInfo, Manifest, QASample, Rejected, RulesAndFlows, Settings,
                             TraceStep)

ROOT = Path(__file__).resolve().parents[1]
SCHEMAS = ROOT / "data" / "schemas"
FIX = "run `make schemas` and commit data/schemas/ and docs/01_dataset_schema.md"


# --- snapshots ----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(CONTRACT))
def test_snapshot_matches_model(name):
    path = SCHEMAS / f"{name}.json"
    assert path.exists(), f"{path} is missing: {FIX}"
    snap = json.loads(path.read_text(encoding="utf-8"))
    assert snap["schema_version"] == SCHEMA_VERSION, f"{path}: schema_version {snap['schema_version']} != {SCHEMA_VERSION}"
    assert snap == schema.contract_schemas()[name], f"{path} differs from autocode.schema.{CONTRACT[name].__name__}: {FIX}"


def test_no_stale_snapshots():
    assert sorted(p.stem for p in SCHEMAS.glob("*.json")) == sorted(CONTRACT), FIX


def test_schema_reference_is_current():
    assert (ROOT / "docs" / "01_dataset_schema.md").read_text(encoding="utf-8") == schema_markdown(), FIX


# --- example records ----------------------------------------------------------------------------------------------

H = sha256_text("x")
EV = Evidence(chunk_id="c1", path="shop-portal/src/main/java/com/x/OrderServiceImpl.java", start_line=10, end_line=12, sha256=H)
TRACE = [TraceStep(step=1, action="locate", claim="`cancelOrder` loads the order", evidence=[0]),
         TraceStep(step=2, action="condition", claim="status must be `0`", evidence=[0]),
         TraceStep(step=3, action="conclusion", claim="otherwise it returns", evidence=[0])]
DESIGN = Design(summary="Add a cancel reason", affected_components=[Component(kind="method", name="OrderServiceImpl#cancelOrder(Long)", exists=True)],
                new_components=[Component(kind="column", name="trd_order.cancel_reason", exists=False, note="new")], steps=["add the column"])
EXAMPLES = {
    "file_record": FileRecord(path="pom.xml", language="maven", size=120, sha256=H, status="indexed", encoding="utf-8", n_lines=5, n_chunks=1),
    "chunk": Chunk(chunk_id="c1", path=EV.path, language="java", kind="method", symbol="com.x.OrderServiceImpl#cancelOrder(Long)",
                   start_line=10, end_line=20, content_sha256=H, text="public void cancelOrder(Long id) {}",
                   java=JavaInfo(package="com.x", type_name="OrderServiceImpl", name="cancelOrder", params=[("Long", "id")])),
    "evidence": EV,
    "domain_map": DomainMap(repo="sample_repo", domains=[Domain(name="order", prefixes=["Trd"], tables=["trd_order"],
                            entities=[Entity(name="TrdOrder", table="trd_order", evidence=[EV])])], file_domains={EV.path: "order"}),
    "fact": Fact(fact_id="f1", kind="guard", domain="order", subject="com.x.OrderServiceImpl#cancelOrder(Long)",
                 summary="cancelOrder only cancels orders with status 0", fields={"condition": "status == 0"}, evidence=[EV]),
    "rules_and_flows": RulesAndFlows(repo="sample_repo", facts=[], counts={"guard": 0}),
    "trace_step": TRACE[0],
    "qa_sample": QASample(sample_id="q1", language="zh", domain="order", qa_type="rule", question="取消订单的条件是什么？",
                          answer="只有 `status` 为 `0` 的订单可以取消", evidence=[EV], trace=TRACE[:2], fact_ids=["f1"], group_id="g1"),
    "design_sample": DesignSample(sample_id="d1", language="en", domain="order", design_kind="extend", requirement="Record why an order was cancelled",
                                  design=DESIGN, evidence=[EV], trace=TRACE, fact_ids=["f1"], group_id="g1"),
    "dataset_row": schema.DatasetRow(sample_id="q1", task_type="qa", language="en", domain="order", qa_type="rule", question="q?", answer="a",
                                     evidence=[EV], trace=TRACE[:2], fact_ids=["f1"], group_id="g1", split="train", prompt="q?", response="a"),
    "rejected": Rejected(sample_id="q2", task_type="qa", reasons=["evidence hash mismatch"], sample={"sample_id": "q2"}),
    "manifest": Manifest(stage="01_index_repo", schema_version=SCHEMA_VERSION, package_version="0.1.0", settings={"index": {}},
                         inputs={"repo": H}, outputs={"raw_index/files.jsonl": H}, counts={"files": 1}, timings={"total": 0.1}),
    "settings": Settings(),
}


def test_every_contract_model_has_an_example():
    assert sorted(EXAMPLES) == sorted(CONTRACT)


@pytest.mark.parametrize("name", sorted(CONTRACT))
def test_example_round_trips(name):
    m, x = CONTRACT[name], EXAMPLES[name]
    assert isinstance(x, m)
    assert m.model_validate_json(x.model_dump_json()) == x
    assert m.model_validate(json.loads(dumps(x))) == x                     # the way artifacts are written and read
    jsonschema.validate(json.loads(dumps(x)), json.loads((SCHEMAS / f"{name}.json").read_text()))  # the snapshot accepts it
    with pytest.raises(ValidationError, match="Extra inputs are not permitted"):
        m.model_validate({**x.model_dump(mode="json"), "unexpected_field": 1})


def test_contract_rejects_what_it_should():
    with pytest.raises(ValidationError): Evidence(chunk_id="c", path="a", start_line=0, end_line=1, sha256=H)   # lines are 1-based
    with pytest.raises(ValidationError): Evidence(chunk_id="c", path="a", start_line=1, end_line=1, sha256="abc")
    with pytest.raises(ValidationError): TraceStep(step=1, action="locate", claim="c", evidence=[])           # a step cites evidence
    with pytest.raises(ValidationError): QASample(**{**EXAMPLES["qa_sample"].model_dump(), "trace": TRACE[:1]})
    with pytest.raises(ValidationError): QASample(**{**EXAMPLES["qa_sample"].model_dump(), "language": "fr"})


# --- settings.ini and Settings ------------------------------------------------------------------------------------

def test_settings_ini_and_model_have_the_same_keys():
    cp = configparser.ConfigParser(interpolation=None)
    cp.read(ROOT / "settings.ini", encoding="utf-8")
    ini = {s: set(cp[s]) for s in cp.sections()}
    model = {s: set(f.annotation.model_fields) for s, f in Settings.model_fields.items()}
    assert set(ini) == set(model), (set(ini) ^ set(model))
    for sec in model:
        assert ini[sec] == model[sec], f"[{sec}] only in settings.ini: {sorted(ini[sec] - model[sec])}; only in Settings: {sorted(model[sec] - ini[sec])}"


def test_settings_ini_loads_and_rejects_unknown_keys(tmp_path):
    s = load_settings(ROOT / "settings.ini")
    assert Path(s.run.repo) == (ROOT / "data" / "sample_repo").resolve()
    assert load_settings(ROOT / "settings.ini", {"qa.languages": "en"}).qa.languages == ["en"]
    bad = tmp_path / "settings.ini"
    bad.write_text((ROOT / "settings.ini").read_text(encoding="utf-8").replace("[qa]\n", "[qa]\nlanguagez = en\n", 1), encoding="utf-8")
    with pytest.raises(AutocodeError, match=r"settings.ini \[qa\] languagez: unknown key"):
        load_settings(bad)


# --- the real artifacts of the sample run obey the contract -------------------------------------------------------

JSONL = {"raw_index/files.jsonl": FileRecord, "raw_index/repo_index.jsonl": Chunk, "samples/qa_raw.jsonl": QASample,
         "samples/design_tasks.jsonl": DesignSample, "dataset/final_train.jsonl": schema.DatasetRow,
         "dataset/final_dev.jsonl": schema.DatasetRow, "dataset/final_test.jsonl": schema.DatasetRow, "dataset/rejected.jsonl": Rejected}
DOCS = {"extracted/domain_map.json": DomainMap, "extracted/rules_and_flows.json": RulesAndFlows}


def test_sample_run_artifacts_obey_the_contract(sample_run):
    out = sample_run("01-06")
    seen = 0
    for rel, model in JSONL.items():
        for rec in iter_jsonl(out / rel):
            model.model_validate(rec); seen += 1
    for rel, model in DOCS.items():
        doc = model.model_validate(read_json(out / rel))
        assert doc.schema_version == SCHEMA_VERSION
    for st in STAGES[:6]:
        m = Manifest.model_validate(read_json(st.manifest_path(out)))
        assert m.schema_version == SCHEMA_VERSION and m.stage == st.name
        assert set(st.outputs) <= set(m.outputs), st.name
    assert seen > 100


# --- docs ---------------------------------------------------------------------------------------------------------

def test_readme_is_the_index_notebook():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert readme == index_markdown(), "README.md differs from nbs/index.ipynb: run `make readme` and commit"
    assert re.match(r"# autocode\n+```bash\nmake demo[^\n]*\nmake test", readme), "README.md must start with `make demo` / `make test`"
    assert "autocode run --repo ../mall --out data/runs/mall" in readme
    for st in STAGES: assert f"`{st.notebook}`" in readme and f"`{st.module}`" in readme, st.name


def test_paths_named_in_docs_exist():
    "Every nbs/, autocode/, tests/, tools/, bench/ or docs/ path that a document names is in the tree."
    docs = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    missing = []
    for d in docs:
        for p in re.findall(r"`((?:nbs|autocode|tests|tools|bench|docs|data/schemas)/[\w./-]+\.(?:ipynb|py|md|json))`", d.read_text(encoding="utf-8")):
            if "*" not in p and not (ROOT / p).exists(): missing.append(f"{d.name}: {p}")
    assert not missing, missing
