package io.emolens.pipeline;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.emolens.TestFiles;
import io.emolens.core.VideoFrame;
import io.emolens.source.DefaultFrameSourceFactory;
import io.emolens.source.FrameSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo clip's whole-frame scans (cuts at frames 17 and 146): every 5th frame counted from each shot's first frame,
 * and the same rhythm in a run that starts mid-shot when told where the shot began.
 */
class ScanScheduleTest {

    @Test
    void aRunFromInsideAShotScansWhereTheWholeVideoRunScans() {
        Map<Long, ScanSchedule.Step> whole = steps(0, -1);
        for (long f = 0; f < whole.size(); f++) {
            long shot = f >= 146 ? 146 : f >= 17 ? 17 : 0;
            assertEquals(new ScanSchedule.Step((f - shot) % 5 == 0, f == 17 || f == 146), whole.get(f), "frame " + f);
        }
        record Start(long ms, long shotStart) {
        }
        for (Start start : new Start[] {new Start(1000, 17), new Start(3000, 17), new Start(5000, 146)}) {
            Map<Long, ScanSchedule.Step> part = steps(start.ms(), start.shotStart());
            long first = part.keySet().iterator().next();
            assertTrue(part.get(first).scan(), "its first frame is scanned whole: nothing is known yet");
            assertEquals(whole.size(), first + part.size(), "to the end");
            for (long f = first + 1; f < whole.size(); f++) {
                assertEquals(whole.get(f), part.get(f), "from " + start + ", frame " + f);
            }
        }
    }

    private static Map<Long, ScanSchedule.Step> steps(long fromMs, long shotStart) {
        ScanSchedule schedule = new ScanSchedule(5, shotStart);
        Map<Long, ScanSchedule.Step> steps = new TreeMap<>();
        try (FrameSource source = new DefaultFrameSourceFactory().openRange(TestFiles.demoClip(), fromMs, 0)) {
            Optional<VideoFrame> next;
            while ((next = source.next()).isPresent()) {
                steps.put(next.get().index(), schedule.next(next.get()));
                source.recycle(next.get());
            }
        }
        return steps;
    }
}
