#!/usr/bin/env python3
"""Writes fixture_ferplus.csv: the FER+ votes (microsoft/FERPlus fer2013new.csv, MIT) of fixture_fer2013.csv's Training and
PublicTest rows, line by line in the fixture's order, as the full votes file follows the full fer2013.csv (python3, standard
library only), and prints the counts FerPlusVotesTest checks, counted here independently of the Java code:

    python3 src/test/resources/fer2013/make_ferplus_fixture.py ../shared/data/fer2013/fer2013.csv.gz \\
        ../shared/data/ferplus/fer2013new-training-publictest.csv.gz

A clear majority: the one column of all ten (eight emotions, unknown, not-a-face) with the most votes, when it is one of the
seven FER2013 emotions (not contempt, unknown or not-a-face; no tie).
"""
import csv, gzip, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
TO_FER = {"neutral": 6, "happiness": 3, "surprise": 5, "sadness": 4, "anger": 0, "disgust": 1, "fear": 2}


def opened(path):
    return gzip.open(path, "rt") if path.endswith(".gz") else open(path)


def main(fer_path, votes_path):
    with opened(fer_path) as f:
        full = [tuple(r) for r in list(csv.reader(f))[1:]]
    with opened(votes_path) as f:
        reader = csv.reader(f)
        header = next(reader)
        votes = list(reader)
    with open(os.path.join(HERE, "fixture_fer2013.csv")) as f:
        fixture = [tuple(r) for r in list(csv.reader(f))[1:]]
    where = {}
    for i, row in enumerate(full):
        where.setdefault(row, []).append(i)
    out = [header]
    used = set()
    counts = {"PublicTest": [0, 0], "Training": [0, 0]}
    for row in fixture:
        if row[2] == "PrivateTest":
            continue
        i = next(j for j in where[row] if j not in used)
        used.add(i)
        v = votes[i]
        assert v[0] == row[2], (i, v[0], row[2])
        out.append(v)
        names = header[2:]
        n = list(map(int, v[2:]))
        top = max(n)
        tops = [k for k, c in enumerate(n) if c == top]
        if len(tops) == 1 and names[tops[0]] in TO_FER:
            counts[row[2]][0] += 1
            counts[row[2]][1] += TO_FER[names[tops[0]]] == int(row[0])
    with open(os.path.join(HERE, "fixture_ferplus.csv"), "w", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(out)
    for split, (n, agree) in counts.items():
        print(f"{split}: {n} rows with a clear majority, FER2013's label agrees on {agree}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
