#!/usr/bin/env bash
# Stage 09 (LoRA) on a CUDA GPU with a larger tiny-config Llama model built offline (no downloads).
#
# usage: bench/gpu_lora.sh SFT_DIR [HIDDEN] [LAYERS] [HEADS]
#   SFT_DIR  an sft/ folder written by stage 08 with [sft] tokenizer = tiny (e.g. data/runs/sample_repo/sft)
#   HIDDEN, LAYERS, HEADS  shape of the model (default 1024, 8, 16: about 100M parameters)
# environment: PYTHON (default .venv/bin/python, else python3), EPOCHS (default: settings.ini),
#              ALLOW_CPU=1 (smoke test without a GPU), MAX_STEPS (default -1), BATCH (default 8), LR (default 1e-3), MODE (default grounded), KEEP=1 keeps the run folder
# prints one JSON line: device, model size, steps, seconds, assistant tokens/s, first and last loss, dev loss, peak GPU memory.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 1 ] || { echo "usage: $0 SFT_DIR [HIDDEN] [LAYERS] [HEADS]" >&2; exit 2; }
SFT=$(cd "$1" && pwd) || { echo "$1: not a folder" >&2; exit 2; }
[ -f "$SFT/tokenizer/tokenizer.json" ] || { echo "$SFT/tokenizer/tokenizer.json missing: run stage 08 with [sft] tokenizer = tiny" >&2; exit 2; }
HIDDEN=${2:-1024}; LAYERS=${3:-8}; HEADS=${4:-16}
PYTHON=${PYTHON:-$( [ -x .venv/bin/python ] && echo .venv/bin/python || echo python3 )}
WORK=$(mktemp -d /tmp/gpu_lora.XXXXXX)
[ "${KEEP:-0}" = 1 ] || trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/run" && cp -r "$SFT" "$WORK/run/sft"
nvidia-smi --query-gpu=name,memory.total --format=csv,noheader 2>/dev/null || true

AUTOCODE_QUIET=1 PYTHONPATH=. "$PYTHON" - "$WORK/run" "$HIDDEN" "$LAYERS" "$HEADS" <<'PY'
import json, os, sys, time
from pathlib import Path
import torch
from autocode.core import load_settings, iter_jsonl
from autocode import lora

out, hidden, layers, heads = Path(sys.argv[1]), *sys.argv[2:5]
cuda = torch.cuda.is_available()
if not cuda and os.environ.get("ALLOW_CPU") != "1": sys.exit("no CUDA GPU visible to torch: this benchmark is for a GPU machine (ALLOW_CPU=1 for a smoke test)")
over = {"run.out": str(out), "run.quiet": "true", "lora.tiny_hidden": hidden, "lora.tiny_layers": layers, "lora.tiny_heads": heads,
        "lora.base_model": "tiny", "lora.mode": os.environ.get("MODE", "grounded"), "lora.batch_size": os.environ.get("BATCH", "8"),
        "lora.learning_rate": os.environ.get("LR", "1e-3"), "lora.max_steps": os.environ.get("MAX_STEPS", "-1"),
        "lora.epochs": os.environ.get("EPOCHS")}
s = load_settings(None, over)
if cuda: torch.cuda.reset_peak_memory_stats()
t0 = time.perf_counter()
m = lora.run(s, out, force=True)
secs = time.perf_counter() - t0
c = m.counts
print(json.dumps({"device": torch.cuda.get_device_name(0) if cuda else "cpu", "hidden": int(hidden), "layers": int(layers), "heads": int(heads),
                  "total_params": c["total_params"], "trainable_params": c["trainable_params"], "train_chats": c["train_chats"],
                  "steps": c["steps"], "seconds": round(secs, 1), "train_seconds": m.timings.get("train"),
                  "assistant_tokens_per_s": c["assistant_tokens_per_s"], "loss_first": c["loss_first"], "loss_last": c["loss_last"],
                  "dev_loss_before": c["dev_loss_before"], "dev_loss_after": c["dev_loss_after"],
                  "peak_gpu_mem_gib": round(torch.cuda.max_memory_allocated() / 2**30, 2) if cuda else None}))
PY
