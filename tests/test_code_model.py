"The code model (raw_index/code_model.jsonl): contract, one parse per file, identity across modules, framework profiles."
from __future__ import annotations

import json
from pathlib import Path

import pytest

from autocode.core import AutocodeError, iter_jsonl, load_settings, sample_repo
from autocode.index_repo import run
from autocode.lang.model import FileModel

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "code_model"


def _settings(repo: Path, out: Path, **over):
    o = {"run.repo": str(repo), "run.out": str(out), "run.quiet": "true", "run.workers": "1", "index.cache": "false"}
    o.update({k.replace("__", "."): str(v) for k, v in over.items()})
    return load_settings(ROOT / "settings.ini", o)


def _model(out: Path) -> dict[str, dict]:
    return {r["path"]: r for r in iter_jsonl(out / "raw_index" / "code_model.jsonl")}


@pytest.fixture(scope="module")
def fixture_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("cm")
    m = run(_settings(FIXTURE, out), out)
    return out, m, _model(out)


def _type(recs: dict, path_end: str, name: str | None = None) -> dict:
    (r,) = [r for p, r in recs.items() if p.endswith(path_end)]
    return r["types"][0] if name is None else next(t for t in r["types"] if t["name"] == name)


def _method(recs: dict, path_end: str, name: str) -> dict:
    return next(m for m in _type(recs, path_end)["methods"] if m["name"] == name)


def _roles(el: dict, name: str) -> list[dict]:
    return [r["attrs"] for r in el["roles"] if r["name"] == name]


# --- contract, determinism and parse counts -------------------------------------------------------

def test_records_follow_the_contract_in_path_order(fixture_run):
    out, _, recs = fixture_run
    lines = (out / "raw_index" / "code_model.jsonl").read_bytes().split(b"\n")[:-1]
    for line in lines:
        rec = json.loads(line)
        assert json.loads(FileModel.model_validate(rec).model_dump_json()) == rec
    assert list(recs) == sorted(recs)
    java = [p for p in recs if p.endswith(".java")]
    assert len(java) == sum(1 for _ in FIXTURE.rglob("*.java"))


def test_one_parse_per_java_file_and_none_when_cached(tmp_path):
    repo = sample_repo()
    n_java = sum(1 for p in repo.rglob("*.java"))
    cold = run(_settings(repo, tmp_path / "cold"), tmp_path / "cold")
    assert cold.counts["java_parses"] == n_java
    first = run(_settings(repo, tmp_path / "c", index__cache="true"), tmp_path / "c")
    again = run(_settings(repo, tmp_path / "c", index__cache="true"), tmp_path / "c", force=True)
    assert (first.counts["java_parses"], again.counts["java_parses"]) == (n_java, 0)
    assert again.counts["cached_files"] > 0
    model = (tmp_path / "c" / "raw_index" / "code_model.jsonl").read_bytes()
    assert model == (tmp_path / "cold" / "raw_index" / "code_model.jsonl").read_bytes()   # the cache gives the same model


def test_deep_and_long_syntax_does_not_crash(tmp_path):
    repo = tmp_path / "repo"
    (repo / "src").mkdir(parents=True)
    deep = ("class Deep {\n  int sum(int a) { return " + " + ".join(["a"] * 600) + "; }\n"
            "  void nest(boolean a) {\n" + "if (a) {\n" * 400 + "call();\n" + "}\n" * 400 + "  }\n}\n")
    (repo / "src" / "Deep.java").write_text(deep)
    m = run(_settings(repo, tmp_path / "out"), tmp_path / "out")
    (rec,) = _model(tmp_path / "out").values()
    sum_m, nest = rec["types"][0]["methods"]
    assert (m.counts["java_parses"], sum_m["name"], len(nest["body"]["branches"])) == (1, "sum", 400)
    assert nest["body"]["calls"][0]["line"] == 404


def test_unknown_profile_names_the_setting(tmp_path):
    with pytest.raises(AutocodeError, match=r"\[index\] profiles"):
        run(_settings(FIXTURE, tmp_path, index__profiles="spring_web, struts"), tmp_path)


def test_no_profiles_no_roles(tmp_path):
    s = _settings(FIXTURE, tmp_path)
    s.index.profiles = []
    run(s, tmp_path)
    recs = _model(tmp_path)
    assert not any(m["roles"] for r in recs.values() for t in r["types"] for m in t["methods"])
    assert [s["source"] for r in recs.values() for s in r["statements"]] == ["mybatis_xml", "mybatis_xml"]


# --- identity: the same class in two build modules -------------------------------------------------

def test_same_class_in_two_modules_keeps_its_own_file_and_lines(fixture_run):
    _, _, recs = fixture_run
    money = {r["module"]: (p, r["types"][0]) for p, r in recs.items() if p.endswith("common/Money.java")}
    assert sorted(money) == ["order", "stock"]
    for module, (path, t) in money.items():
        assert t["uid"] == f"{module}:{path}:com.acme.common.Money"
        lines = (FIXTURE / path).read_text().splitlines()
        cents = next(m for m in t["methods"] if m["name"] == "cents")
        assert "cents()" in lines[cents["start_line"] - 1]         # the method's lines are this file's lines
        assert lines[cents["end_line"] - 1].strip() == "}"
    assert [b["condition"] for b in _method(recs, "stock/src/main/java/com/acme/common/Money.java", "cents")["body"]["branches"]] == ["scale == 0"]
    assert _method(recs, "order/src/main/java/com/acme/common/Money.java", "cents")["body"]["branches"] == []
    for module, caller in (("order", "order/src/main/java/com/acme/order/PriceCalc.java"),
                           ("stock", "stock/src/main/java/com/acme/stock/StockCalc.java")):
        (call,) = _method(recs, caller, "total")["body"]["calls"]
        assert call["target"] == f"{money[module][1]['uid']}#cents()"   # each module's caller reaches its own Money


# --- one test per profile -----------------------------------------------------------------------------

def test_spring_web_routes(fixture_run):
    _, _, recs = fixture_run
    assert _roles(_method(recs, "OrderController.java", "cancel"), "http_entrypoint") == [{"method": "POST", "path": "/orders/{id}/cancel"}]


def test_spring_tx_interface_annotation_and_xml_pattern(fixture_run):
    _, _, recs = fixture_run
    assert _roles(_method(recs, "OrderServiceImpl.java", "cancel"), "transactional") == \
        [{"source": "interface", "propagation": "REQUIRED", "read_only": False, "interface": "com.acme.order.OrderService"}]
    (tx,) = _roles(_method(recs, "LegacyOrderService.java", "createOrder"), "transactional")
    assert (tx["source"], tx["pattern"], tx["config"]) == ("xml", "create*", "legacy/src/main/resources/spring-tx.xml")
    assert _method(recs, "LegacyOrderService.java", "listOrders")["roles"] == []


def test_mybatis_annotation_sql_xml_conditions_and_generated_per_element(fixture_run):
    _, _, recs = fixture_run
    dao = next(r for p, r in recs.items() if p.endswith("OrderDao.java"))
    (upd,) = dao["statements"]
    assert (upd["source"], upd["operation"], upd["tables"]) == ("mybatis_annotation", "update", ["shop_order"])
    assert [(w["text"], w["conditional"]) for w in upd["where"]] == [("id = #{id}", False), ("status = 0", False)]
    assert upd["method"] == _method(recs, "OrderDao.java", "cancel")["uid"]
    xml = next(r for p, r in recs.items() if p.endswith("OrderDao.xml"))
    gen, close = xml["statements"]
    assert [(w["column"], w["conditional"], w["test"]) for w in close["where"]] == [("id", False, None), ("status", True, "status != null")]
    assert (gen["generated"], close["generated"]) == (True, False)           # one generated element does not mark the others
    assert close["method"] == _method(recs, "OrderDao.java", "close")["uid"]
    assert _roles(_method(recs, "OrderDao.java", "close"), "sql_mapper_method") == [{"statement": "com.acme.order.OrderDao.close"}]


def test_mybatis_plus_update_by_id_sets_and_guard(fixture_run):
    _, _, recs = fixture_run
    (st,) = next(r for p, r in recs.items() if p.endswith("OrderMpService.java"))["statements"]
    assert (st["source"], st["operation"], st["tables"]) == ("mybatis_plus", "update", ["shop_order"])
    assert ([s["column"] for s in st["sets"]], [w["column"] for w in st["where"]]) == (["status"], ["id"])
    assert _roles(_type(recs, "Order.java", "Order"), "entity") == [{"table": "shop_order", "columns": ["status=order_status"]}]


def test_jpa_entity_repository_and_derived_query(fixture_run):
    _, _, recs = fixture_run
    assert _roles(_type(recs, "StockRepository.java"), "repository") == [{"entity": "Stock", "table": "stock_item"}]
    (st,) = next(r for p, r in recs.items() if p.endswith("StockRepository.java"))["statements"]
    assert (st["source"], st["operation"], st["tables"], [w["column"] for w in st["where"]]) == \
        ("jpa_derived", "select", ["stock_item"], ["sku_id", "status"])


def test_messaging_listeners_senders_events_async(fixture_run):
    _, _, recs = fixture_run
    calls = {c["name"]: c for c in _method(recs, "OrderServiceImpl.java", "cancel")["body"]["calls"]}
    assert _roles(calls["convertAndSend"], "message_send") == \
        [{"broker": "rabbitmq", "exchange": "shop.order", "routing_key": "shop.order.cancel", "destination": ["shop.order"]}]
    assert _roles(calls["publishEvent"], "event_publish") == [{"event": "OrderCancelled"}]
    assert _roles(_method(recs, "OrderListeners.java", "onCancel"), "message_listener") == [{"broker": "rabbitmq", "destination": ["shop.order.cancel"]}]
    assert _roles(_method(recs, "OrderListeners.java", "afterCancel"), "event_listener") == [{"event": "OrderCancelled", "phase": "AFTER_COMMIT"}]
    assert [r["name"] for r in _method(recs, "OrderListeners.java", "notifyUser")["roles"]] == ["async"]


def test_scheduling_jobs(fixture_run):
    _, _, recs = fixture_run
    assert _roles(_method(recs, "OrderJobs.java", "closeExpired"), "scheduled_job") == [{"framework": "spring", "cron": "0 */5 * * * ?"}]
    assert _roles(_method(recs, "OrderJobs.java", "sync"), "scheduled_job") == [{"framework": "xxl-job", "name": "syncOrders"}]


def test_feign_call_in_transaction_is_remote_and_outside_it(fixture_run):
    _, _, recs = fixture_run
    cancel = _method(recs, "OrderServiceImpl.java", "cancel")
    call = next(c for c in cancel["body"]["calls"] if c["name"] == "unlock")
    assert (call["target"], call["via"]) == (None, "remote")   # never the provider's StockController, in-process
    assert _roles(call, "remote_call") == [{"kind": "feign", "service": "stock-service", "in_transaction": False,
                                            "caller_transactional": True}]
    assert _roles(_type(recs, "StockClient.java"), "remote_client") == [{"kind": "feign", "service": "stock-service"}]


def test_body_ir_of_a_guard(fixture_run):
    _, _, recs = fixture_run
    b = _method(recs, "OrderServiceImpl.java", "cancel")["body"]
    (br,) = b["branches"]
    assert (br["condition"], [(a["label"], a["outcome"], a["start_line"], a["end_line"]) for a in br["arms"]]) == \
        ("id == null", [("then", "throws", 14, 16)])
    assert b["throws"][0]["message"] == "id is required"
    dao_call = next(c for c in b["calls"] if c["name"] == "cancel")
    assert (dao_call["via"], dao_call["target"]) == ("field", _method(recs, "OrderDao.java", "cancel")["uid"])


def test_workers_give_the_same_model(tmp_path):
    "Records built in worker processes (and sent back) are the same bytes as in-process ones."
    one = run(_settings(FIXTURE, tmp_path / "w1"), tmp_path / "w1")
    two = run(_settings(FIXTURE, tmp_path / "w2", run__workers=2), tmp_path / "w2")
    assert one.counts["java_parses"] == two.counts["java_parses"] > 0
    assert (tmp_path / "w1" / "raw_index" / "code_model.jsonl").read_bytes() == \
        (tmp_path / "w2" / "raw_index" / "code_model.jsonl").read_bytes()
