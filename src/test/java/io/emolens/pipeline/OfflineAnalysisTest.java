package io.emolens.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.emolens.TestFiles;
import io.emolens.app.AppPaths;
import io.emolens.app.Main;
import io.emolens.app.Wiring;
import io.emolens.core.Emotion;
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
        assertTrue(faces > 10, "faces compared: " + faces);
    }
}
