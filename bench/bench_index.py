"""Benchmark stage 01 (index_repo) against bare tree-sitter parsing of the same Java files, in the same run.

    .venv/bin/python bench/bench_index.py [--repo PATH] [--workers N] [--repeat K] [--settings settings.ini]

For 1 worker and for N workers it alternates K times: bare parsing (read + tree-sitter parse of the
repository's indexed Java files, by N processes as the stage uses them) and the stage itself (cache
off, cold run folder, `force`). Alternating keeps both under the same machine load; the ratio is taken
from the best time of each (wall clock), and the median of the paired ratios is shown as well. It also
reports CPU seconds (the process and its workers: less sensitive to other load), the unchanged re-run
time, the peak RSS of a stage run in a fresh process, and, for 1 worker, where the stage's time goes
(CPU seconds per step, the same functions the stage calls, on the same files). Writes a JSON result to
bench/results/ (git-ignored). Not a test: nothing here asserts a time.
"""
from __future__ import annotations

import argparse
import gc
import multiprocessing
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

warnings.simplefilter("ignore")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from autocode.core import decode_text, load_settings, sample_repo, split_lines  # noqa: E402
from autocode import index_repo as ir  # noqa: E402
from autocode.lang.java.frontend import java_parser  # noqa: E402

from results_file import write_result  # noqa: E402  (bench/ is the script's folder)

TARGET = 2.0   # the stage should take at most TARGET x bare tree-sitter parsing


def _cpu() -> float:
    "CPU seconds of this process and of its finished children."
    s, c = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return s.ru_utime + s.ru_stime + c.ru_utime + c.ru_stime


def _parse_files(paths: list[str]) -> int:
    "Read and tree-sitter-parse Java files; returns the roots' child counts (to use the result)."
    p, n = java_parser(), 0
    for f in paths:
        n += p.parse(Path(f).read_bytes()).root_node.child_count
    return n


def bare_parse(paths: list[str], workers: int) -> tuple[float, float]:
    "(wall, CPU) seconds to read and parse `paths` with `workers` processes, as the stage runs them (a fork pool of `workers - 1` and this one)."
    t, c = time.perf_counter(), _cpu()
    if workers <= 1: _parse_files(paths)
    else:
        ctx = multiprocessing.get_context("fork") if sys.platform.startswith("linux") else None
        sizes = {f: os.path.getsize(f) for f in paths}
        shares: list[list[str]] = [[] for _ in range(workers)]
        for f in sorted(paths, key=lambda f: -sizes[f]):   # equal bytes per process
            min(shares, key=lambda sh: sum(sizes[x] for x in sh)).append(f)
        with ProcessPoolExecutor(max_workers=workers - 1, mp_context=ctx) as pool:
            futures = [pool.submit(_parse_files, sh) for sh in shares[1:]]
            _parse_files(shares[0])
            for f in futures: f.result()
    return time.perf_counter() - t, _cpu() - c


def _settings(settings_path: Path, repo: Path, out: Path, workers: int):
    return load_settings(settings_path, {"run.repo": str(repo), "run.out": str(out), "run.quiet": "true",
                                         "run.workers": str(workers), "index.cache": "false"})


def stage_time(settings_path: Path, repo: Path, workers: int) -> tuple[float, float, float, dict]:
    "(cold wall, cold CPU, unchanged re-run wall, manifest counts+timings) of stage 01, cache off, fresh run folder."
    out = Path(tempfile.mkdtemp(prefix="bench_index_"))
    try:
        s = _settings(settings_path, repo, out, workers)
        t, c = time.perf_counter(), _cpu(); m = ir.run(s, out, force=True); cold, cpu = time.perf_counter() - t, _cpu() - c
        t = time.perf_counter(); ir.run(s, out); rerun = time.perf_counter() - t
        return cold, cpu, rerun, {**m.counts, "timings": m.timings}
    finally: shutil.rmtree(out, ignore_errors=True)


def peak_rss_mib(settings_path: Path, repo: Path, workers: int) -> float:
    "Peak RSS (MiB) of one cold stage run in a fresh process (the largest of the process and its workers)."
    code = ("import resource, sys, tempfile, warnings; warnings.simplefilter('ignore'); sys.path.insert(0, sys.argv[1]);"
            "from pathlib import Path; from bench.bench_index import _settings; from autocode.index_repo import run;"
            "out = Path(tempfile.mkdtemp(prefix='bench_index_rss_'));"
            "run(_settings(Path(sys.argv[2]), Path(sys.argv[3]), out, int(sys.argv[4])), out, force=True);"
            "import shutil; shutil.rmtree(out, ignore_errors=True);"
            "print(max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))")
    r = subprocess.run([sys.executable, "-c", code, str(ROOT), str(settings_path), str(repo), str(workers)],
                       capture_output=True, text=True, cwd=ROOT)
    if r.returncode != 0: raise RuntimeError(r.stderr[-2000:])
    return round(int(r.stdout.split()[-1]) / 1024, 1)


def _best_cpu(f, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        c = time.process_time(); f(); best = min(best, time.process_time() - c)
    return best


def breakdown(settings_path: Path, repo: Path, repeat: int) -> dict[str, float]:
    "CPU seconds of each step of a 1-worker cold run (best of `repeat`), by calling the stage's own functions on the same files."
    s = load_settings(settings_path, {"run.repo": str(repo)})
    cfg = s.index.model_dump()
    entries = [w for w in ir.walk_repo(repo, s.index) if w.note is None]
    data = {w.rel: (repo / w.rel).read_bytes() for w in entries}
    texts = {}
    for rel, b in data.items():
        try: texts[rel] = split_lines(decode_text(b)[0]) if b else []
        except ValueError: pass
    lang = {rel: ir.language_of(rel) for rel in data}
    java = [rel for rel in texts if lang[rel] == "java" and texts[rel]]
    xml = [rel for rel in texts if lang[rel] in ("xml", "maven") and texts[rel]]
    other = [rel for rel in texts if lang[rel] in ir.PARSERS and texts[rel]]
    srcs = ["\n".join(texts[rel]).encode("utf-8") for rel in java]
    p = java_parser()

    def parse_xml_all():
        for rel in xml:
            try: ir.parse_xml(texts[rel], rel)
            except ValueError: pass

    def parse_other_all():
        for rel in other:
            try: ir.PARSERS[lang[rel]](texts[rel], rel)
            except ValueError: pass

    per_file = lambda: [ir._index_bytes(b, rel, lang[rel], ir.file_record(rel, len(b)), cfg) for rel, b in data.items()]
    gc_was = gc.isenabled(); gc.disable()   # as in the stage
    try:
        steps = {
            "walk + fingerprint": _best_cpu(lambda: ir.repo_fingerprint(ir.walk_repo(repo, s.index), s.index), repeat),
            "read files": _best_cpu(lambda: [(repo / rel).read_bytes() for rel in data], repeat),
            "decode + split lines": _best_cpu(lambda: [split_lines(decode_text(b)[0]) for rel, b in data.items() if rel in texts and b], repeat),
            "tree-sitter parse (Java)": _best_cpu(lambda: [p.parse(x).root_node.child_count for x in srcs], repeat),
            "Java parse + extraction": _best_cpu(lambda: [ir.parse_java(texts[rel], cfg["max_chunk_lines"]) for rel in java], repeat),
            "MyBatis/Maven XML": _best_cpu(parse_xml_all, repeat),
            "YAML/properties/SQL/Markdown": _best_cpu(parse_other_all, repeat),
            "per-file total (decode..records)": _best_cpu(per_file, repeat),
        }
        results = per_file()
        steps["JSON lines (pack)"] = _best_cpu(lambda: [ir.pack(r) for r in results], repeat)
        packed = [ir.pack(r) for r in results]
        results.clear()
        steps["link (assemble)"] = _best_cpu(lambda: ir.assemble(packed), repeat)
    finally:
        if gc_was: gc.enable()
    steps["Java extraction (excl. tree-sitter)"] = steps["Java parse + extraction"] - steps["tree-sitter parse (Java)"]
    steps["records: text, hashes, ids"] = steps["per-file total (decode..records)"] - steps["decode + split lines"] - \
        steps["Java parse + extraction"] - steps["MyBatis/Maven XML"] - steps["YAML/properties/SQL/Markdown"]
    return {k: round(v, 3) for k, v in steps.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mall = Path("/work/mall")
    ap.add_argument("--repo", default=str(mall if mall.is_dir() else sample_repo()))
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="the N of the N-worker runs")
    ap.add_argument("--repeat", type=int, default=5, help="alternating runs per worker count (best and median are reported)")
    ap.add_argument("--settings", default=str(ROOT / "settings.ini"), help="settings file (its [index] section is used)")
    a = ap.parse_args()
    repo, settings_path = Path(a.repo).resolve(), Path(a.settings).resolve()
    s = load_settings(settings_path, {"run.repo": str(repo)})
    java = [str(repo / w.rel) for w in ir.walk_repo(repo, s.index) if w.note is None and w.rel.endswith(".java")]
    result = {"repo": str(repo), "java_files": len(java), "cpu_count": os.cpu_count(), "python": platform.python_version(),
              "load_avg_before": [round(x, 2) for x in os.getloadavg()], "target_ratio": TARGET, "runs": {}}
    java_parser()   # created before the pools fork, for both sides
    for w in sorted({1, max(1, a.workers)}):
        bare, stage = [], []
        for _ in range(a.repeat):   # alternate, so both see the same machine load
            bare.append(bare_parse(java, w))
            stage.append(stage_time(settings_path, repo, w))
        bw, sw = min(x[0] for x in bare), min(x[0] for x in stage)
        run = {"stage_cold_s": round(sw, 3), "bare_tree_sitter_s": round(bw, 3), "ratio": round(sw / bw, 2),
               "ratio_median_of_pairs": round(statistics.median(x[0] / y[0] for x, y in zip(stage, bare)), 2),
               "stage_cpu_s": round(min(x[1] for x in stage), 3), "bare_cpu_s": round(min(x[1] for x in bare), 3),
               "rerun_s": round(min(x[2] for x in stage), 3), "peak_rss_mib": peak_rss_mib(settings_path, repo, w),
               "stage_timings": min((x[3]["timings"] for x in stage), key=lambda t: sum(t.values()))}
        run["cpu_ratio"] = round(run["stage_cpu_s"] / run["bare_cpu_s"], 2)
        result["runs"][str(w)] = run
        result["counts"] = {k: v for k, v in stage[0][3].items() if k != "timings"}
        print(f"workers={w}: stage 01 cold {sw:.2f}s vs bare tree-sitter {bw:.2f}s -> {sw / bw:.2f}x "
              f"(median of pairs {run['ratio_median_of_pairs']:.2f}x; CPU {run['stage_cpu_s']:.2f}s vs {run['bare_cpu_s']:.2f}s "
              f"-> {run['cpu_ratio']:.2f}x); unchanged re-run {run['rerun_s']:.3f}s; peak RSS {run['peak_rss_mib']} MiB")
    result["breakdown_cpu_s"] = bd = breakdown(settings_path, repo, a.repeat)
    parts = ("walk + fingerprint", "read files", "decode + split lines", "tree-sitter parse (Java)", "Java extraction (excl. tree-sitter)",
             "MyBatis/Maven XML", "YAML/properties/SQL/Markdown", "records: text, hashes, ids", "JSON lines (pack)", "link (assemble)")
    bd["write, manifest, the rest"] = round(max(0.0, result["runs"]["1"]["stage_cpu_s"] - sum(bd[k] for k in parts)), 3)
    base = bd["tree-sitter parse (Java)"]
    print(f"\nwhere 1 worker's time goes (CPU seconds, best of {a.repeat}; x = multiple of bare tree-sitter parsing):")
    for k in (*parts, "write, manifest, the rest"):
        print(f"  {k:38s} {bd[k]:7.3f}s  {bd[k] / base:5.2f}x")
    rest = sum(bd[k] for k in (*parts, "write, manifest, the rest") if k != "tree-sitter parse (Java)")
    print(f"  {'everything but tree-sitter':38s} {rest:7.3f}s  {rest / base:5.2f}x   (the target leaves {TARGET - 1:.1f}x for it)")
    result["load_avg_after"] = [round(x, 2) for x in os.getloadavg()]
    print(f"\nload average before/after: {result['load_avg_before'][0]} / {result['load_avg_after'][0]} on {os.cpu_count()} CPUs")
    print(f"files {result['counts']['files']}, chunks {result['counts']['chunks']}")
    write_result(f"bench_index_{repo.name}", result)


if __name__ == "__main__":
    main()
