package io.emolens.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.emolens.TestFiles;
import io.emolens.app.AppPaths;
import io.emolens.app.Main;
import io.emolens.app.Wiring;
import io.emolens.classify.EmotionClassifier;
import io.emolens.core.VideoFrame;
import io.emolens.detect.DetectorConfig;
import io.emolens.source.DefaultFrameSourceFactory;
import io.emolens.source.FrameSource;
import io.emolens.track.TrackerConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped model fails inside inference (it was closed under the analyzer, as a crashed native model would be):
 * classification stops with a message naming the model, and detection goes on over the demo clip's frames.
 */
class ClassifierFailureTest {

    @Test
    void aFailingModelStopsClassificationWhileDetectionContinues() {
        Wiring wiring = new Wiring(new AppPaths(TestFiles.repo()), DetectorConfig.DEFAULT, Main.modelLoader());
        EmotionClassifier model = Main.modelLoader().load(TestFiles.repo().resolve("models/emolens-default.zip"));
        List<AnalyzedFrame> frames = new ArrayList<>();
        try (FrameAnalyzer analyzer = wiring.create(null, TrackerConfig.UNSMOOTHED, ClassifyPolicy.EVERY_FACE);
             FrameSource clip = new DefaultFrameSourceFactory().open(TestFiles.demoClip())) {
            analyzer.setClassifier(model);
            Optional<VideoFrame> next;
            while ((next = clip.next()).isPresent() && frames.size() < 40) {
                if (frames.size() == 10) {
                    model.close();
                }
                frames.add(analyzer.analyze(next.get()));
            }
            assertTrue(frames.subList(0, 10).stream().anyMatch(f -> f.faces().stream().anyMatch(t -> t.scores().isPresent())),
                    "the model classified faces before it failed");
            List<AnalyzedFrame> after = frames.subList(10, frames.size());
            assertTrue(after.stream().allMatch(f -> f.faces().stream().noneMatch(t -> t.scores().isPresent())),
                    "no probabilities after the failure");
            assertTrue(after.stream().filter(f -> !f.faces().isEmpty()).count() >= 20, "faces are still detected after the failure");
            assertEquals(Optional.empty(), analyzer.classifier());
            String problem = analyzer.classifierProblem().orElseThrow();
            assertTrue(problem.contains("emolens-default.zip") && problem.contains("detection goes on"), problem);
        }
    }
}
