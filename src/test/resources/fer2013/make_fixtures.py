#!/usr/bin/env python3
"""Regenerates the FER2013 test fixtures from the full fer2013.csv (python3, standard library only).

    python3 src/test/resources/fer2013/make_fixtures.py ../shared/data/fer2013/fer2013.csv.gz

fixture_fer2013.csv          300 real rows in file order: 200 Training, 50 PublicTest, 50 PrivateTest,
                             stratified by class, with 4 known exact-duplicate groups (see DUPLICATES) and no others.
fixture_fer2013_corrupt.csv  20 good rows + 8 hand-corrupted rows at known lines (see CorruptCsvTest).
fixture_images/              train/<class>/*.png and test/<class>/*.png from fixture rows, mixed-case class
                             folders, one 96x96 image (2x pixel replication), one unreadable .png.
"""
import collections, csv, gzip, os, random, struct, sys, zlib

HERE = os.path.dirname(os.path.abspath(__file__))
LABELS = ["Angry", "Disgust", "Fear", "Happy", "Sad", "Surprise", "Neutral"]
PER_CLASS = {"Training": [28, 10, 28, 45, 32, 22, 35], "PublicTest": [7, 3, 7, 11, 8, 6, 8],
             "PrivateTest": [7, 3, 7, 11, 8, 6, 8]}
# (Training row, other row): Surprise->PrivateTest, Surprise->PublicTest, Angry->PublicTest Disgust (label conflict),
# Angry->Angry inside Training.
DUPLICATES = [(78, 32404), (81, 29540), (157, 28791), (120, 5233)]


def main(path):
    rows = []
    with (gzip.open(path, "rt") if path.endswith(".gz") else open(path)) as f:
        r = csv.reader(f)
        next(r)
        for e, p, u in r:
            rows.append((int(e), p, u))
    groups = collections.defaultdict(list)
    for i, (_, p, _) in enumerate(rows):
        groups[p].append(i)
    in_dup_group = {i for g in groups.values() if len(g) > 1 for i in g}
    chosen = {i for pair in DUPLICATES for i in pair}
    need = {u: list(c) for u, c in PER_CLASS.items()}
    for i in chosen:
        need[rows[i][2]][rows[i][0]] -= 1
    rnd = random.Random(2013)
    order = list(range(len(rows)))
    rnd.shuffle(order)
    for i in order:
        e, p, u = rows[i]
        if i not in in_dup_group and need[u][e] > 0:
            need[u][e] -= 1
            chosen.add(i)
    assert all(n == 0 for c in need.values() for n in c), need
    picked = sorted(chosen)
    with open(os.path.join(HERE, "fixture_fer2013.csv"), "w", newline="") as f:
        f.write("emotion,pixels,Usage\n")
        for i in picked:
            e, p, u = rows[i]
            f.write(f"{e},{p},{u}\n")
    write_corrupt([rows[i] for i in picked])
    write_images([rows[i] for i in picked])


def write_corrupt(rows):
    good = iter(rows[:20])
    lines = ["emotion,pixels,Usage"]
    bad = {
        4: lambda e, p, u: f"{e},{' '.join(p.split()[:-1])},{u}",          # 2303 pixels
        7: lambda e, p, u: f"{e},{p.replace(' ', ' x', 1)},{u}".replace(" x", " 1x", 1),  # non-numeric pixel
        10: lambda e, p, u: f"7,{p},{u}",                                    # label outside 0-6
        13: lambda e, p, u: f"{e},{p},Validation",                           # unknown Usage
        16: lambda e, p, u: f"{e},{p}",                                      # missing column
        19: lambda e, p, u: f"{e},{p} 17,{u}",                               # 2305 pixels
        22: lambda e, p, u: f"-1,{p},{u}",                                   # label outside 0-6
        25: lambda e, p, u: f"{e},256 {' '.join(p.split()[1:])},{u}",        # pixel outside 0-255
    }
    line = 2
    spare = rows[20:]
    while len(lines) < 29:
        if line in bad:
            e, p, u = spare.pop(0)
            lines.append(bad[line](e, p, u))
        else:
            e, p, u = next(good)
            lines.append(f"{e},{p},{u}")
        line += 1
    with open(os.path.join(HERE, "fixture_fer2013_corrupt.csv"), "w", newline="") as f:
        f.write("\n".join(lines) + "\n")


def png(path, pixels, size):
    raw = b"".join(b"\x00" + bytes(pixels[y * size:(y + 1) * size]) for y in range(size))
    def chunk(kind, data):
        c = kind + data
        return struct.pack(">I", len(data)) + c + struct.pack(">I", zlib.crc32(c) & 0xFFFFFFFF)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 0, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def write_images(rows):
    root = os.path.join(HERE, "fixture_images")
    train_names = ["angry", "disgust", "fear", "happy", "sad", "surprise", "neutral"]
    test_names = ["Angry", "DISGUST", "Fear", "happy", "Sad", "SURPRISE", "neutral"]
    counts = collections.Counter()
    for n, (e, p, u) in enumerate(rows):
        px = [int(v) for v in p.split()]
        if u == "Training" and counts[(u, e)] < 3:
            d = os.path.join(root, "train", train_names[e])
            name = f"Training_{n:05d}.png"
        elif u != "Training" and counts[(u, e)] < 1:
            d = os.path.join(root, "test", test_names[e])
            name = f"{u}_{n:05d}.png"
        else:
            continue
        counts[(u, e)] += 1
        os.makedirs(d, exist_ok=True)
        if u == "Training" and e == 3 and counts[(u, e)] == 3:
            big = [px[(y // 2) * 48 + x // 2] for y in range(96) for x in range(96)]
            png(os.path.join(d, name), big, 96)
        else:
            png(os.path.join(d, name), px, 48)
    with open(os.path.join(root, "train", "fear", "Training_broken.png"), "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\nthis is not an image")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "../../../../../shared/data/fer2013/fer2013.csv.gz"))
