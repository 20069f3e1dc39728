"""Benchmark stage 01 (index_repo) against bare tree-sitter parsing of the same Java files, in the same run.

    .venv/bin/python bench/bench_index.py [--repo PATH] [--workers N] [--repeat K]

Runs the stage with the parse cache off and a cold run folder, once with 1 worker and once with N
workers, and times reading + tree-sitter parsing of the repository's indexed Java files with the same
worker counts. Prints the ratios and the peak memory, and writes a JSON result to bench/results/.
Not a test: nothing here asserts a time.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import sys
import tempfile
import time
import warnings
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

warnings.simplefilter("ignore")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from autocode.core import load_settings, sample_repo  # noqa: E402
from autocode.index_repo import java_parser, run, walk_repo  # noqa: E402


def _parse_files(paths: list[str]) -> int:
    "Read and tree-sitter-parse Java files; returns the number of nodes of the roots (to use the result)."
    p, n = java_parser(), 0
    for f in paths:
        n += p.parse(Path(f).read_bytes()).root_node.child_count
    return n


def bare_parse(paths: list[str], workers: int) -> float:
    "Seconds to read and parse `paths` with `workers` processes (the same fork pool the stage uses)."
    t = time.perf_counter()
    if workers <= 1: _parse_files(paths)
    else:
        import multiprocessing
        ctx = multiprocessing.get_context("fork") if sys.platform.startswith("linux") else None
        batches = [paths[i::workers] for i in range(workers)]
        with ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as pool: list(pool.map(_parse_files, batches))
    return time.perf_counter() - t


def stage_time(repo: Path, workers: int) -> tuple[float, float, dict]:
    "(cold seconds, unchanged re-run seconds, counts) of stage 01 with the cache off, in a fresh run folder."
    out = Path(tempfile.mkdtemp(prefix="bench_index_"))
    try:
        s = load_settings(ROOT / "settings.ini", {"run.repo": str(repo), "run.out": str(out), "run.quiet": "true",
                                                   "run.workers": str(workers), "index.cache": "false"})
        t = time.perf_counter(); m = run(s, out, force=True); cold = time.perf_counter() - t
        t = time.perf_counter(); run(s, out); rerun = time.perf_counter() - t
        return cold, rerun, {**m.counts, "timings": m.timings}
    finally: shutil.rmtree(out, ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mall = Path("/work/mall")
    ap.add_argument("--repo", default=str(mall if mall.is_dir() else sample_repo()))
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="the N of the N-worker runs")
    ap.add_argument("--repeat", type=int, default=3, help="best of K runs")
    a = ap.parse_args()
    repo = Path(a.repo).resolve()
    s = load_settings(ROOT / "settings.ini", {"run.repo": str(repo)})
    java = [str(repo / w.rel) for w in walk_repo(repo, s.index) if w.note is None and w.rel.endswith(".java")]
    result = {"repo": str(repo), "java_files": len(java), "cpu_count": os.cpu_count(), "python": platform.python_version(),
              "load_avg_before": [round(x, 2) for x in os.getloadavg()], "runs": {}}
    for w in sorted({1, max(1, a.workers)}):
        bare = min(bare_parse(java, w) for _ in range(a.repeat))
        stage = [stage_time(repo, w) for _ in range(a.repeat)]
        cold = min(x[0] for x in stage)
        rerun = min(x[1] for x in stage)
        result["runs"][str(w)] = {"stage_cold_s": round(cold, 3), "bare_tree_sitter_s": round(bare, 3),
                                  "ratio": round(cold / bare, 2), "rerun_s": round(rerun, 3)}
        result["counts"] = {k: v for k, v in stage[0][2].items() if k != "timings"}
        result["runs"][str(w)]["stage_timings"] = min((x[2]["timings"] for x in stage), key=lambda t: sum(t.values()))
        print(f"workers={w}: stage 01 cold {cold:.2f}s, bare tree-sitter {bare:.2f}s -> ratio {cold / bare:.2f}x; "
              f"unchanged re-run {rerun:.3f}s")
    peak_kib = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    result["peak_rss_mib"] = round(peak_kib / 1024, 1)
    result["load_avg_after"] = [round(x, 2) for x in os.getloadavg()]
    print(f"load average before/after: {result['load_avg_before'][0]} / {result['load_avg_after'][0]} on {os.cpu_count()} CPUs")
    print(f"files {result['counts']['files']}, chunks {result['counts']['chunks']}, peak RSS {result['peak_rss_mib']} MiB")
    res_dir = ROOT / "bench" / "results"; res_dir.mkdir(parents=True, exist_ok=True)
    path = res_dir / f"bench_index_{repo.name}.json"
    path.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
