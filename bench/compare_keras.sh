#!/usr/bin/env bash
# The imported peer Keras model (mini-Xception) as the app runs it (bench cnn --model, oneDNN + load-time rewrite)
# beside the same layers in PyTorch (bench/torch_keras_bench.py), alternating per round, both pinned to one core
# (CPU=0) with one thread; PLAIN=1 adds DL4J's network as imported on its plain kernels (the baseline, slow).
# Usage: bench/compare_keras.sh [MODEL.zip] (default: imports the peer model into $OUT/peer.zip first)
# Env: RUNS (7), ROUNDS (2), OUT (target/bench), CPU (0), PLAIN (0).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-7}; ROUNDS=${ROUNDS:-2}; OUT=${OUT:-target/bench}; CPU=${CPU:-0}
PEER=../shared/models/keras/fer2013_mini_XCEPTION.102-0.66.hdf5
PY=/usr/bin/python3
mkdir -p "$OUT"
[[ -f target/emolens.jar && -d target/lib ]] || mvn -q -B -DskipTests package
CP="target/classes:target/lib/*"
MODEL=${1:-$OUT/peer.zip}
if [[ $# -eq 0 ]]; then
  java -jar target/emolens.jar import-keras "$PEER" --out "$MODEL" --normalization signed >/dev/null
fi
echo "machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) CPUs, pinned to CPU $CPU; load: $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq 1 "$ROUNDS"); do
  taskset -c "$CPU" java -cp "$CP" io.emolens.cli.BenchCnnCommand --model "$MODEL" --runs "$RUNS" \
      --json "$OUT/keras-dl4j-$round.json" >/dev/null 2>"$OUT/keras-dl4j-$round.log"
  taskset -c "$CPU" $PY bench/torch_keras_bench.py "$PEER" --threads 1 --runs "$RUNS" --json "$OUT/keras-torch-$round.json" >/dev/null
done
if [[ "${PLAIN:-0}" == 1 ]]; then
  taskset -c "$CPU" java -cp "$CP" io.emolens.cli.BenchCnnCommand --model "$MODEL" --compute plain --runs "$RUNS" \
      --json "$OUT/keras-dl4jplain.json" >/dev/null 2>"$OUT/keras-dl4jplain.log"
fi
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
$PY - "$OUT" "$ROUNDS" <<'PYEOF'
import json, sys, os
out, rounds = sys.argv[1], int(sys.argv[2])
keys = ["infer_ms_per_face_b1", "infer_cpu_ms_per_face_b1", "infer_ms_per_face_b16", "infer_cpu_ms_per_face_b16"]
print("| measure | round | DL4J (oneDNN + rewrite) | PyTorch | DL4J/PyTorch time |")
print("|---|---:|---:|---:|---:|")
for k in keys:
    for r in range(1, rounds + 1):
        d = json.load(open(f"{out}/keras-dl4j-{r}.json")); t = json.load(open(f"{out}/keras-torch-{r}.json"))
        print(f"| {k} | {r} | {d[k]} | {t[k]} | {d[k] / t[k]:.2f} |")
p = f"{out}/keras-dl4jplain.json"
if os.path.exists(p):
    d = json.load(open(p))
    print("DL4J as imported, plain kernels: " + ", ".join(f"{k} {d[k]}" for k in keys))
PYEOF
