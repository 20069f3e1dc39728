"Stage 02 (domain map): precision/recall on the labelled sample files, entry points, hints, determinism, skips, bad inputs."
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from autocode import domain_map, index_repo
from autocode.core import AutocodeError, read_json
from autocode.domain_map import learn_namer, parse_hints, text_domain, value_meanings
from autocode.schema import DomainMap

ROOT = Path(__file__).resolve().parents[1]
LABELS = json.loads((ROOT / "tests/gold/sample_file_domains.json").read_text(encoding="utf-8"))["files"]


@pytest.fixture(scope="module")
def dm(sample_run) -> DomainMap:
    out = sample_run("01-02")
    return DomainMap.model_validate(read_json(out / "extracted/domain_map.json"))


@pytest.mark.parametrize("name", ["order", "inventory"])
def test_precision_recall_on_labelled_sample(dm, name):
    pred = {p for p, d in dm.file_domains.items() if d == name}
    gold = {p for p, d in LABELS.items() if d == name}
    assert gold, "the labelled list must name some files"
    tp = len(pred & gold)
    precision, recall = tp / max(1, len(pred)), tp / len(gold)
    assert precision >= 0.95, f"{name}: precision {precision:.2f}; wrong: {sorted(pred - gold)}"
    assert recall >= 0.90, f"{name}: recall {recall:.2f}; missed: {sorted(gold - pred)}"


def test_every_indexed_file_has_an_entry(dm, sample_run):
    out = sample_run("01-02")
    files = {json.loads(l)["path"] for l in (out / "raw_index/files.jsonl").read_text(encoding="utf-8").splitlines() if l}
    assert set(dm.file_domains) == files


def test_stock_statements_of_the_order_dao_are_inventory(dm):
    inv = next(d for d in dm.domains if d.name == "inventory")
    order = next(d for d in dm.domains if d.name == "order")
    stock_stmts = [s for s in inv.layers["dao"] if "PortalOrderDao" in s]
    assert any(s.endswith("lockStockBySkuId") for s in stock_stmts) and any(s.endswith("reduceSkuStock") for s in stock_stmts)
    assert not any(s.endswith("lockStockBySkuId") for s in order.layers.get("dao", []))
    assert "pdt_sku_stock" in inv.tables and "trd_order" in order.tables


def test_generated_code_is_never_an_operation(dm):
    for d in dm.domains:
        for op in d.operations:
            assert "shop-mbg" not in op.evidence[0].path, op.symbol


def test_entry_points(dm):
    eps = {(e.kind, e.http_method, e.path, e.symbol.split(".")[-1].split("(")[0]): e for d in dm.domains for e in d.entry_points}
    assert ("http", "POST", "/order/generateOrder", "TrdPortalOrderController#generateOrder") in eps
    assert any(k[0] == "http" and k[2] == "/order/detail/{orderId}" and k[1] == "GET" for k in eps)
    lis = [e for e in eps.values() if e.kind == "listener"]
    assert [e.detail for e in lis] == ["acme.order.cancel"] and lis[0].enabled
    sched = {e.symbol.split(".")[-1].split("#")[0]: e for e in eps.values() if e.kind == "scheduled"}
    assert sched["OrderTimeOutCancelTask"].enabled and sched["OrderTimeOutCancelTask"].detail == "0 0/10 * ? * ?"
    assert not sched["StockAlertTask"].enabled
    assert any(e.path.endswith("StockAlertTask.java") and e.start_line == 19 for e in sched["StockAlertTask"].evidence)


def test_entities_join_model_table_and_documented_values(dm):
    order = next(d for d in dm.domains if d.name == "order")
    ent = next(e for e in order.entities if e.table == "trd_order")
    assert ent.name == "TrdOrder"
    status = next(c for c in ent.columns if c.name == "status")
    assert status.field == "status" and status.values["4"] == "已关闭" and status.default == "0"


def test_flows_reach_statements(dm):
    order = next(d for d in dm.domains if d.name == "order")
    fl = next(f for f in order.flows if f.entry.split(".")[-1].startswith("TrdPortalOrderController#generateOrder"))
    assert any(s.endswith("lockStockBySkuId") for s in fl.statements)
    assert any("TrdPortalOrderServiceImpl#generateOrder" in c for c in fl.calls)


def test_names_without_hints_and_with_hints():
    nm = learn_namer(["shp_orders", "shp_orders_line", "inv_warehouse_stock", "cms_banner", "cms_banner_slot"], ["ShpOrdersController"])
    assert nm.domain("ShpOrdersController")[0] == "order"
    assert nm.domain("WarehouseStockService")[0] == "inventory"
    assert text_domain('example.setOrderByClause("sort desc"); order by sort; sortOrder', nm) == ""
    assert nm.domain("orderByClause")[0] == ""
    nm2 = learn_namer(["shp_orders", "cms_banner"], [], ["promo:banner|Cms"])
    assert nm2.domain("CmsBannerController")[0] == "promo"
    with pytest.raises(AutocodeError, match=r"\[domain\] hints"):
        parse_hints(["order"])


def test_value_meanings_formats():
    assert value_meanings("状态：0->待付款；1->待发货") == {"0": "待付款", "1": "待发货"}
    assert value_meanings("0:new,1:paid") == {"0": "new", "1": "paid"}
    assert value_meanings("plain comment") == {}


def test_deterministic_and_skipped_when_fresh(tmp_path, sample_settings):
    outs = []
    for i in range(2):
        s = sample_settings.model_copy(deep=True)
        s.run.out = str(tmp_path / f"r{i}"); s.run.quiet = True
        index_repo.run(s, Path(s.run.out)); domain_map.run(s, Path(s.run.out))
        outs.append(Path(s.run.out) / "extracted/domain_map.json")
    assert outs[0].read_bytes() == outs[1].read_bytes()
    before = outs[1].stat().st_mtime_ns
    s.run.out = str(tmp_path / "r1")
    m = domain_map.run(s, Path(s.run.out))
    assert outs[1].stat().st_mtime_ns == before and m.counts["files.order"] > 0


def test_changed_file_is_recorded_not_fatal(tmp_path, sample_settings):
    repo = tmp_path / "repo"
    shutil.copytree(ROOT / "data/sample_repo", repo)
    s = sample_settings.model_copy(deep=True)
    s.run.repo, s.run.out, s.run.quiet = str(repo), str(tmp_path / "out"), True
    index_repo.run(s, tmp_path / "out")
    f = next(repo.rglob("TrdOrderServiceImpl.java"))
    f.write_text(f.read_text(encoding="utf-8") + "\n// edited after indexing\n", encoding="utf-8")
    m = domain_map.run(s, tmp_path / "out")
    assert m.counts["skipped_files"] == 1


def test_missing_index_names_stage_01(tmp_path, sample_settings):
    s = sample_settings.model_copy(deep=True)
    s.run.out = str(tmp_path)
    with pytest.raises(AutocodeError, match="run stage 01"):
        domain_map.run(s, tmp_path)


def test_unfamiliar_repo_namespace_prefix_and_sort_order(tmp_path):
    "A project namespace on every table is not a domain; a sort-order annotation and its validator are not order files."
    from autocode.core import load_settings, prepare_inputs
    from autocode.domain_map import run as run02
    repo = tmp_path / "shop"
    j = repo / "src/main/java/x/shop"
    (j / "validator").mkdir(parents=True); (j / "service").mkdir(); (j / "model").mkdir()
    (repo / "sql").mkdir()
    (repo / "sql/schema.sql").write_text(
        "CREATE TABLE `acmeshop_order` (`id` int, `order_sn` varchar(64), `status` int COMMENT '0->unpaid;1->paid');\n"
        "CREATE TABLE `acmeshop_order_goods` (`id` int, `order_id` int);\n"
        "CREATE TABLE `acmeshop_goods` (`id` int, `name` varchar(64));\n"
        "CREATE TABLE `acmeshop_user` (`id` int, `name` varchar(64));\n")
    (j / "validator/Order.java").write_text(
        "package x.shop.validator;\npublic @interface Order {\n    String[] accepts() default {\"desc\", \"asc\"};\n}\n")
    (j / "validator/OrderValidator.java").write_text(
        "package x.shop.validator;\npublic class OrderValidator implements ConstraintValidator<Order, String> {\n"
        "    public boolean isValid(String s) { return s != null; }\n}\n")
    (j / "model/AcmeshopOrder.java").write_text("package x.shop.model;\npublic class AcmeshopOrder {\n    private String orderSn;\n}\n")
    (j / "model/AcmeshopGoods.java").write_text("package x.shop.model;\npublic class AcmeshopGoods {\n    private String name;\n}\n")
    (j / "service/AcmeshopOrderService.java").write_text(
        "package x.shop.service;\npublic class AcmeshopOrderService {\n    public void cancel(Long orderId) { }\n}\n")
    (j / "service/AcmeshopGoodsService.java").write_text(
        "package x.shop.service;\npublic class AcmeshopGoodsService {\n    public void list(String sort, String order) { }\n}\n")
    (repo / "src/main/resources/mapper").mkdir(parents=True)
    (repo / "src/main/resources/mapper/AcmeshopGoodsMapper.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<mapper namespace="x.shop.mapper.AcmeshopGoodsMapper">\n'
        '    <update id="reduceStock">update acmeshop_goods set stock = stock - #{num} where id = #{id} and stock &gt;= #{num}</update>\n'
        '    <update id="addStock">update acmeshop_goods set stock = stock + #{num} where id = #{id}</update>\n'
        '    <update id="rename">update acmeshop_goods set name = #{name} where id = #{id}</update>\n</mapper>\n')
    s = load_settings(None, {"run.repo": str(repo), "run.out": str(tmp_path / "out"), "domain.scope": ""})
    out = tmp_path / "out"
    prepare_inputs("02", s, out)
    run02(s, out)
    dm = json.loads((out / "extracted/domain_map.json").read_text(encoding="utf-8"))
    fd = {p.rsplit("/", 1)[-1]: d for p, d in dm["file_domains"].items()}
    assert "acmeshop" not in {d["name"] for d in dm["domains"]}
    assert fd["AcmeshopOrder.java"] == fd["AcmeshopOrderService.java"] == "order"
    assert fd["AcmeshopGoods.java"] == fd["AcmeshopGoodsService.java"] == "goods"
    assert fd["Order.java"] != "order" and fd["OrderValidator.java"] != "order"
    inv = next(d for d in dm["domains"] if d["name"] == "inventory")  # stock kept in the goods table
    dao = " ".join(x for v in inv["layers"].values() for x in v)
    assert "reduceStock" in dao and "addStock" in dao and "rename" not in dao


def test_space_separated_status_comment_names_the_transition(tmp_path):
    "A DDL comment `0未付款 1已付款 2已取消` gives the meaning of the state a service sets (stages 01-03)."
    from autocode.core import load_settings, prepare_inputs
    from autocode.rules_flows import run as run03
    repo = tmp_path / "shop"
    j = repo / "src/main/java/x/shop"
    (j / "model").mkdir(parents=True); (j / "service").mkdir(); (repo / "sql").mkdir()
    (repo / "sql/schema.sql").write_text(
        "CREATE TABLE `bill` (`id` bigint, `bill_sn` varchar(64), `status` int COMMENT '0未付款 1已付款 2已取消');\n",
        encoding="utf-8")
    (j / "model/Bill.java").write_text(
        "package x.shop.model;\npublic class Bill {\n    private Long id;\n    private String billSn;\n    private Integer status;\n"
        "    public void setStatus(Integer status) { this.status = status; }\n}\n", encoding="utf-8")
    (j / "service/BillService.java").write_text(
        "package x.shop.service;\nimport x.shop.model.Bill;\npublic class BillService {\n"
        "    public void cancelBill(Bill bill) {\n        bill.setStatus(2);\n    }\n}\n", encoding="utf-8")
    out = tmp_path / "out"
    s = load_settings(None, {"run.repo": str(repo), "run.out": str(out), "run.quiet": True, "domain.scope": ""})
    index_repo.run(s, out)
    prepare_inputs("02", s, out); domain_map.run(s, out)
    prepare_inputs("03", s, out); run03(s, out)
    facts = read_json(out / "extracted/rules_and_flows.json")["facts"]
    st = [f for f in facts if f["kind"] == "state_transition"]
    assert st and all(f["fields"]["to"] == "2" for f in st)
    assert {f["fields"]["to_meaning"] for f in st} == {"已取消"}
