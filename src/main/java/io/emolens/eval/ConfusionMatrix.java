package io.emolens.eval;

import java.util.Arrays;

import io.emolens.core.Emotion;

/**
 * Counts of (true label, predicted label) pairs over the seven emotions. <b>Convention: rows are the true
 * label, columns the prediction, both in FER2013 order</b> ({@code count(truth, predicted)}), so row sums
 * are class supports and the diagonal holds the correct predictions. Precision, recall and F1 of a class
 * that is never predicted or never present are 0 (scikit-learn's {@code zero_division=0}); macro-F1 is the
 * unweighted mean over all seven classes. Mutable while counting.
 */
public final class ConfusionMatrix {
    private static final int N = Emotion.COUNT;
    private final long[][] counts = new long[N][N];

    public ConfusionMatrix() {
    }

    /** A matrix holding {@code rows} (7x7, rows = truth); used by tests and when reading saved results. */
    public static ConfusionMatrix of(long[][] rows) {
        if (rows.length != N || Arrays.stream(rows).anyMatch(r -> r.length != N)) {
            throw new IllegalArgumentException("confusion matrix must be " + N + "x" + N);
        }
        ConfusionMatrix m = new ConfusionMatrix();
        for (int t = 0; t < N; t++) {
            for (int p = 0; p < N; p++) {
                if (rows[t][p] < 0) {
                    throw new IllegalArgumentException("negative count at row " + t + ", column " + p);
                }
                m.counts[t][p] = rows[t][p];
            }
        }
        return m;
    }

    public void add(Emotion truth, Emotion predicted) {
        counts[truth.index()][predicted.index()]++;
    }

    /** Adds every count of {@code other} to this matrix (for k-fold totals). */
    public void addAll(ConfusionMatrix other) {
        for (int t = 0; t < N; t++) {
            for (int p = 0; p < N; p++) {
                counts[t][p] += other.counts[t][p];
            }
        }
    }

    public long count(Emotion truth, Emotion predicted) {
        return counts[truth.index()][predicted.index()];
    }

    /** A copy of the counts, rows = truth. */
    public long[][] toArray() {
        long[][] copy = new long[N][];
        for (int t = 0; t < N; t++) {
            copy[t] = counts[t].clone();
        }
        return copy;
    }

    public long total() {
        long n = 0;
        for (long[] row : counts) {
            for (long c : row) {
                n += c;
            }
        }
        return n;
    }

    /** Number of samples whose true label is {@code e} (the row sum). */
    public long support(Emotion e) {
        return Arrays.stream(counts[e.index()]).sum();
    }

    /** Number of samples predicted as {@code e} (the column sum). */
    public long predicted(Emotion e) {
        long n = 0;
        for (long[] row : counts) {
            n += row[e.index()];
        }
        return n;
    }

    public long correct() {
        long n = 0;
        for (int i = 0; i < N; i++) {
            n += counts[i][i];
        }
        return n;
    }

    /** Fraction of samples on the diagonal; 0 for an empty matrix. */
    public double accuracy() {
        long total = total();
        return total == 0 ? 0 : (double) correct() / total;
    }

    public double precision(Emotion e) {
        long p = predicted(e);
        return p == 0 ? 0 : (double) counts[e.index()][e.index()] / p;
    }

    public double recall(Emotion e) {
        long s = support(e);
        return s == 0 ? 0 : (double) counts[e.index()][e.index()] / s;
    }

    public double f1(Emotion e) {
        double p = precision(e);
        double r = recall(e);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    public double macroF1() {
        double sum = 0;
        for (Emotion e : Emotion.values()) {
            sum += f1(e);
        }
        return sum / N;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfusionMatrix m && Arrays.deepEquals(counts, m.counts);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(counts);
    }

    @Override
    public String toString() {
        return format();
    }

    /** A text table with true labels down the side and predictions across. */
    public String format() {
        StringBuilder sb = new StringBuilder(String.format("%-10s", "true\\pred"));
        for (Emotion e : Emotion.values()) {
            sb.append(String.format("%9s", e.label()));
        }
        sb.append('\n');
        for (Emotion t : Emotion.values()) {
            sb.append(String.format("%-10s", t.label()));
            for (long c : counts[t.index()]) {
                sb.append(String.format("%9d", c));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
