package io.emolens.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.emolens.TestFiles;
import io.emolens.app.AppPaths;
import io.emolens.app.Main;
import io.emolens.app.Wiring;
import io.emolens.classify.EmotionClassifier;
import io.emolens.core.VideoFrame;
import io.emolens.detect.DetectorConfig;
import io.emolens.pipeline.AnalyzedFrame;
import io.emolens.pipeline.ClassifyPolicy;
import io.emolens.pipeline.FrameAnalyzer;
import io.emolens.record.FacesCsvWriter;
import io.emolens.source.DefaultFrameSourceFactory;
import io.emolens.source.FrameSource;
import io.emolens.track.TrackerConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo clip recorded with the shipped model while the user changes the face detection settings at 2 s and
 * switches to detection only at 4 s: session.json names the settings of the first frame and both changes at the
 * frames where they took effect, and faces.csv shows the switch.
 */
class SettingsChangesTest {
    private static final DetectorConfig STRICTER = new DetectorConfig(1.2, 8, 60, 480);

    @Test
    void sessionJsonListsTheChangesAtTheFramesWhereTheyTookEffect(@TempDir Path tmp) throws IOException {
        Path folder = tmp.resolve("session");
        Wiring wiring = new Wiring(new AppPaths(TestFiles.repo()), DetectorConfig.DEFAULT, Main.modelLoader());
        EmotionClassifier model = wiring.loadModel(TestFiles.repo().resolve("models").resolve(AppPaths.DEFAULT_MODEL));
        List<AnalyzedFrame> frames = new ArrayList<>();
        long stricterFrame = -1;
        long detectionOnlyFrame = -1;
        SessionInfo stopped;
        try (FrameAnalyzer analyzer = wiring.create(model, TrackerConfig.UNSMOOTHED, ClassifyPolicy.EVERY_FACE);
             FrameSource clip = new DefaultFrameSourceFactory().open(TestFiles.demoClip())) {
            SessionRecorder recorder = SessionRecorder.start(folder, RecordingSettings.offline(false, clip.frameRate()),
                    clip.description(), model.name(), analyzer.preprocessor(), m -> { });
            Optional<VideoFrame> next;
            while ((next = clip.next()).isPresent()) {
                VideoFrame frame = next.get();
                if (stricterFrame < 0 && frame.timeMs() >= 2000) {
                    analyzer.setDetectorConfig(STRICTER);
                    stricterFrame = frame.index();
                }
                if (detectionOnlyFrame < 0 && frame.timeMs() >= 4000) {
                    analyzer.setClassifier(null).close();
                    detectionOnlyFrame = frame.index();
                }
                AnalyzedFrame analyzed = analyzer.analyze(frame);
                frames.add(analyzed);
                recorder.frame(analyzed, frame.timeMs());
            }
            stopped = recorder.stop();
        }

        SessionInfo info = RecordedSession.open(folder).info();
        assertEquals(stopped, info);
        assertEquals(AppPaths.DEFAULT_MODEL, info.model());
        assertEquals(DetectorConfig.DEFAULT, info.detector());
        assertEquals(List.of(
                new SettingsChange(frames.get((int) stricterFrame).frame().timeMs(), stricterFrame, AppPaths.DEFAULT_MODEL, STRICTER),
                new SettingsChange(frames.get((int) detectionOnlyFrame).frame().timeMs(), detectionOnlyFrame, null, STRICTER)),
                info.changes());
        assertTrue(info.changes().get(1).describe().startsWith(String.format(java.util.Locale.ROOT,
                "from %.1f s (frame %d): model none (detection only); Haar, scale 1.20, 8 neighbours, faces from 60 px, detecting at 480 px wide",
                info.changes().get(1).sessionMs() / 1000.0, detectionOnlyFrame)), info.changes().get(1).describe());

        List<String> rows = Files.readAllLines(folder.resolve(SessionRecorder.FACES_CSV));
        assertTrue(rows.get(0).startsWith(FacesCsvWriter.HEADER));
        int scored = 0;
        int unscored = 0;
        for (String row : rows.subList(1, rows.size())) {
            String[] c = row.split(",", -1);
            boolean labelled = !c[8].isEmpty();
            if (Long.parseLong(c[0]) < detectionOnlyFrame) {
                assertTrue(labelled, "the model labels every face before the switch: " + row);
                scored++;
            } else {
                assertFalse(labelled, "detection only after the switch: " + row);
                unscored++;
            }
        }
        assertTrue(scored > 0 && unscored > 0, scored + " scored, " + unscored + " unscored rows");
    }
}
