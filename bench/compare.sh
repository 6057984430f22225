#!/usr/bin/env bash
# Runs the DL4J benchmark (bench cnn) and the PyTorch reference on the same networks, interleaved so both
# see the same machine load, and prints DL4J/PyTorch ratios (>1 means DL4J is faster).
# Usage: bench/compare.sh [ARCH...] (default: seed default). Env: RUNS (7), ROUNDS (2), OUT (target/bench),
# PLAIN=1 to also measure DL4J without oneDNN helpers, MEMORY_EPOCHS (3) for the RSS check,
# SUMMARY_ONLY=1 to print the table from existing results.
# Needs: Java 17, Maven, and Debian's PyTorch: sudo apt-get install -y python3-torch python3-opencv
set -euo pipefail
cd "$(dirname "$0")/.."
ARCHS=("$@")
[[ $# -eq 0 ]] && ARCHS=(seed default)
RUNS=${RUNS:-7}
ROUNDS=${ROUNDS:-2}
OUT=${OUT:-target/bench}
PY=/usr/bin/python3
mkdir -p "$OUT"
if [[ "${SUMMARY_ONLY:-0}" == 1 ]]; then ROUNDS_RUN=0; else ROUNDS_RUN=$ROUNDS; fi
if [[ ! -f target/emolens.jar || ! -d target/lib ]]; then
  mvn -q -B -DskipTests package
fi
CP="target/classes:target/lib/*"
java_bench() { # arch compute json memory-epochs
  java -cp "$CP" io.emolens.cli.BenchCnnCommand --arch "$1" --compute "$2" --runs "$RUNS" \
       --memory-epochs "$4" --json "$3" >/dev/null
}
echo "machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) CPUs; load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"
for round in $(seq 1 "$ROUNDS_RUN"); do
  for arch in "${ARCHS[@]}"; do
    java_bench "$arch" ONEDNN "$OUT/dl4j-$arch-$round.json" "${MEMORY_EPOCHS:-3}"
    $PY bench/torch_bench.py --arch "$arch" --runs "$RUNS" --json "$OUT/torch-$arch-$round.json" >/dev/null
    if [[ "${PLAIN:-0}" == 1 ]]; then
      java_bench "$arch" PLAIN "$OUT/dl4jplain-$arch-$round.json" 0
    fi
  done
done
$PY - "$OUT" "$ROUNDS" "${ARCHS[@]}" <<'PYEOF'
import json, sys, os
out, rounds, archs = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
keys = [("infer_ms_per_face_b1", "ms/face", False), ("infer_ms_per_face_b16", "ms/face", False),
        ("train_images_per_s", "img/s", True)]
def load(kind, arch, r):
    p = os.path.join(out, f"{kind}-{arch}-{r}.json")
    return json.load(open(p)) if os.path.exists(p) else None
print(f"{'arch':8} {'measure':24} {'round':>5} {'dl4j':>9} {'torch':>9} {'dl4j/torch speed':>17}  dl4j-plain")
for arch in archs:
    for key, unit, higher in keys:
        for r in range(1, rounds + 1):
            d, t, pl = load("dl4j", arch, r), load("torch", arch, r), load("dl4jplain", arch, r)
            if not d or not t:
                continue
            ratio = d[key] / t[key] if higher else t[key] / d[key]
            plain = f"{pl[key]:9.2f}" if pl else ""
            print(f"{arch:8} {key:24} {r:5d} {d[key]:9.2f} {t[key]:9.2f} {ratio:16.2f}x  {plain}")
    for r in range(1, rounds + 1):
        d, t = load("dl4j", arch, r), load("torch", arch, r)
        if not d or not t:
            continue
        print(f"{arch:8} {'peak_rss_mb':24} {r:5d} {d['peak_rss_mb']:9.0f} {t['peak_rss_mb']:9.0f}"
              f"   dl4j RSS after each training epoch: {d.get('rss_mb_after_epoch')}")
PYEOF
