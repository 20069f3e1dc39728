"""Benchmark autocode against the seed implementation: stages 01-08 on the same repository, cold, side by side in one run.

    .venv/bin/python bench/bench_seed.py [--repo /work/dev/mall] [--seed /work/dev/AutoCodeDataPipeline] [--repeat K]

The seed (hddyyyb/AutoCodeDataPipeline) runs its scripts 01-08 one after another, each in its own interpreter, from a
temporary copy of its scripts/ and configs/ whose repo/mall points at --repo (its configs are written for mall), so
nothing is written into the seed's checkout. autocode runs `--inline --stages 01-08` in one fresh interpreter into a
fresh run folder with the parse cache off. The two alternate (seed first, then autocode first, ...) and the best of K
runs of each is kept. Prints wall and CPU seconds per stage and in total, and the ratio autocode/seed, and writes a
JSON result to bench/results/. Not a test: nothing here asserts a time. On a shared machine the CPU ratio is the
steadier number; the wall ratio is what a user waits for.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from results_file import write_result  # bench/ is the script's folder

ROOT = Path(__file__).resolve().parents[1]

# the seed's scripts, in order; stage 07 writes docs/04_demo_and_results.md of its own tree
SEED_SCRIPTS = ("01_index_repo.py", "02_build_domain_map.py", "03_extract_rules_and_flows.py", "04_generate_qa.py",
                "05_generate_design_tasks.py", "06_postprocess_and_validate.py", "07_metrics_report.py", "08_prepare_sft_data.py")

# run inside a fresh interpreter: the pipeline in-process, per-stage wall and CPU seconds as JSON on stdout
AUTOCODE_DRIVER = r"""
import json, os, sys, time
t0, c0 = time.perf_counter(), time.process_time()
os.environ["AUTOCODE_QUIET"] = "1"
from autocode.core import load_settings
from autocode.pipeline import run_pipeline

repo, out = sys.argv[1], sys.argv[2]
s = load_settings(None, {"run.repo": repo, "run.out": out, "run.quiet": "true", "index.cache": "false"})
stages, mark = {}, [time.perf_counter(), time.process_time()]
def seen(r):
    t, c = time.perf_counter(), time.process_time()
    stages[r.stage.num] = {"wall": round(t - mark[0], 3), "cpu": round(c - mark[1], 3), "status": r.status}
    mark[:] = [t, c]
run_pipeline(s, "01-08", inline=True, on_result=seen)
print(json.dumps({"stages": stages}))
"""


def _cpu_children() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def _timed(cmd: list[str], cwd: Path, env: dict | None = None) -> tuple[float, float, subprocess.CompletedProcess]:
    "Wall and CPU seconds of one child process (CPU: user + system of the child and its own children)."
    c0, t0 = _cpu_children(), time.perf_counter()
    p = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
    return time.perf_counter() - t0, _cpu_children() - c0, p


def run_seed(seed: Path, repo: Path) -> dict:
    "The seed's scripts 01-08 on `repo`, from a temporary copy of the seed's code; per-script wall and CPU seconds."
    work = Path(tempfile.mkdtemp(prefix="bench_seed_"))
    try:
        for d in ("scripts", "configs"): shutil.copytree(seed / d, work / d)
        (work / "repo").mkdir(); (work / "repo" / "mall").symlink_to(repo.resolve())
        (work / "docs").mkdir()
        stages = {}
        for i, name in enumerate(SEED_SCRIPTS, 1):
            wall, cpu, p = _timed([sys.executable, f"scripts/{name}"], work)
            if p.returncode != 0: raise SystemExit(f"seed script {name} failed:\n{p.stderr[-2000:]}")
            stages[f"{i:02d}"] = {"wall": round(wall, 3), "cpu": round(cpu, 3)}
        return {"stages": stages, "wall": round(sum(v["wall"] for v in stages.values()), 3),
                "cpu": round(sum(v["cpu"] for v in stages.values()), 3)}
    finally: shutil.rmtree(work, ignore_errors=True)


def run_autocode(repo: Path) -> dict:
    "`autocode run --inline --stages 01-08` on `repo` in a fresh interpreter and run folder, cache off."
    out = Path(tempfile.mkdtemp(prefix="bench_autocode_")) / "run"
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    try:
        wall, cpu, p = _timed([sys.executable, "-c", AUTOCODE_DRIVER, str(repo), str(out)], ROOT, env)
        if p.returncode != 0: raise SystemExit(f"autocode failed:\n{p.stderr[-2000:]}")
        res = json.loads(p.stdout.strip().splitlines()[-1])
        if {v["status"] for v in res["stages"].values()} != {"done"}: raise SystemExit(f"autocode skipped a stage: {res}")
        # the interpreter's start and imports before stage 01 are part of what a user waits for
        return {"stages": res["stages"], "wall": round(wall, 3), "cpu": round(cpu, 3)}
    finally: shutil.rmtree(out.parent, ignore_errors=True)


def ratios(a: dict, s: dict) -> dict:
    "autocode/seed for the totals and each stage."
    r = {"wall": round(a["wall"] / s["wall"], 2), "cpu": round(a["cpu"] / s["cpu"], 2)}
    for n in s["stages"]:
        x, y = a["stages"].get(n), s["stages"][n]
        if x: r[n] = {k: round(x[k] / y[k], 2) if y[k] > 0 else None for k in ("wall", "cpu")}
    return r


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repo", default="/work/dev/mall", help="the Java repository (the seed's configs are written for mall)")
    ap.add_argument("--seed", default="/work/dev/AutoCodeDataPipeline", help="checkout of hddyyyb/AutoCodeDataPipeline")
    ap.add_argument("--repeat", type=int, default=1, help="best of K runs of each, alternating which goes first")
    a = ap.parse_args()
    repo, seed = Path(a.repo).resolve(), Path(a.seed).resolve()
    for p, what in ((repo, "--repo"), (seed / "scripts", "--seed")):
        if not p.is_dir(): raise SystemExit(f"{what}: {p} is not a folder")
    res = {"repo": repo.name, "cpu_count": os.cpu_count(), "python": platform.python_version(),
           "load_avg_before": [round(x, 2) for x in os.getloadavg()]}
    seeds, autos = [], []
    for k in range(a.repeat):
        order = (("seed", lambda: seeds.append(run_seed(seed, repo))), ("autocode", lambda: autos.append(run_autocode(repo))))
        for _, fn in (order if k % 2 == 0 else order[::-1]): fn()
    res["seed"], res["autocode"] = min(seeds, key=lambda r: r["wall"]), min(autos, key=lambda r: r["wall"])
    res["ratio_autocode_over_seed"] = ratios(res["autocode"], res["seed"])
    res["load_avg_after"] = [round(x, 2) for x in os.getloadavg()]
    s, ac, r = res["seed"], res["autocode"], res["ratio_autocode_over_seed"]
    print(f"{'stage':<7}{'seed wall':>10}{'autocode':>10}{'ratio':>7}   {'seed cpu':>9}{'autocode':>10}{'ratio':>7}")
    for n in s["stages"]:
        x = ac["stages"].get(n, {"wall": 0, "cpu": 0})
        print(f"{n:<7}{s['stages'][n]['wall']:>10.2f}{x['wall']:>10.2f}{r[n]['wall']:>7.2f}   "
              f"{s['stages'][n]['cpu']:>9.2f}{x['cpu']:>10.2f}{r[n]['cpu']:>7.2f}")
    print(f"{'total':<7}{s['wall']:>10.2f}{ac['wall']:>10.2f}{r['wall']:>7.2f}   {s['cpu']:>9.2f}{ac['cpu']:>10.2f}{r['cpu']:>7.2f}"
          "   (autocode's total includes its interpreter start and imports)")
    write_result(f"bench_seed_{repo.name}", res)


if __name__ == "__main__":
    main()
