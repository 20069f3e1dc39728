"Where the benchmarks keep their measurements: bench/results/<name>.json (git-ignored)."
from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def write_result(name: str, result: dict) -> Path:
    "Write one benchmark's result as bench/results/`name`.json and say where."
    dest = ROOT / "bench" / "results" / f"{name}.json"
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {dest.relative_to(ROOT)}")
    return dest
