package io.emolens.pipeline;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;

import org.junit.jupiter.api.Test;

import io.emolens.TestFiles;
import io.emolens.app.AppPaths;
import io.emolens.app.Main;
import io.emolens.app.Wiring;
import io.emolens.core.Emotion;
import io.emolens.core.FaceBox;
import io.emolens.core.VideoFrame;
import io.emolens.detect.DetectorConfig;
import io.emolens.source.DefaultFrameSourceFactory;
import io.emolens.source.FrameSource;
import io.emolens.track.TrackedFace;
import io.emolens.track.TrackerConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Parallel detection with classification batched across frames gives what the one-frame-at-a-time analyzer gives. */
class OfflineAnalysisTest {
    private final Wiring wiring = new Wiring(new AppPaths(TestFiles.repo()), DetectorConfig.DEFAULT, Main.modelLoader());

    @Test
    void twoDetectorsAndBatchedClassificationGiveTheSequentialRowsInFrameOrder() throws Exception {
        List<AnalyzedFrame> sequential = new ArrayList<>();
        try (FrameAnalyzer analyzer = wiring.create(wiring.loadModel(wiring.defaultModel().orElseThrow()), TrackerConfig.UNSMOOTHED,
                ClassifyPolicy.EVERY_FACE); FrameSource source = new DefaultFrameSourceFactory().open(TestFiles.demoClip())) {
            Optional<VideoFrame> next;
            while ((next = source.next()).isPresent() && next.get().timeMs() < 1200) {
                sequential.add(analyzer.analyze(next.get()));
            }
        }
        List<AnalyzedFrame> parallel = new ArrayList<>();
        OfflineAnalysis.Outcome outcome;
        try (FrameAnalyzer main = wiring.create(wiring.loadModel(wiring.defaultModel().orElseThrow()), TrackerConfig.UNSMOOTHED,
                ClassifyPolicy.EVERY_FACE); FrameAnalyzer second = wiring.create(null, TrackerConfig.UNSMOOTHED, ClassifyPolicy.EVERY_FACE)) {
            outcome = new OfflineAnalysis(main, List.of(main, second)).run(new DefaultFrameSourceFactory().open(TestFiles.demoClip()), 1200,
                    () -> false, () -> false, parallel::add);
        }
        assertTrue(outcome.error().isEmpty());
        assertEquals(sequential.size(), outcome.framesRead());
        assertTrue(sameRows(sequential, parallel) > 10);
    }

    /**
     * Scanning every 3rd frame and each new shot whole on another thread and following faces between gives, in frame
     * order, what one analyzer following the frames in turn gives, and finds nearly every face the whole-frame scans find.
     */
    @Test
    void followingBetweenScansGivesTheSequentialRowsAndKeepsTheFaces() throws Exception {
        List<AnalyzedFrame> sequential = new ArrayList<>();
        List<AnalyzedFrame> whole = new ArrayList<>();
        try (FrameAnalyzer analyzer = wiring.create(wiring.loadModel(wiring.defaultModel().orElseThrow()), TrackerConfig.UNSMOOTHED,
                ClassifyPolicy.EVERY_FACE); FrameAnalyzer scanner = wiring.create(null, TrackerConfig.UNSMOOTHED, ClassifyPolicy.EVERY_FACE);
             FrameSource source = new DefaultFrameSourceFactory().open(TestFiles.demoClip())) {
            Optional<VideoFrame> next;
            SceneCuts cuts = new SceneCuts();
            int sinceScan = 0;
            for (int i = 0; (next = source.next()).isPresent() && next.get().timeMs() < 2000; i++) {
                VideoFrame frame = next.get();
                List<FaceBox> scan = scanner.detect(frame);
                boolean cut = cuts.isCut(frame.image());
                if (cut) {
                    analyzer.reset();
                }
                sinceScan = i == 0 || cut ? 0 : sinceScan + 1;
                List<FaceBox> boxes = analyzer.followFaces(frame, sinceScan % 3 == 0 ? scan : null);
                sequential.add(analyzer.track(frame, boxes, analyzer.classifyAll(List.of(frame), List.of(boxes)).get(0), 0, 0));
                whole.add(scanner.track(frame, scan, List.of(), 0, 0));
            }
        }
        List<AnalyzedFrame> parallel = new ArrayList<>();
        OfflineAnalysis.Outcome outcome;
        try (FrameAnalyzer main = wiring.create(wiring.loadModel(wiring.defaultModel().orElseThrow()), TrackerConfig.UNSMOOTHED,
                ClassifyPolicy.EVERY_FACE); FrameAnalyzer second = wiring.create(null, TrackerConfig.UNSMOOTHED, ClassifyPolicy.EVERY_FACE)) {
            outcome = new OfflineAnalysis(main, List.of(main, second), 3).run(new DefaultFrameSourceFactory().open(TestFiles.demoClip()), 2000,
                    () -> false, () -> false, parallel::add);
        }
        assertTrue(outcome.error().isEmpty());
        assertEquals(sequential.size(), outcome.framesRead());
        assertTrue(sameRows(sequential, parallel) > 30);
        long scanned = whole.stream().mapToLong(f -> f.faces().size()).sum();
        long kept = 0;
        for (int i = 0; i < whole.size(); i++) {
            for (TrackedFace w : whole.get(i).faces()) {
                kept += parallel.get(i).faces().stream().anyMatch(p -> p.box().iou(w.box()) >= 0.4) ? 1 : 0;
            }
        }
        assertTrue(kept >= 0.85 * scanned, "faces of the whole-frame scans found by following: " + kept + " of " + scanned);
    }

    /**
     * The recycling rule: a sink that keeps no frame gets every frame with the pixels it was decoded with and the same
     * rows as a sink that keeps them all, while the source decodes into a few reused images instead of one per frame.
     */
    @Test
    void framesRecycledAfterASinkThatKeepsNoneGiveTheSameRowsFromAFewImages() throws Exception {
        List<Seen> kept = run(false);
        List<Seen> recycled = run(true);
        assertEquals(kept.size(), recycled.size());
        int faces = 0;
        for (int i = 0; i < kept.size(); i++) {
            Seen a = kept.get(i);
            Seen b = recycled.get(i);
            assertEquals(a.index(), b.index(), "frame order");
            assertEquals(a.pixels(), b.pixels(), "pixels of frame " + a.index() + " when the sink got it");
            assertEquals(a.faces().size(), b.faces().size(), "faces on frame " + a.index());
            for (int f = 0; f < a.faces().size(); f++) {
                assertEquals(a.faces().get(f).id(), b.faces().get(f).id());
                assertEquals(a.faces().get(f).box(), b.faces().get(f).box());
                for (Emotion e : Emotion.values()) {
                    assertEquals(a.faces().get(f).scores().orElseThrow().get(e), b.faces().get(f).scores().orElseThrow().get(e), 1e-4);
                }
                faces++;
            }
        }
        assertTrue(faces > 30, "faces compared: " + faces);
        assertEquals(kept.size(), kept.stream().map(Seen::image).distinct().count(), "a sink that keeps frames gets a new image each");
        long images = recycled.stream().map(Seen::image).distinct().count();
        assertTrue(images <= kept.size() / 2, images + " images for " + kept.size() + " recycled frames");
    }

    /** A frame as the sink saw it: its pixels' checksum at that moment, its faces, and the image object it came in (BufferedImage equals only itself). */
    private record Seen(long index, long pixels, List<TrackedFace> faces, BufferedImage image) {
    }

    private List<Seen> run(boolean recycle) throws Exception {
        List<Seen> seen = new ArrayList<>();
        OfflineAnalysis.Sink sink = frame -> {
            CRC32 crc = new CRC32();
            crc.update(((DataBufferByte) frame.frame().image().getRaster().getDataBuffer()).getData());
            seen.add(new Seen(frame.frame().index(), crc.getValue(), frame.faces(), frame.frame().image()));
        };
        try (FrameAnalyzer main = wiring.create(wiring.loadModel(wiring.defaultModel().orElseThrow()), TrackerConfig.UNSMOOTHED,
                ClassifyPolicy.EVERY_FACE); FrameAnalyzer second = wiring.create(null, TrackerConfig.UNSMOOTHED, ClassifyPolicy.EVERY_FACE)) {
            OfflineAnalysis.Outcome outcome = new OfflineAnalysis(main, List.of(main, second), 3).run(
                    new DefaultFrameSourceFactory().open(TestFiles.demoClip()), 3000, () -> false, () -> false,
                    recycle ? OfflineAnalysis.Sink.keepingNoFrames(sink) : sink);
            assertTrue(outcome.error().isEmpty());
            assertEquals(outcome.framesRead(), seen.size());
        }
        return seen;
    }

    /** Asserts both runs have the same frames, faces, ids, boxes and probabilities; returns the faces compared. */
    private static int sameRows(List<AnalyzedFrame> sequential, List<AnalyzedFrame> parallel) {
        assertEquals(sequential.size(), parallel.size());
        int faces = 0;
        for (int i = 0; i < sequential.size(); i++) {
            AnalyzedFrame a = sequential.get(i);
            AnalyzedFrame b = parallel.get(i);
            assertEquals(a.frame().index(), b.frame().index(), "frame order");
            assertEquals(a.faces().size(), b.faces().size(), "faces on frame " + i);
            for (int f = 0; f < a.faces().size(); f++) {
                TrackedFace fa = a.faces().get(f);
                TrackedFace fb = b.faces().get(f);
                assertEquals(fa.id(), fb.id());
                assertEquals(fa.box(), fb.box());
                assertEquals(fa.scores().orElseThrow().top(), fb.scores().orElseThrow().top());
                for (Emotion e : Emotion.values()) {
                    assertEquals(fa.scores().get().get(e), fb.scores().get().get(e), 1e-4, "probability of " + e);
                }
                faces++;
            }
        }
        return faces;
    }
}
