"""Benchmark the runner: papermill against --inline for the same stages, and the cost of skipping, in the same run.

    .venv/bin/python bench/bench_pipeline.py [--repo PATH] [--stages 01-03] [--repeat K]

Runs the stages cold into fresh run folders, once in-process (the baseline) and once as papermill-executed
notebooks, then re-runs each (every stage up to date: skipped without starting a kernel). Prints the
per-stage seconds and the papermill/inline ratio, and writes a JSON result to bench/results/.
Not a test: nothing here asserts a time.
"""
from __future__ import annotations

import argparse
import os
import platform
import shutil
import sys
import tempfile
import time
import warnings
from pathlib import Path

warnings.simplefilter("ignore")
os.environ["AUTOCODE_QUIET"] = "1"
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from autocode.core import load_settings, sample_repo  # noqa: E402
from autocode.pipeline import run_pipeline  # noqa: E402

from results_file import write_result  # noqa: E402  (bench/ is the script's folder)


def timed(repo: Path, stages: str, inline: bool) -> dict:
    "Per-stage seconds of a cold run and of an unchanged re-run, in a fresh run folder."
    out = Path(tempfile.mkdtemp(prefix="bench_pipeline_")) / "run"
    try:
        s = load_settings(ROOT / "settings.ini", {"run.repo": str(repo), "run.out": str(out), "run.quiet": "true"})
        t = time.perf_counter(); cold = run_pipeline(s, stages, inline=inline); cold_total = time.perf_counter() - t
        t = time.perf_counter(); again = run_pipeline(s, stages, inline=inline); again_total = time.perf_counter() - t
        assert {r.status for r in again} == {"skipped"}, [r.line() for r in again]
        return {"cold": {r.stage.num: round(r.seconds, 3) for r in cold}, "cold_total": round(cold_total, 3),
                "rerun_total": round(again_total, 3)}
    finally: shutil.rmtree(out.parent, ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repo", default=str(sample_repo()))
    ap.add_argument("--stages", default="01-03")
    ap.add_argument("--repeat", type=int, default=2, help="best of K runs")
    a = ap.parse_args()
    repo = Path(a.repo).resolve()
    res = {"repo": repo.name, "stages": a.stages, "cpu_count": os.cpu_count(), "python": platform.python_version(),
           "load_avg_before": [round(x, 2) for x in os.getloadavg()]}
    for mode, inline in (("inline", True), ("papermill", False)):
        runs = [timed(repo, a.stages, inline) for _ in range(a.repeat)]
        res[mode] = min(runs, key=lambda r: r["cold_total"])
    res["ratio_papermill_over_inline"] = round(res["papermill"]["cold_total"] / res["inline"]["cold_total"], 2)
    res["overhead_per_stage_s"] = round((res["papermill"]["cold_total"] - res["inline"]["cold_total"]) / len(res["inline"]["cold"]), 2)
    print(f"{'stage':<6}{'inline s':>10}{'papermill s':>13}")
    for n in res["inline"]["cold"]:
        print(f"{n:<6}{res['inline']['cold'][n]:>10.2f}{res['papermill']['cold'][n]:>13.2f}")
    print(f"total {res['inline']['cold_total']:>9.2f}{res['papermill']['cold_total']:>13.2f}   "
          f"papermill/inline = {res['ratio_papermill_over_inline']}x, +{res['overhead_per_stage_s']}s per stage")
    print(f"unchanged re-run (all skipped): inline {res['inline']['rerun_total']:.2f}s, papermill {res['papermill']['rerun_total']:.2f}s")
    write_result(f"bench_pipeline_{repo.name}", res)


if __name__ == "__main__":
    main()
