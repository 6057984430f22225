package io.emolens.cv;

import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

import io.emolens.core.ProcessMemory;

/**
 * Bounds the freed C heap that glibc keeps resident during an analysis: it gives the free pages back
 * ({@link NativeHeap#trim}) when the resident size has grown more than {@link #MARGIN_MB} above where the last trim left
 * it, at most once every {@link #MIN_GAP_MS} ms. A safety net: the growth it was built for came from classification
 * calls too large for glibc to pool (fixed in {@code classify.NetworkCalls}); since then a 110 s YuNet analysis trims
 * about twice. Trimming every second cost 10-15% of YuNet's speed, because every trim also gives back pages that are
 * about to be used again and must be faulted in again; the margin lets that working set come back without a trim.
 * Not thread-safe: one per run.
 */
public final class HeapTrimmer {
    static final double MARGIN_MB = 256;
    static final long CHECK_EVERY_MS = 250;
    static final long MIN_GAP_MS = 1000;
    private final DoubleSupplier residentMb;
    private final LongSupplier nanos;
    private long checkedNanos;
    private long trimmedNanos;
    private double floorMb;
    private int trims;

    public HeapTrimmer() {
        this(ProcessMemory::rssMb, System::nanoTime);
    }

    HeapTrimmer(DoubleSupplier residentMb, LongSupplier nanos) {
        this.residentMb = residentMb;
        this.nanos = nanos;
        this.checkedNanos = nanos.getAsLong();
        this.trimmedNanos = checkedNanos - MIN_GAP_MS * 1_000_000L;
        this.floorMb = residentMb.getAsDouble();
    }

    /** Trims when it is time to look and the resident size grew past the margin; called by the run's own thread. */
    public void maybeTrim() {
        long now = nanos.getAsLong();
        if (now - checkedNanos < CHECK_EVERY_MS * 1_000_000L) {
            return;
        }
        checkedNanos = now;
        if (now - trimmedNanos >= MIN_GAP_MS * 1_000_000L && residentMb.getAsDouble() > floorMb + MARGIN_MB) {
            NativeHeap.trim();
            trims++;
            trimmedNanos = now;
            floorMb = residentMb.getAsDouble();
        }
    }

    /** How many times it trimmed. */
    public int trims() {
        return trims;
    }
}
