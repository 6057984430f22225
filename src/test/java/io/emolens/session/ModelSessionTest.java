package io.emolens.session;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.emolens.TestFiles;
import io.emolens.app.AnalyzeCommandTest;
import io.emolens.app.AppPaths;
import io.emolens.app.Main;
import io.emolens.app.Wiring;
import io.emolens.classify.EmotionClassifier;
import io.emolens.core.Emotion;
import io.emolens.core.VideoFrame;
import io.emolens.detect.DetectorConfig;
import io.emolens.pipeline.AnalyzedFrame;
import io.emolens.pipeline.ClassifyPolicy;
import io.emolens.pipeline.FrameAnalyzer;
import io.emolens.source.DefaultFrameSourceFactory;
import io.emolens.source.FrameSource;
import io.emolens.track.TrackedFace;
import io.emolens.track.TrackerConfig;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A session recorded with a real (tiny, fixture-trained) model and scripted labels: the agreement report read
 * back from the folder equals the one counted from the in-memory predictions of the same frames.
 */
class ModelSessionTest {

    @Test
    void theReviewComparesTheRecordedPredictionsWithTheLabels(@TempDir Path tmp) {
        Path model = AnalyzeCommandTest.trainTinyModel(tmp);
        Wiring wiring = new Wiring(new AppPaths(TestFiles.repo()), DetectorConfig.DEFAULT, Main.modelLoader());
        EmotionClassifier classifier = wiring.loadModel(model);
        Path folder = tmp.resolve("session");
        List<AnalyzedFrame> frames = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        try (FrameAnalyzer analyzer = wiring.create(classifier, TrackerConfig.UNSMOOTHED, ClassifyPolicy.EVERY_FACE);
             FrameSource clip = new DefaultFrameSourceFactory().open(TestFiles.demoClip())) {
            SessionRecorder recorder = SessionRecorder.start(folder, RecordingSettings.offline(false, clip.frameRate()),
                    clip.description(), classifier.name(), analyzer.preprocessor(), failures::add);
            recorder.label(Emotion.HAPPY, 0);
            Optional<VideoFrame> next;
            while ((next = clip.next()).isPresent()) {
                if (next.get().timeMs() >= 3500 && recorder.currentLabel().equals(Optional.of(Emotion.HAPPY))) {
                    recorder.label(Emotion.NEUTRAL, 3500);
                }
                AnalyzedFrame analyzed = analyzer.analyze(next.get());
                frames.add(analyzed);
                recorder.frame(analyzed, next.get().timeMs());
            }
            recorder.stop();
        }
        assertEquals(List.of(), failures);

        long[][] expected = new long[Emotion.COUNT][Emotion.COUNT];
        long labeled = 0;
        for (AnalyzedFrame f : frames) {
            Optional<TrackedFace> largest = f.faces().stream().max(Comparator.comparingInt(t -> t.box().area()));
            if (largest.isPresent()) {
                Emotion truth = f.frame().timeMs() < 3500 ? Emotion.HAPPY : Emotion.NEUTRAL;
                expected[truth.index()][largest.get().scores().orElseThrow().top().index()]++;
                labeled++;
            }
        }
        RecordedSession s = RecordedSession.open(folder);
        assertEquals("model.zip", s.info().model());
        AgreementReport report = AgreementReport.of(s);
        assertTrue(report.predictions());
        assertEquals(labeled, report.labeledFrames());
        assertEquals(0, report.unscoredFrames(), "offline, every face is classified on every frame");
        assertArrayEquals(expected, report.matrix().toArray());
        long correct = expected[Emotion.HAPPY.index()][Emotion.HAPPY.index()] + expected[Emotion.NEUTRAL.index()][Emotion.NEUTRAL.index()];
        assertEquals((double) correct / labeled, report.accuracy(), 1e-12);
        assertTrue(report.text().contains(String.format("%.1f%% (%d of %d labeled frames", 100.0 * correct / labeled, correct, labeled)),
                report.text());
        assertEquals(2, s.labels().size());
    }
}
