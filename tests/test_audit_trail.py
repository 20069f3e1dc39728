"The executed notebooks of a papermill run read as an audit report: a summary first, no stderr or warnings, plots shown, an HTML copy."
from __future__ import annotations

import json
import shutil
from pathlib import Path

from autocode.core import get_stage, load_settings, sample_repo
from autocode.pipeline import SUMMARY_TAG, run_pipeline

ROOT = Path(__file__).resolve().parents[1]


def check_audit_notebook(nb_path: Path, out: Path, stage_num: str) -> dict:
    "Assert what every executed stage notebook must hold; returns its cells' image count and its summary text."
    st = get_stage(stage_num)
    cells = json.loads(nb_path.read_text())["cells"]
    first = cells[0]
    assert first["cell_type"] == "markdown" and SUMMARY_TAG in first["metadata"].get("tags", []), nb_path.name
    summary = "".join(first["source"])
    man = json.loads(st.manifest_path(out).read_text())
    assert f"Stage {st.num} · {st.module}" in summary and f"`{out}`" in summary
    for k, v in man["counts"].items():   # the summary shows the manifest's counts and links its artifacts
        if isinstance(v, (int, float, str)) and not isinstance(v, bool): assert f"| {k} | {v} |" in summary, (nb_path.name, k)
    for rel in man["outputs"]: assert f"](../{rel})" in summary
    outs = [o for c in cells if c["cell_type"] == "code" for o in c.get("outputs", [])]
    stderr = [o["text"] for o in outs if o.get("output_type") == "stream" and o.get("name") == "stderr"]
    assert not stderr, (nb_path.name, [("".join(t))[:200] for t in stderr])
    assert not [o for o in outs if o.get("output_type") == "error"], nb_path.name
    warned = [t for o in outs if o.get("output_type") == "stream" for t in ["".join(o["text"])] if "Warning" in t]
    assert not warned, (nb_path.name, warned[:2])
    images = sum(1 for o in outs if "image/png" in o.get("data", {}))
    html = nb_path.with_suffix(".html").read_text()
    assert "what this run did" in html and html.count("data:image/png;base64") >= images
    return {"images": images, "summary": summary}


def test_papermill_stage_notebooks_are_audit_reports(sample_run, tmp_path, monkeypatch):
    "Stages 06-07 through papermill (with progress bars on) on top of stages 01-05 run in-process."
    monkeypatch.delenv("AUTOCODE_QUIET", raising=False)
    run = tmp_path / "run"
    shutil.copytree(sample_run("01-05"), run)
    s = load_settings(ROOT / "settings.ini", {"run.repo": str(sample_repo()), "run.out": str(run), "run.quiet": "false"})
    res = run_pipeline(s, "06-07")
    assert [r.status for r in res] == ["done", "done"]
    c6 = check_audit_notebook(run / "notebooks/06_validate.ipynb", run, "06")
    c7 = check_audit_notebook(run / "notebooks/07_metrics_report.ipynb", run, "07")
    assert c6["images"] >= 1   # the split-balance plot is shown
    figures = json.loads((run / "reports/summary.json").read_text())
    assert c7["images"] >= len(figures["figures"])
    for flag in figures["flags"]: assert flag in c7["summary"]
