package io.emolens.archive;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.emolens.core.Emotion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How a video becomes segments, warmed up, and segments become its videos.csv row, table by table. */
class ArchivePlanTest {
    private static final String V = "file:/archive/a.mp4";

    @Test
    void segmentsCoverTheVideoAndTheLastRunsToTheEnd() {
        record Case(long durationMs, long segmentMs, List<long[]> ranges) {
        }
        for (Case c : List.of(
                new Case(7007, 300_000, List.of(new long[] {0, 0})),
                new Case(0, 300_000, List.of(new long[] {0, 0})),
                new Case(600_000, 300_000, List.of(new long[] {0, 300_000}, new long[] {300_000, 0})),
                new Case(600_001, 300_000, List.of(new long[] {0, 300_000}, new long[] {300_000, 600_000}, new long[] {600_000, 0})),
                new Case(7007, 3000, List.of(new long[] {0, 3000}, new long[] {3000, 6000}, new long[] {6000, 0})))) {
            List<VideoSegment> plan = VideoSegment.plan(new VideoProbe(V, c.durationMs(), 30, null), c.segmentMs());
            assertEquals(c.ranges().size(), plan.size(), c.toString());
            for (int i = 0; i < plan.size(); i++) {
                assertArrayEquals(c.ranges().get(i), new long[] {plan.get(i).fromMs(), plan.get(i).toMs()});
                assertEquals(i, plan.get(i).index());
                assertEquals(plan.size(), plan.get(i).count());
                assertEquals(plan.get(i).fromMs(), plan.get(i).warmUpFromMs(), "not warmed up yet");
            }
        }
    }

    @Test
    void aSegmentWarmsUpFromTheLastCutOrTheWarmUpBeforeItInTheRhythmOfItsShot() {
        record Case(String what, long fromMs, List<WarmUp.Cut> cuts, long warmUpFromMs, long shotStart) {
        }
        WarmUp.Cut at17 = new WarmUp.Cut(V, 17, 567);
        WarmUp.Cut at146 = new WarmUp.Cut(V, 146, 4871);
        for (Case c : List.of(
                new Case("no cut: the video's first shot", 12_000, List.of(), 7000, 0),
                new Case("a cut within the warm-up: from it, exactly", 6000, List.of(at146, at17), 4871, 146),
                new Case("the last cut further back: its shot's rhythm", 11_000, List.of(at17, at146), 6000, 146),
                new Case("the warm-up reaches back past the video's start", 3000, List.of(at146), 0, 0),
                new Case("a cut on the start itself: no warm-up", 4871, List.of(at146), 4871, 146),
                new Case("a cut after the start does not count", 4000, List.of(at17, at146), 567, 17),
                new Case("another video's cuts do not count", 9000, List.of(new WarmUp.Cut("file:/archive/b.mp4", 250, 8300)), 4000, 0))) {
            VideoSegment plain = new VideoSegment(V, 1, 3, c.fromMs(), c.fromMs() + 3000, c.fromMs(), -1);
            VideoSegment first = new VideoSegment(V, 0, 3, 0, c.fromMs(), 0, -1);
            List<VideoSegment> warmed = WarmUp.plan(List.of(first, plain), c.cuts(), 5000);
            assertEquals(first, warmed.get(0), "the first segment starts the video: " + c.what());
            assertEquals(plain.warmedUp(c.warmUpFromMs(), c.shotStart()), warmed.get(1), c.what());
        }
    }

    @Test
    void aVideoIsCompleteOnlyWhenEverySegmentIs() {
        VideoProbe probe = new VideoProbe(V, 7007, 29.97, null);
        List<VideoSegment> plan = VideoSegment.plan(probe, 3000);
        SegmentResult s0 = new SegmentResult(plan.get(0), 90, 80, 85, counts(0, 0, 0, 60, 0, 0, 20), 2000, 2969, null, List.of());
        SegmentResult s1 = new SegmentResult(plan.get(1), 90, 90, 92, counts(10, 0, 0, 70, 0, 0, 10), 2100, 5972, null, List.of());
        SegmentResult s2 = new SegmentResult(plan.get(2), 30, 0, 0, counts(0, 0, 0, 0, 0, 0, 0), 500, 7007, null, List.of());
        VideoRow row = VideoRow.of(probe, List.of(s2, s0, s1));
        assertTrue(row.complete());
        assertEquals(210, row.frames());
        assertEquals(170, row.framesWithFaces());
        assertEquals(177, row.faceRows());
        assertEquals(4.6, row.processingS(), 1e-9);
        assertEquals(130.0 / 170, row.shares()[Emotion.HAPPY.ordinal()], 1e-9);
        assertEquals(10.0 / 170, row.shares()[Emotion.ANGRY.ordinal()], 1e-9);

        VideoRow missing = VideoRow.of(probe, List.of(s0, s1));
        assertFalse(missing.complete());
        assertEquals("only 2 of 3 segments were analyzed", missing.error());
        VideoRow broken = VideoRow.of(probe, List.of(s0, SegmentResult.failed(plan.get(1), 10, "decoding stopped at frame 97: bad packet"), s2));
        assertEquals(VideoRow.FAILED, broken.status());
        assertEquals(V + " segment 2/3: decoding stopped at frame 97: bad packet", broken.error());
        assertEquals(0, broken.faceRows(), "a failed video keeps no rows");
        VideoRow unreadable = VideoRow.of(VideoProbe.failed(V, "Cannot read a.mp4 as a video"), List.of());
        assertEquals("Cannot read a.mp4 as a video", unreadable.error());
        assertNull(unreadable.shares());
    }

    @Test
    void videosCsvReadsBackWhatItWrote() throws IOException {
        VideosTable table = new VideosTable();
        table.put(new VideoRow(V, VideoRow.COMPLETE, 210, 179, 188, 7.007, 10.5, new double[] {0.2, 0, 0.2, 0.4, 0, 0.1, 0.1}, null));
        table.put(VideoRow.failed("file:/archive/b, with \"quotes\".mp4", 0, 0, "Cannot read it: moov atom not found"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        table.write(bytes);
        VideosTable back = VideosTable.read(new ByteArrayInputStream(bytes.toByteArray()), "videos.csv");
        assertEquals(table.rows().stream().map(VideoRow::values).toList(), back.rows().stream().map(VideoRow::values).toList());
        assertTrue(back.complete(V));
        assertFalse(back.complete("file:/archive/b, with \"quotes\".mp4"));
    }

    private static long[] counts(long... c) {
        return c;
    }
}
