"Stage 03 (rules and flows): known facts, field contract per kind, stable ids, determinism, evidence, scope, bad inputs."
from __future__ import annotations

from pathlib import Path

import pytest

from autocode import domain_map, index_repo, rules_flows
from autocode.core import AutocodeError, lines_sha256, read_json, read_source, split_lines
from autocode.schema import FACT_KINDS, RulesAndFlows

FIELDS = {
    "guard": {"method", "condition", "consequence", "exception", "message", "returns", "http"},
    "state_transition": {"entity", "field", "column", "to", "to_meaning", "from", "from_meanings", "via", "method", "condition", "operation"},
    "persistence": {"statement", "table", "operation", "columns", "set", "where", "guard", "batch", "callers"},
    "computation": {"method", "target", "formula", "operations", "rounding", "scale", "stored"},
    "flow": {"entry", "http", "steps", "statements", "rules", "async_hops"},
    "async": {"mechanism", "component", "method", "queue", "exchange", "routing_key", "delay", "cron", "calls", "enabled", "links"},
    "transaction": {"method", "annotation", "propagation", "rollback_for", "covers"},
    "config": {"key", "value", "file", "source", "read_by", "table", "column", "comment"},
    "layering": {"http_method", "path", "controller", "service", "service_impl", "returns"},
    "absence": {"what", "method", "detail", "http"},
}


@pytest.fixture(scope="module")
def rf(sample_run) -> RulesAndFlows:
    out = sample_run("01-03")
    return RulesAndFlows.model_validate(read_json(out / "extracted/rules_and_flows.json"))


def by(rf, kind, pred=lambda f: True):
    return [f for f in rf.facts if f.kind == kind and pred(f)]


def test_every_kind_is_found_with_its_fields(rf):
    assert {f.kind for f in rf.facts} == set(FACT_KINDS)
    for f in rf.facts:
        assert set(f.fields) == FIELDS[f.kind], (f.kind, sorted(set(f.fields) ^ FIELDS[f.kind]))
        assert f.fact_id.startswith(f"f-{f.kind}-") and len(f.fact_id) == len(f"f-{f.kind}-") + 12
        assert f.domain in ("order", "inventory")


def test_cancel_order_transition(rf):
    t = by(rf, "state_transition", lambda f: f.fields["operation"] == "cancelOrder" and f.fields["to"] == "4")
    assert len(t) == 1
    f = t[0].fields
    assert (f["entity"], f["field"], f["from"], f["to_meaning"], f["from_meanings"]) == ("TrdOrder", "status", ["0"], "已关闭", ["待付款"])
    assert "cancelOrder.setStatus(4)" in t[0].summary and "andStatusEqualTo(0)" in t[0].summary


def test_sql_transition_and_param_transition(rf):
    d = by(rf, "state_transition", lambda f: f.subject.endswith("TrdOrderDao.delivery"))
    assert [(f.fields["to"], f.fields["from"], f.fields["via"]) for f in d] == [("2", ["1"], "sql")]
    p = by(rf, "state_transition", lambda f: "updateOrderStatus(ids, 4)" in f.summary)
    assert p and p[0].fields["to"] == "4" and p[0].fields["via"] == "sql"


def test_lock_stock_sql_guard(rf):
    p = by(rf, "persistence", lambda f: f.subject.endswith("lockStockBySkuId"))
    assert len(p) == 1 and p[0].domain == "inventory"
    f = p[0].fields
    assert (f["table"], f["operation"], f["set"], f["guard"]) == ("pdt_sku_stock", "update", ["lock_stock = lock_stock + #{quantity}"],
                                                                  "lock_stock + #{quantity} &lt;= stock")
    g = by(rf, "guard", lambda f: f.subject.endswith("lockStockBySkuId"))
    assert g and g[0].fields["consequence"] == "zero_rows"
    assert [(e.start_line, e.end_line) for e in g[0].evidence] == [(55, 55)]


def test_java_guard_with_its_message_and_minimal_evidence(rf):
    g = by(rf, "guard", lambda f: f.fields["message"] == "请选择收货地址！")
    assert len(g) == 1
    assert g[0].fields["condition"] == "orderParam.getMemberReceiveAddressId() == null" and g[0].fields["consequence"] == "assert_fail"
    assert "POST /order/generateOrder" in g[0].fields["http"]
    assert [(e.start_line, e.end_line) for e in g[0].evidence] == [(101, 102)]


def test_computation_formula(rf):
    c = by(rf, "computation", lambda f: f.fields["target"] == "payAmount")
    assert [x.fields["formula"] for x in c] == ["totalAmount + freightAmount - promotionAmount - couponAmount - integrationAmount"]
    d = by(rf, "computation", lambda f: f.fields["rounding"] == "HALF_EVEN" and "coupon" in f.summary.lower())
    assert d and d[0].fields["scale"] == 3 and set(d[0].fields["operations"]) == {"divide", "multiply"}


def test_async_links_sender_config_listener(rf):
    a = {f.fields["mechanism"]: f for f in by(rf, "async")}
    assert {"mq_send", "mq_config", "mq_listener", "scheduled"} <= set(a)
    lis = next(f for f in by(rf, "async") if f.fields["mechanism"] == "mq_listener")
    cfg = [f for f in by(rf, "async") if f.fields["mechanism"] == "mq_config" and f.fact_id in lis.fields["links"]]
    assert cfg, "the listener is linked to the queue configuration that feeds it"
    off = [f for f in by(rf, "async") if f.fields["mechanism"] == "scheduled" and not f.fields["enabled"]]
    assert off and "//@Component" in off[0].summary


def test_flow_steps_rules_and_labels(rf):
    fl = by(rf, "flow", lambda f: f.subject.split(".")[-1].startswith("TrdPortalOrderServiceImpl#generateOrder"))[0]
    calls = [s["call"] for s in fl.fields["steps"]]
    assert calls.index("lockStock") < calls.index("orderMapper.insert") < calls.index("sendDelayMessageCancelOrder")
    assert fl.fields["rules"] and all(r.startswith("f-guard-") for r in fl.fields["rules"])
    lock = next(s for s in fl.fields["steps"] if s["call"] == "lockStock")
    assert "进行库存锁定" in lock["label"] and not lock["branch"]
    assert fl.fields["http"] == "POST /order/generateOrder"


def test_absences(rf):
    what = {(f.fields["what"], f.subject.split(".")[-1].split("(")[0]) for f in by(rf, "absence")}
    assert ("no_owner_check", "TrdPortalOrderServiceImpl#detail") in what
    assert ("no_status_check", "TrdOrderServiceImpl#close") in what
    assert ("no_transaction", "TrdPortalOrderServiceImpl#paySuccess") in what
    assert ("no_status_check", "TrdPortalOrderServiceImpl#cancelOrder") not in what  # it checks status 0 through its criteria


def test_evidence_inside_files_and_hash_matching(rf, sample_settings):
    root = Path(sample_settings.run.repo)
    for f in rf.facts:
        for e in f.evidence:
            lines = split_lines(read_source(root / e.path)[0])
            assert 1 <= e.start_line <= e.end_line <= len(lines), (f.fact_id, e)
            assert lines_sha256(lines, e.start_line, e.end_line) == e.sha256, (f.fact_id, e)
            assert e.end_line - e.start_line < 45, (f.fact_id, "evidence must be minimal")


def test_ids_stable_and_output_byte_identical(tmp_path, sample_settings, rf):
    outs = []
    for i in range(2):
        s = sample_settings.model_copy(deep=True)
        out = tmp_path / f"r{i}"
        s.run.out, s.run.quiet = str(out), True
        for mod in (index_repo, domain_map, rules_flows): mod.run(s, out)
        outs.append(out / "extracted/rules_and_flows.json")
    assert outs[0].read_bytes() == outs[1].read_bytes()
    assert {f.fact_id for f in RulesAndFlows.model_validate(read_json(outs[0])).facts} == {f.fact_id for f in rf.facts}
    m = rules_flows.run(s, out)  # unchanged inputs: skipped, same manifest
    assert m.counts["facts"] == len(rf.facts)


def test_scope_limits_facts(tmp_path, sample_settings):
    s = sample_settings.model_copy(deep=True)
    s.run.out, s.run.quiet, s.domain.scope = str(tmp_path), True, ["inventory"]
    for mod in (index_repo, domain_map, rules_flows): mod.run(s, tmp_path)
    rf = RulesAndFlows.model_validate(read_json(tmp_path / "extracted/rules_and_flows.json"))
    assert rf.facts and {f.domain for f in rf.facts} == {"inventory"}


def test_missing_domain_map_names_stage_02(tmp_path, sample_settings):
    s = sample_settings.model_copy(deep=True)
    s.run.out = str(tmp_path)
    index_repo.run(s, tmp_path)
    with pytest.raises(AutocodeError, match="run stage 02"):
        rules_flows.run(s, tmp_path)
