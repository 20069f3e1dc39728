"""Benchmark corpus runs on Ray: the speed-up from 1 to 2 workers, and the driver's peak memory for 3 and 6 repositories.

    .venv/bin/python bench/bench_corpus.py [--repos DIR ...] [--dev /work/dev]

Each configuration runs in a fresh Python process (the driver) with a fresh local Ray instance of N CPUs and a fresh
corpus folder (no parse cache): `autocode.corpus.run_corpus(..., executor="ray")`. The driver reports its own peak
RSS (getrusage RUSAGE_SELF: the Ray workers and phase 2 run in other processes) and the seconds of the corpus run
without the Ray start, which is reported apart. Runs:

- 6 repositories on 1 worker and on 2 workers: speed-up = seconds(1) / seconds(2) (target >= 1.6 on 2 free cores),
  overall and for phase 1 alone (the repositories, which run in parallel; phase 2 is one task over the corpus);
- 3 repositories on 2 workers: the driver's peak RSS beside that of the 6-repository run (should not grow with the corpus).

The machine's load average is recorded before and after: on a shared machine the speed-up is only as good as the
cores that were free. Writes bench/results/bench_corpus.json. Not a test: nothing here asserts a time.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from results_file import write_result  # bench/ is the script's folder

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ("newbee-mall", "spring-petclinic", "xmall", "miaosha", "litemall", "mall4j")

DRIVER = r"""
import json, resource, sys, time, warnings
warnings.simplefilter("ignore")
import ray
from autocode.core import load_settings
from autocode.corpus import run_corpus
root, out, cpus, repos = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4:]
t = time.perf_counter()
ray.init(num_cpus=cpus, include_dashboard=False, object_store_memory=256 * 2**20, log_to_driver=False)
ray_start = time.perf_counter() - t
s = load_settings(root + "/settings.ini", {"run.quiet": "true"})
t = time.perf_counter()
res = run_corpus(s, repos, out, "ray")
secs = time.perf_counter() - t
ray.shutdown()
print(json.dumps({"seconds": round(secs, 2), "ray_start_s": round(ray_start, 2), "phase1_s": res.timings["repos"],
                  "phase2_s": res.timings["corpus"],
                  "driver_peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
                  "phase2_peak_rss_mb": res.corpus.get("peak_rss_mb"), "rows": res.corpus.get("validate", {}).get("final"),
                  "repos": {n: {k: r.get(k) for k in ("status", "seconds", "reason")} for n, r in res.repos.items()}}))
"""


def run(repos: list[Path], cpus: int) -> dict:
    "One corpus run in a fresh driver process with a fresh local Ray instance of `cpus` CPUs."
    out = Path(tempfile.mkdtemp(prefix="bench_corpus_"))
    try:
        env = {**os.environ, "AUTOCODE_QUIET": "1", "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
        p = subprocess.run([sys.executable, "-c", DRIVER, str(ROOT), str(out / "corpus"), str(cpus), *map(str, repos)],
                           capture_output=True, text=True, env=env, timeout=3600)
        if p.returncode != 0: raise SystemExit(f"driver failed ({p.returncode}): {p.stderr[-2000:]}")
        return {"load_avg_before": [round(x, 2) for x in os.getloadavg()], **json.loads(p.stdout.strip().splitlines()[-1])}
    finally: shutil.rmtree(out, ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dev", default="/work/dev", help="folder holding the public repositories")
    ap.add_argument("--repos", nargs="*", help=f"repository folders (default: {', '.join(DEFAULT)} under --dev)")
    a = ap.parse_args()
    repos = [Path(r).resolve() for r in a.repos] if a.repos else [Path(a.dev) / n for n in DEFAULT]
    missing = [str(r) for r in repos if not r.is_dir()]
    if missing: raise SystemExit(f"missing repositories: {', '.join(missing)}")
    if len(repos) < 6: raise SystemExit("the benchmark needs at least 6 repositories")
    res = {"repos": [r.name for r in repos], "cpu_count": os.cpu_count(), "python": platform.python_version(),
           "load_avg_start": [round(x, 2) for x in os.getloadavg()]}
    res["six_1_worker"] = run(repos, 1)
    res["six_2_workers"] = run(repos, 2)
    res["three_2_workers"] = run(repos[:3], 2)
    res["load_avg_end"] = [round(x, 2) for x in os.getloadavg()]
    res["speedup_1_to_2_workers"] = round(res["six_1_worker"]["seconds"] / res["six_2_workers"]["seconds"], 2)
    # phase 1 (the repositories, the parallel part) alone; phase 2 is one task over the corpus whatever the workers
    res["speedup_1_to_2_workers_phase1"] = round(res["six_1_worker"]["phase1_s"] / res["six_2_workers"]["phase1_s"], 2)
    res["driver_peak_rss_mb"] = {"3_repos": res["three_2_workers"]["driver_peak_rss_mb"], "6_repos": res["six_2_workers"]["driver_peak_rss_mb"]}
    for k in ("six_1_worker", "six_2_workers", "three_2_workers"):
        r = res[k]
        print(f"{k:<16} {r['seconds']:8.1f}s (repositories {r['phase1_s']:.1f}s + corpus {r['phase2_s']:.1f}s; "
              f"+{r['ray_start_s']:.1f}s Ray start)  driver peak {r['driver_peak_rss_mb']} MB  "
              f"phase 2 peak {r['phase2_peak_rss_mb']} MB  rows {r['rows']}  load before {r['load_avg_before']}  "
              f"failed: {[n for n, x in r['repos'].items() if x['status'] == 'failed']}")
    print(f"speed-up 1 -> 2 workers: {res['speedup_1_to_2_workers']}x overall, {res['speedup_1_to_2_workers_phase1']}x for the "
          "repositories (target >= 1.6 on 2 free cores); "
          f"driver peak RSS 3 vs 6 repositories: {res['driver_peak_rss_mb']['3_repos']} vs {res['driver_peak_rss_mb']['6_repos']} MB; "
          f"load average {res['load_avg_start']} -> {res['load_avg_end']} on {res['cpu_count']} cores")
    write_result("bench_corpus", res)


if __name__ == "__main__":
    main()
