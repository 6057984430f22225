package io.emolens.pipeline;

import java.util.Arrays;

/**
 * Counters of the live path, shared by its threads: frames read from the source, shown, skipped to keep a file in
 * real time, analyzed, and replaced in the analysis slot before the worker took them (latest wins), plus the age of
 * the classification drawn on each shown face (capture of the shown frame minus capture of the frame the label
 * was computed on; the last {@value #AGE_WINDOW} ages are kept).
 */
public final class LiveStats {
    static final int AGE_WINDOW = 20_000;
    private final double[] ages = new double[AGE_WINDOW];
    private long ageCount;
    private long read;
    private long displayed;
    private long skipped;
    private long analyzed;
    private long dropped;
    private long startNanos = System.nanoTime();

    /**
     * A consistent copy of the counters since the last {@link #reset()}.
     *
     * @param seconds          wall time since the reset
     * @param labelAgeP50Ms    median label age, NaN when no labelled face was shown
     * @param labelAgeP95Ms    95th percentile label age, NaN when none
     * @param labelAges        label ages counted
     */
    public record Snapshot(double seconds, long read, long displayed, long skipped, long analyzed, long droppedAnalysis,
                           long labelAges, double labelAgeP50Ms, double labelAgeP95Ms) {
        public double displayFps() {
            return seconds > 0 ? displayed / seconds : 0;
        }

        public double analysisFps() {
            return seconds > 0 ? analyzed / seconds : 0;
        }
    }

    synchronized void frameRead() {
        read++;
    }

    synchronized void frameDisplayed() {
        displayed++;
    }

    synchronized void frameSkipped() {
        skipped++;
    }

    synchronized void frameAnalyzed() {
        analyzed++;
    }

    synchronized void analysisDropped() {
        dropped++;
    }

    synchronized void labelAge(double ms) {
        ages[(int) (ageCount++ % AGE_WINDOW)] = ms;
    }

    /** Starts counting afresh (e.g. after a warm-up). */
    public synchronized void reset() {
        ageCount = 0;
        read = 0;
        displayed = 0;
        skipped = 0;
        analyzed = 0;
        dropped = 0;
        startNanos = System.nanoTime();
    }

    public synchronized Snapshot snapshot() {
        int n = (int) Math.min(ageCount, AGE_WINDOW);
        double[] sorted = Arrays.copyOf(ages, n);
        Arrays.sort(sorted);
        return new Snapshot((System.nanoTime() - startNanos) / 1e9, read, displayed, skipped, analyzed, dropped, ageCount,
                percentile(sorted, 0.50), percentile(sorted, 0.95));
    }

    /** Nearest-rank percentile of sorted values, NaN when there are none. */
    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
