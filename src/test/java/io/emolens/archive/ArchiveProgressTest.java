package io.emolens.archive;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The console's progress line: counts, frames per second and the time left at the rate so far. */
class ArchiveProgressTest {
    @Test
    void countsEachSegmentOnceAndEstimatesTheTimeLeft() {
        VideoProbe a = new VideoProbe("file:/a.mp4", 600_000, 30, null);
        VideoProbe b = new VideoProbe("file:/b.mp4", 300_000, 30, null);
        VideoProbe broken = VideoProbe.failed("file:/c.mp4", "Cannot read it");
        List<VideoSegment> plan = new ArrayList<>(VideoSegment.plan(a, 300_000));
        plan.addAll(VideoSegment.plan(b, 300_000));
        long start = 0;
        ArchiveProgress p = new ArchiveProgress(List.of(a, b, broken), plan, start);
        assertEquals("archive: 1/3 videos, 0/3 segments, 0 frames, 0.0 frames/s", p.line(10_000_000_000L));
        p.segmentDone(plan.get(0), 9000, a.durationMs());
        p.segmentDone(plan.get(0), 9000, a.durationMs());
        // 5 of 15 video-minutes in 150 s: 10 minutes left at 2 video-seconds a second, 5 min
        assertEquals("archive: 1/3 videos, 1/3 segments, 9000 frames, 60.0 frames/s, about 5 min 0 s left", p.line(150_000_000_000L));
        p.segmentDone(plan.get(1), 9000, a.durationMs());
        p.segmentDone(plan.get(2), 9000, b.durationMs());
        assertEquals("archive: 3/3 videos, 3/3 segments, 27000 frames, 60.0 frames/s", p.line(450_000_000_000L));
    }
}
