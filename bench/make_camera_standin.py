"""Issue 27 stand-in: FER2013 Training rows 1-3,300 as from another camera (2x2 blocks, contrast 0.6, +50, noise 4).

Usage: python3 bench/make_camera_standin.py fer2013.csv domain.csv (1,500 Training, 300 PublicTest, 1,500 PrivateTest)."""
import csv
import sys

import numpy as np

rng = np.random.default_rng(20261130)
rows = []
with open(sys.argv[1]) as f:
    r = csv.reader(f); next(r)
    for e, p, u in r:
        if u == 'Training':
            rows.append((e, p))
            if len(rows) == 3300: break
with open(sys.argv[2], "w", newline="") as f:
    w = csv.writer(f); w.writerow(['emotion', 'pixels', 'Usage'])
    for i, (e, p) in enumerate(rows):
        a = np.array(p.split(), dtype=np.float64).reshape(48, 48)
        a = a.reshape(24, 2, 24, 2).mean(axis=(1, 3)).repeat(2, 0).repeat(2, 1)
        a = (a - 128) * 0.6 + 128 + 50 + rng.normal(0, 4, a.shape)
        a = np.clip(np.rint(a), 0, 255).astype(int)
        usage = 'Training' if i < 1500 else ('PublicTest' if i < 1800 else 'PrivateTest')
        w.writerow([e, ' '.join(map(str, a.ravel())), usage])
