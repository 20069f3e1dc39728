"Stage 03 (rules and flows): known facts, field contract per kind, stable ids, determinism, evidence, scope, bad inputs."
from __future__ import annotations

from pathlib import Path

import pytest

from autocode import domain_map, index_repo, rules_flows
from autocode.core import AutocodeError, iter_jsonl, lines_sha256, read_json, read_source, split_lines
from autocode.javaparse import line_extents, parse_java, statement_spans
from autocode.schema import FACT_KINDS, DomainMap, RulesAndFlows

FIELDS = {
    "guard": {"method", "condition", "consequence", "exception", "message", "returns", "http"},
    "state_transition": {"entity", "field", "column", "to", "to_meaning", "from", "from_meanings", "via", "method", "condition", "operation"},
    "persistence": {"statement", "table", "operation", "columns", "set", "where", "guard", "batch", "callers"},
    "computation": {"method", "target", "formula", "operations", "rounding", "scale", "stored"},
    "flow": {"entry", "http", "steps", "statements", "rules", "async_hops"},
    "async": {"mechanism", "component", "method", "queue", "exchange", "routing_key", "queue_expr", "exchange_expr", "routing_key_expr",
              "delay", "cron", "calls", "enabled", "links"},
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
    # a soft-delete flag (`deleteStatus`) is not a state machine
    assert ("no_status_check", "TrdCartItemServiceImpl#delete") not in what
    assert not [f.fact_id for f in by(rf, "absence", lambda f: f.fields["what"] == "no_status_check" and "deleteStatus" in f.fields["detail"])]
    # paySuccess is only reached from an endpoint documented as the payment callback: no owner check is expected there
    assert ("no_owner_check", "TrdPortalOrderServiceImpl#paySuccess") not in what
    own = by(rf, "absence", lambda f: f.fields["what"] == "no_owner_check")
    assert [f.fields["http"] for f in own] == ["GET /order/detail/{orderId}"]


def test_else_of_an_else_if_chain_negates_the_whole_chain(rf):
    g = by(rf, "guard", lambda f: "TrdReturnApplyServiceImpl#updateStatus" in f.subject and f.fields["consequence"] == "early_return")
    assert [x.fields["condition"] for x in g] == ["!(status.equals(1)) && !(status.equals(2)) && !(status.equals(3))"]
    cited = {ln for e in g[0].evidence for ln in range(e.start_line, e.end_line + 1)}
    assert {25, 34, 41, 48, 49} <= cited, "every condition of the chain and the else are cited"


def test_config_key_is_matched_whole_and_keeps_its_comment(rf):
    c = {f.fields["key"]: f for f in by(rf, "config", lambda f: f.fields["source"] == "yaml")}
    java = lambda f: [(e.start_line, e.end_line) for e in f.evidence if e.path.endswith(".java")]
    assert java(c["jwt.tokenHead"]) == [(33, 33)] and java(c["jwt.tokenHeader"]) == [(31, 31)]
    assert c["jwt.tokenHead"].fields["comment"] == "JWT负载中拿到开头"      # the comment line above the key
    assert c["jwt.tokenHeader"].fields["comment"] == "JWT存储的请求头"      # the comment after the value
    assert c["redis.key.orderId"].fields["comment"] is None


def test_generated_mapper_statements_are_not_subjects_and_sets_split_whole(rf):
    assert not [f.subject for f in rf.facts if f.kind in ("persistence", "guard", "state_transition") and "shop-mbg" in f.evidence[0].path]
    for f in by(rf, "persistence"):
        for piece in f.fields["set"]:
            assert piece.count("{") == piece.count("}") and piece.count("(") == piece.count(")"), (f.subject, piece)


def test_flow_http_is_an_endpoint_of_its_entry(rf, sample_run):
    dm = DomainMap.model_validate(read_json(sample_run("01-03") / "extracted/domain_map.json"))
    eps = {(e.symbol, f"{e.http_method} {e.path}") for d in dm.domains for e in d.entry_points if e.kind == "http"}
    flows = by(rf, "flow")
    assert [f.subject for f in flows if f.fields["http"] and (f.fields["entry"], f.fields["http"]) not in eps] == []
    lis = [f for f in flows if f.fields["entry"].endswith("CancelOrderReceiver#handle(Long)")]
    assert lis and all(f.fields["http"] is None for f in lis), "a flow entered from a listener has no http"


def test_async_names_resolved_and_as_written(rf):
    send = by(rf, "async", lambda f: f.fields["mechanism"] == "mq_send" and f.subject.endswith("CancelOrderSender#sendMessage(Long,long)"))[0]
    assert (send.fields["exchange"], send.fields["routing_key"]) == ("acme.order.direct.ttl", "acme.order.cancel.ttl")
    assert send.fields["exchange_expr"] == "QueueEnum.QUEUE_TTL_ORDER_CANCEL.getExchange()"
    lis = by(rf, "async", lambda f: f.fields["mechanism"] == "mq_listener")[0]
    assert (lis.fields["queue"], lis.fields["queue_expr"]) == ("acme.order.cancel", '"acme.order.cancel"')
    cfg = by(rf, "async", lambda f: f.fields["mechanism"] == "mq_config" and f.fields["queue"] == "acme.order.cancel")
    assert cfg and cfg[0].fields["queue_expr"] == "QueueEnum.QUEUE_ORDER_CANCEL.getName()" and cfg[0].fact_id in lis.fields["links"]


def test_evidence_inside_files_and_hash_matching(rf, sample_settings):
    root = Path(sample_settings.run.repo)
    for f in rf.facts:
        for e in f.evidence:
            lines = split_lines(read_source(root / e.path)[0])
            assert 1 <= e.start_line <= e.end_line <= len(lines), (f.fact_id, e)
            assert lines_sha256(lines, e.start_line, e.end_line) == e.sha256, (f.fact_id, e)
            assert e.end_line - e.start_line < 45, (f.fact_id, "evidence must be minimal")


def test_evidence_inside_its_chunk_and_whole_statements(rf, sample_run, sample_settings):
    out, root = sample_run("01-03"), Path(sample_settings.run.repo)
    spans = {c["chunk_id"]: (c["path"], c["start_line"], c["end_line"]) for c in iter_jsonl(out / "raw_index/repo_index.jsonl")}
    dm = DomainMap.model_validate(read_json(out / "extracted/domain_map.json"))
    evs = [("fact", f.fact_id, e) for f in rf.facts for e in f.evidence]
    evs += [("map", getattr(x, "symbol", None) or getattr(x, "flow_id", None) or x.name, e) for d in dm.domains
            for x in (*d.entities, *d.operations, *d.entry_points, *d.flows) for e in x.evidence]
    ext = {}
    for where, who, e in evs:
        cpath, cs, ce = spans[e.chunk_id]
        assert cpath == e.path and cs <= e.start_line <= e.end_line <= ce, (where, who, e)
        if not e.path.endswith(".java"): continue
        if e.path not in ext: ext[e.path] = line_extents(statement_spans(parse_java(read_source(root / e.path)[0])))
        for ln in range(e.start_line, e.end_line + 1):  # the smallest statement of every cited line is cited whole
            s, t = ext[e.path].get(ln, (ln, ln))
            assert e.start_line <= s and t <= e.end_line, (where, who, e.path, (e.start_line, e.end_line), "statement", (s, t))
    # the send statement of the delayed message is quoted whole, from `convertAndSend(` to its closing `});`
    send = by(rf, "async", lambda f: f.subject.endswith("CancelOrderSender#sendMessage(Long,long)"))[0]
    assert [(e.start_line, e.end_line) for e in send.evidence] == [(24, 31)]
    # the state transition of generateOrder spans the two parts of the split method: one record per part
    gen = by(rf, "state_transition", lambda f: "generateOrder(OrderParam)" in f.subject and f.fields["to"] == "0" and f.fields["entity"] == "TrdOrder")
    assert gen and {spans[e.chunk_id][1] for e in gen[0].evidence} == {95, 215}


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


def test_annotated_table_name_gives_the_class_entity_name(tmp_path, sample_settings):
    "`@TableName(\"t_shop_order\")` on `Order`: the entity is `Order` (not `TShopOrder`) and stage 06 rejects none of its samples as unknown."
    from autocode.core import parse_stages, stage_module
    s = sample_settings.model_copy(deep=True)
    s.run.repo, s.run.out, s.run.quiet = str(Path(__file__).parent / "fixtures/table_name"), str(tmp_path), True
    for st in parse_stages("01-06"): stage_module(st).run(s, tmp_path)
    dm = DomainMap.model_validate(read_json(tmp_path / "extracted/domain_map.json"))
    assert [e.name for d in dm.domains for e in d.entities if e.table == "t_shop_order"] == ["Order"]
    rf = RulesAndFlows.model_validate(read_json(tmp_path / "extracted/rules_and_flows.json"))
    st = by(rf, "state_transition")
    assert st and {f.fields["entity"] for f in st} == {"Order"}
    rejected = list(iter_jsonl(tmp_path / "dataset/rejected.jsonl"))
    assert not [r for r in rejected if any("unknown_identifier" in x for x in r["reasons"])]


@pytest.fixture(scope="module")
def extraction_rf(tmp_path_factory, sample_settings) -> RulesAndFlows:
    "Stages 01-03 on the tiny `fixtures/extraction` repository (a static helper sum, a log-then-throw guard)."
    out = tmp_path_factory.mktemp("extraction")
    s = sample_settings.model_copy(deep=True)
    s.run.repo, s.run.out, s.run.quiet, s.domain.scope = str(Path(__file__).parent / "fixtures/extraction"), str(out), True, []
    for mod in (index_repo, domain_map, rules_flows): mod.run(s, out)
    return RulesAndFlows.model_validate(read_json(out / "extracted/rules_and_flows.json"))


def test_static_helper_call_operands_are_its_arguments(extraction_rf):
    "`MathUtil.add(invoice.getAmount(), fee)` is `amount + fee`, not `MathUtil + …`; `MathUtil.round(total, 2)` is no formula."
    comp = {f.fields["target"]: f.fields for f in by(extraction_rf, "computation", lambda f: f.fields["method"].endswith("total(Invoice,BigDecimal)"))}
    assert comp["total"]["formula"] == "amount + fee" and comp["total"]["operations"] == ["add"]
    assert "shown" not in comp
    assert not [f for f in by(extraction_rf, "computation") if "MathUtil +" in f.fields["formula"]]


def test_log_then_throw_guard_states_the_throw(extraction_rf):
    "A branch that logs and then throws: the guard's outcome is the exception and its message, not the log call."
    g = by(extraction_rf, "guard", lambda f: f.fields["condition"] == "invoice == null")
    assert len(g) == 1
    assert (g[0].fields["consequence"], g[0].fields["exception"], g[0].fields["message"]) == ("exception", "IllegalStateException", "invoice not found")
    assert "throws `new IllegalStateException(\"invoice not found\")`" in g[0].summary and "log.error" not in g[0].summary
