"""Benchmark stage 01 with the code model against bare tree-sitter parsing of the same Java files, in the same run.

    .venv/bin/python bench/bench_code_model.py [--repo /work/dev/dubbo] [--workers 1] [--repeat 1]

It alternates, `--repeat` times: bare parsing (read + tree-sitter parse of the repository's indexed Java
files, by the same number of processes) and stage 01 itself (cache off, cold run folder, `force`), which
parses each Java file once and writes the chunks and raw_index/code_model.jsonl (front-end records,
cross-file resolution, framework profiles). The ratio is taken from the best time of each (wall clock and
CPU seconds). It then splits the stage's cost: the front-end on the Java files alone (one parse giving
chunks and model records) against bare parsing of them, and the stage's own `model` step (resolve and
profiles) from its manifest. Writes bench/results/bench_code_model_<repo>.json (git-ignored).
Not a test: nothing here asserts a time.
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
import warnings
from pathlib import Path

warnings.simplefilter("ignore")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from autocode.core import decode_text, load_settings, split_lines  # noqa: E402
from autocode import index_repo as ir  # noqa: E402
from autocode.lang.java.frontend import java_parser, parse_java  # noqa: E402
from bench.bench_index import _cpu, bare_parse  # noqa: E402

from results_file import write_result  # noqa: E402  (bench/ is the script's folder)

TARGET = 3.0   # stage 01 with the code model should take at most TARGET x bare tree-sitter parsing


def stage(settings_path: Path, repo: Path, workers: int) -> tuple[float, float, dict]:
    "(wall, CPU, manifest counts+timings) of a cold stage 01 run, cache off, fresh run folder."
    out = Path(tempfile.mkdtemp(prefix="bench_cm_"))
    try:
        s = load_settings(settings_path, {"run.repo": str(repo), "run.out": str(out), "run.quiet": "true",
                                          "run.workers": str(workers), "index.cache": "false"})
        t, c = time.perf_counter(), _cpu()
        m = ir.run(s, out, force=True)
        return time.perf_counter() - t, _cpu() - c, {**m.counts, "timings": m.timings,
                                                     "code_model_mib": round((out / "raw_index" / "code_model.jsonl").stat().st_size / 2**20, 1)}
    finally: shutil.rmtree(out, ignore_errors=True)


def frontend_split(java: list[str], max_lines: int) -> dict[str, float]:
    "CPU seconds: bare parse of the files' text vs the front-end (one parse -> chunks + model record) on the same text."
    texts = []
    for f in java:
        try: texts.append(split_lines(decode_text(Path(f).read_bytes())[0]))
        except ValueError: pass
    p = java_parser()
    c = time.process_time()
    for ls in texts: p.parse("\n".join(ls).encode("utf-8"))
    bare = time.process_time() - c
    c = time.process_time()
    for ls in texts: parse_java(ls, max_lines)
    fe = time.process_time() - c
    return {"bare_parse_cpu_s": round(bare, 3), "frontend_cpu_s": round(fe, 3), "frontend_ratio": round(fe / bare, 2)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repo", default="/work/dev/dubbo")
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--settings", default=str(ROOT / "settings.ini"))
    a = ap.parse_args()
    repo, settings_path = Path(a.repo).resolve(), Path(a.settings).resolve()
    s = load_settings(settings_path, {"run.repo": str(repo)})
    java = [str(repo / w.rel) for w in ir.walk_repo(repo, s.index) if w.note is None and w.rel.endswith(".java")]
    java_parser()
    bare, runs = [], []
    for _ in range(a.repeat):   # alternate, so both see the same machine load
        bare.append(bare_parse(java, a.workers))
        runs.append(stage(settings_path, repo, a.workers))
    bw, bc = min(x[0] for x in bare), min(x[1] for x in bare)
    sw, sc = min(x[0] for x in runs), min(x[1] for x in runs)
    counts = runs[0][2]
    res = {"repo": str(repo), "java_files": len(java), "workers": a.workers, "repeat": a.repeat, "target_ratio": TARGET,
           "bare_s": round(bw, 3), "stage_s": round(sw, 3), "ratio": round(sw / bw, 2),
           "bare_cpu_s": round(bc, 3), "stage_cpu_s": round(sc, 3), "cpu_ratio": round(sc / bc, 2),
           "load_avg": [round(x, 2) for x in os.getloadavg()],
           "counts": {k: v for k, v in counts.items() if k.startswith(("java_parses", "model_", "roles_", "files", "chunks", "code_model"))},
           "stage_timings": counts["timings"]}
    print(f"{repo.name}: {len(java)} Java files, {a.workers} worker(s)")
    print(f"stage 01 (chunks + code model) {sw:.2f}s vs bare tree-sitter {bw:.2f}s -> {sw / bw:.2f}x wall "
          f"(CPU {sc:.2f}s vs {bc:.2f}s -> {sc / bc:.2f}x); target <= {TARGET:.1f}x")
    print(f"stage timings: {counts['timings']}; java_parses {counts['java_parses']}, code_model.jsonl {counts['code_model_mib']} MiB")
    res["frontend"] = fe = frontend_split(java, s.index.max_chunk_lines)
    print(f"front-end alone (one parse -> chunks + model): {fe['frontend_cpu_s']:.2f}s CPU vs bare parse {fe['bare_parse_cpu_s']:.2f}s "
          f"-> {fe['frontend_ratio']:.2f}x")
    write_result(f"bench_code_model_{repo.name}", res)


if __name__ == "__main__":
    main()
