"""Mixes of networks on PublicTest from their per-face probabilities: FER2013 accuracy, agreement with the FER+ majority,
and, for the mixes asked for, the split of that agreement (docs/MODEL.md "Where agreement is won and where it is traded").

Each network's probabilities come from `evaluate --predictions`:
    java -jar target/emolens.jar evaluate --model NET.zip --data fer2013.csv --split PublicTest [--tta] --predictions DIR/pub[t]-NAME.csv
(pubt- with the mirror, pub- without). A mix is the mean of its networks' probabilities, as the app averages an ensemble.

Usage:
    python3 bench/ferplus_mixes.py VOTES.csv DIR split NAME[+NAME...] ...   the split of the agreement of each mix (pubt- files)
    python3 bench/ferplus_mixes.py VOTES.csv DIR mixes NAME,NAME,... [MAX_PASSES]
        every mix of the named networks costing at most MAX_PASSES (default 4) network passes per face: up to
        MAX_PASSES networks without the mirror (pub- files) or up to MAX_PASSES/2 with it (pubt- files), best FER2013 first
    python3 bench/ferplus_mixes.py - DIR photos DETECTOR NAME[+NAME...] ...
        whole-photo accuracy of each mix from `evaluate --photos PHOTOS --detector DETECTOR --model NET.zip
        --predictions DIR/photos-DETECTOR-NAME.csv` (each network's own inference, no mirror); a photo without a face is wrong
"""
import csv
import itertools
import sys

import numpy as np

LABELS = ['angry', 'disgust', 'fear', 'happy', 'sad', 'surprise', 'neutral']
# fer2013new.csv columns after Usage and Image name: neutral, happiness, surprise, sadness, anger, disgust, fear, contempt, unknown, NF
FERPLUS_TO_FER = {0: 6, 1: 3, 2: 5, 3: 4, 4: 0, 5: 1, 6: 2}


def load(path):
    rows = list(csv.DictReader(open(path)))
    p = np.array([[float(r[c]) for c in LABELS] for r in rows])
    truth = np.array([LABELS.index(r['truth'].lower()) for r in rows])
    lines = [int(r['origin'].rsplit(':', 1)[1]) for r in rows]
    return p, truth, lines


def majority(row):
    """The clear majority as a FER2013 index, or -1 (a tie, contempt, unknown or not-a-face on top, or no image)."""
    votes = list(map(int, row[2:12]))
    top = max(votes)
    tops = [k for k, c in enumerate(votes) if c == top]
    return FERPLUS_TO_FER[tops[0]] if len(tops) == 1 and tops[0] < 7 and row[1] != '' else -1


def majorities(votes_file, lines):
    fp = list(csv.reader(open(votes_file)))[1:]
    return np.array([majority(fp[line - 2]) for line in lines])


def main():
    votes_file, folder, what = sys.argv[1], sys.argv[2], sys.argv[3]
    if what == 'photos':
        detector = sys.argv[4]
        for spec in sys.argv[5:]:
            nets = [list(csv.DictReader(open(f'{folder}/photos-{detector}-{n}.csv'))) for n in spec.split('+')]
            right = 0
            for rows in zip(*nets):
                if any(r['angry'] == '' for r in rows):
                    continue
                p = np.mean([[float(r[c]) for c in LABELS] for r in rows], 0)
                right += LABELS[int(p.argmax())] == rows[0]['truth'].lower()
            print('%-40s %s: %d of %d photos right, %.4f' % (spec, detector, right, len(nets[0]), right / len(nets[0])))
        return
    if what == 'split':
        for spec in sys.argv[4:]:
            nets = [load(f'{folder}/pubt-{n}.csv') for n in spec.split('+')]
            y = nets[0][1]
            m = majorities(votes_file, nets[0][2])
            pred = np.mean([n[0] for n in nets], 0).argmax(1)
            has = m >= 0
            agree = has & (m == y)
            differ = has & (m != y)
            print('%-40s FER2013 %.4f  FER+ %.4f  where labels agree (%d) %.4f  where they differ (%d): majority %.4f, FER2013 %.4f' % (
                spec, (pred == y).mean(), (pred[has] == m[has]).mean(), agree.sum(), (pred[agree] == y[agree]).mean(),
                differ.sum(), (pred[differ] == m[differ]).mean(), (pred[differ] == y[differ]).mean()))
        return
    names = sys.argv[4].split(',')
    passes = int(sys.argv[5]) if len(sys.argv) > 5 else 4
    data = {(kind, n): load(f'{folder}/{kind}-{n}.csv') for kind in ('pub', 'pubt') for n in names}
    y = data['pub', names[0]][1]
    m = majorities(votes_file, data['pub', names[0]][2])
    has = m >= 0
    results = []
    for k in range(1, passes + 1):
        for mix in itertools.combinations(names, k):
            for mirror in (False, True):
                if k * (2 if mirror else 1) > passes:
                    continue
                pred = np.mean([data['pubt' if mirror else 'pub', n][0] for n in mix], 0).argmax(1)
                results.append(((pred == y).mean(), (pred[has] == m[has]).mean(), ('mirror ' if mirror else 'plain ') + '+'.join(mix)))
    print('%d mixes' % len(results))
    for fer, agreement, mix in sorted(results, key=lambda r: -r[0]):
        print('%.4f %.4f %s' % (fer, agreement, mix))


if __name__ == '__main__':
    main()
