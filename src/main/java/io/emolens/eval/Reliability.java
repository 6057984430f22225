package io.emolens.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * Counts predictions into equal-width bins of top-1 confidence, for the expected calibration error and the
 * reliability diagram. Bin {@code b} of {@code n} holds confidences in ((b)/n, (b+1)/n], the first bin also 0.
 * ECE = Σ_b (count_b / total) · |accuracy_b − mean confidence_b| (Guo et al. 2017, 15 bins). Mutable while counting.
 */
public final class Reliability {
    /** The number of bins the {@code ece} of {@code evaluate --json} uses. */
    public static final int BINS = 15;
    private final long[] count;
    private final long[] correct;
    private final double[] confidence;

    public Reliability() {
        this(BINS);
    }

    public Reliability(int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be at least 1, was " + bins);
        }
        count = new long[bins];
        correct = new long[bins];
        confidence = new double[bins];
    }

    /** One bin's totals: faces, mean top-1 confidence and accuracy (NaN when empty), and its bounds. */
    public record Bin(double lower, double upper, long count, double meanConfidence, double accuracy) {
    }

    /** Counts one prediction whose top-1 probability is {@code topConfidence}; {@code right} when it was the true label. */
    public void add(double topConfidence, boolean right) {
        if (!(topConfidence >= 0 && topConfidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in [0, 1], was " + topConfidence);
        }
        int b = Math.max(0, (int) Math.ceil(topConfidence * count.length) - 1);
        count[b]++;
        confidence[b] += topConfidence;
        if (right) {
            correct[b]++;
        }
    }

    public long total() {
        long n = 0;
        for (long c : count) {
            n += c;
        }
        return n;
    }

    /** Expected calibration error; NaN when nothing was counted. */
    public double ece() {
        long total = total();
        if (total == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int b = 0; b < count.length; b++) {
            if (count[b] > 0) {
                sum += Math.abs(correct[b] - confidence[b]) / total;
            }
        }
        return sum;
    }

    /** Top-1 accuracy over all counted predictions (equals the confusion matrix's); NaN when empty. */
    public double accuracy() {
        long total = total();
        long right = 0;
        for (long c : correct) {
            right += c;
        }
        return total == 0 ? Double.NaN : (double) right / total;
    }

    public List<Bin> bins() {
        List<Bin> out = new ArrayList<>(count.length);
        for (int b = 0; b < count.length; b++) {
            long n = count[b];
            out.add(new Bin((double) b / count.length, (double) (b + 1) / count.length, n,
                    n == 0 ? Double.NaN : confidence[b] / n, n == 0 ? Double.NaN : (double) correct[b] / n));
        }
        return out;
    }
}
