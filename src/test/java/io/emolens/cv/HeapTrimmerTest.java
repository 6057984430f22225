package io.emolens.cv;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The trimmer looks once a second and trims only after the resident size grew past its last baseline. */
class HeapTrimmerTest {
    @Test
    void trimsOnlyWhenTheResidentSizeGrewPastTheBaseline() {
        double[] resident = {500};
        AtomicLong now = new AtomicLong(0);
        HeapTrimmer trimmer = new HeapTrimmer(() -> resident[0], now::get);
        for (int second = 1; second <= 10; second++) {
            now.set(second * 1_000_000_000L);
            trimmer.maybeTrim();
        }
        assertEquals(0, trimmer.trims(), "a flat resident size is never trimmed");

        resident[0] = 500 + HeapTrimmer.GROWTH_MB + 1;
        now.addAndGet(500_000_000L);
        trimmer.maybeTrim();
        assertEquals(0, trimmer.trims(), "not looked at again within the second");
        now.addAndGet(600_000_000L);
        trimmer.maybeTrim();
        assertEquals(1, trimmer.trims(), "grown past the baseline: trimmed");

        now.addAndGet(1_100_000_000L);
        trimmer.maybeTrim();
        assertEquals(1, trimmer.trims(), "the size after the trim is the new baseline");
        resident[0] += HeapTrimmer.GROWTH_MB + 1;
        now.addAndGet(1_100_000_000L);
        trimmer.maybeTrim();
        assertEquals(2, trimmer.trims());
    }
}
