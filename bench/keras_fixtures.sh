#!/usr/bin/env bash
# Regenerates the Keras import test fixtures in src/test/resources/keras: the hand-made Keras files and the numpy
# reference probabilities (bench/keras_reference.py) that KerasImportTest and PeerKerasModelTest compare against.
# Needs Debian's python3-h5py and python3-numpy; the peer model in ../shared/models/keras; FER2013 for the 20 rows.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=/usr/bin/python3
OUT=src/test/resources/keras
FER=${FER:-../shared/data/fer2013/fer2013.csv.gz}
PEER=../shared/models/keras/fer2013_mini_XCEPTION.102-0.66.hdf5
$PY bench/make_keras_fixtures.py "$OUT"
$PY bench/keras_reference.py "$PEER" --data "$FER" --usage PublicTest --limit 20 --normalization signed \
    --probabilities "$OUT/mini_xception_publictest20.csv"
$PY bench/keras_reference.py "$OUT/tiny_sequential.h5" --data "$OUT/mini_xception_publictest20.csv" --usage PublicTest \
    --normalization unit --probabilities /tmp/tiny_sequential.csv
$PY bench/keras_reference.py "$OUT/tiny_functional_alpha.h5" --data "$OUT/mini_xception_publictest20.csv" --usage PublicTest \
    --normalization signed --labels angry,disgust,fear,happy,neutral,sad,surprise --probabilities /tmp/tiny_functional_alpha.csv
cut -d, -f1,2,4- /tmp/tiny_sequential.csv > "$OUT/tiny_sequential_expected.csv"
cut -d, -f1,2,4- /tmp/tiny_functional_alpha.csv > "$OUT/tiny_functional_alpha_expected.csv"
