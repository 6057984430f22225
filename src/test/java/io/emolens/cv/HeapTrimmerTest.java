package io.emolens.cv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** When the trimmer gives the C heap back: only after real growth, never more than once a second. */
class HeapTrimmerTest {
    private final AtomicLong nanos = new AtomicLong();
    private double residentMb = 500;

    private void advance(long ms) {
        nanos.addAndGet(ms * 1_000_000L);
    }

    @Test
    void aWorkingSetThatComesBackWithinTheMarginIsNotTrimmed() {
        HeapTrimmer trimmer = new HeapTrimmer(() -> residentMb, nanos::get);
        for (int i = 0; i < 40; i++) {
            residentMb = 500 + (i % 2 == 0 ? HeapTrimmer.MARGIN_MB - 1 : 0);
            advance(HeapTrimmer.CHECK_EVERY_MS);
            trimmer.maybeTrim();
        }
        assertEquals(0, trimmer.trims());
    }

    @Test
    void growthPastTheMarginIsTrimmedAndTheNextTrimWaitsForGrowthFromWhereItLeft() {
        HeapTrimmer trimmer = new HeapTrimmer(() -> residentMb, nanos::get);
        residentMb = 500 + HeapTrimmer.MARGIN_MB + 1;
        advance(HeapTrimmer.CHECK_EVERY_MS);
        trimmer.maybeTrim();
        assertEquals(1, trimmer.trims());
        residentMb = 500 + 2 * HeapTrimmer.MARGIN_MB;
        advance(HeapTrimmer.MIN_GAP_MS);
        trimmer.maybeTrim();
        assertEquals(1, trimmer.trims(), "within the margin of the resident size the trim left");
    }

    @Test
    void aHeapAlwaysAboveTheMarginIsTrimmedAtMostOnceASecond() {
        HeapTrimmer trimmer = new HeapTrimmer(() -> residentMb, nanos::get);
        for (int ms = 0; ms < 10_000; ms += 50) {
            residentMb += 100;
            advance(50);
            trimmer.maybeTrim();
        }
        assertEquals(10_000 / HeapTrimmer.MIN_GAP_MS, trimmer.trims());
    }

    @Test
    void itLooksAtTheResidentSizeOnlyEveryCheckInterval() {
        int[] reads = {0};
        HeapTrimmer trimmer = new HeapTrimmer(() -> {
            reads[0]++;
            return residentMb;
        }, nanos::get);
        for (int i = 0; i < 100; i++) {
            advance(10);
            trimmer.maybeTrim();
        }
        assertEquals(1 + 1000 / HeapTrimmer.CHECK_EVERY_MS, reads[0], "one read when created, then one per interval");
    }
}
