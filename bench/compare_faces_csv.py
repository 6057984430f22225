"""Compare two faces.csv files row by row: which rows differ outside the probability columns, and by how much the probabilities do.

Usage: python3 bench/compare_faces_csv.py A/faces.csv B/faces.csv (prints the row counts, the rows that differ outside the
probability columns, and the largest probability difference)."""
import csv
import sys

a=list(csv.reader(open(sys.argv[1]))); b=list(csv.reader(open(sys.argv[2])))
h=a[0]; P=('angry','disgust','fear','happy','sad','surprise','neutral','confidence')
n=0; m=0.0
for ra,rb in zip(a[1:],b[1:]):
    if any(ra[i]!=rb[i] for i in range(len(h)) if h[i] not in P): n+=1
    for i in range(len(h)):
        if h[i] in P: m=max(m,abs(float(ra[i])-float(rb[i])))
print(sys.argv[1], sys.argv[2], 'rows', len(a)-1, len(b)-1, 'rows differing outside probabilities', n, 'max probability difference', m)
