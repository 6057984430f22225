package io.emolens.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.emolens.core.ProcessMemory;

class CnnBenchmarkTest {

    @Test
    void medianOfOddAndEvenRuns() {
        assertEquals(3.0, CnnBenchmark.median(new double[] {9, 1, 3}));
        assertEquals(2.5, CnnBenchmark.median(new double[] {4, 1, 2, 3}));
    }

    @Test
    void configRefusesUnknownArchitectureAndZeroRuns() {
        assertThrows(IllegalArgumentException.class, () -> CnnBenchmark.Config.of("resnet"));
        assertThrows(IllegalArgumentException.class, () -> new CnnBenchmark.Config("seed", true, 0, 1, 1));
    }

    @Test
    void peakRssIsAtLeastCurrentRss() {
        double rss = ProcessMemory.rssMb();
        assertTrue(rss > 0, "VmRSS readable on Linux");
        assertTrue(ProcessMemory.peakRssMb() >= rss);
    }
}
