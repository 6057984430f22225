package io.emolens.cv;

import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

import io.emolens.core.ProcessMemory;

/**
 * Gives the C heap's free pages back ({@link NativeHeap#trim}) when the process's resident size has grown by more
 * than {@link #GROWTH_MB} since the last trim, looking at most every {@link #CHECK_EVERY_MS} ms. Trimming on a clock
 * instead cost YuNet analysis 12% of its speed: each trim hands the pages of the blocks the network frees and
 * reallocates every frame back to the system, which must fault them in again. Not thread-safe: one per run.
 */
public final class HeapTrimmer {
    static final double GROWTH_MB = 64;
    static final long CHECK_EVERY_MS = 1000;
    private final DoubleSupplier residentMb;
    private final LongSupplier nanos;
    private long checkedNanos;
    private double baselineMb;
    private int trims;

    public HeapTrimmer() {
        this(ProcessMemory::rssMb, System::nanoTime);
    }

    HeapTrimmer(DoubleSupplier residentMb, LongSupplier nanos) {
        this.residentMb = residentMb;
        this.nanos = nanos;
        this.checkedNanos = nanos.getAsLong();
        this.baselineMb = residentMb.getAsDouble();
    }

    /** Trims when it is time to look and the resident size grew past the baseline; called by the run's own thread. */
    public void maybeTrim() {
        long now = nanos.getAsLong();
        if (now - checkedNanos < CHECK_EVERY_MS * 1_000_000L) {
            return;
        }
        checkedNanos = now;
        if (residentMb.getAsDouble() > baselineMb + GROWTH_MB) {
            NativeHeap.trim();
            trims++;
            baselineMb = residentMb.getAsDouble();
        }
    }

    /** How many times it trimmed. */
    public int trims() {
        return trims;
    }
}
