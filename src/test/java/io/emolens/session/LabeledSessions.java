package io.emolens.session;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.emolens.TestFiles;
import io.emolens.app.AppPaths;
import io.emolens.app.Main;
import io.emolens.app.Wiring;
import io.emolens.core.Emotion;
import io.emolens.core.VideoFrame;
import io.emolens.detect.DetectorConfig;
import io.emolens.pipeline.ClassifyPolicy;
import io.emolens.pipeline.FrameAnalyzer;
import io.emolens.source.DefaultFrameSourceFactory;
import io.emolens.source.FrameSource;
import io.emolens.track.TrackerConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Sessions recorded from the demo clip with scripted labels and a face crop every frame, for personalization tests. */
public final class LabeledSessions {
    private LabeledSessions() {
    }

    public interface Script {
        Optional<Emotion> at(long ms);
    }

    /** Records the demo clip (detection only, a crop every frame) with the labels {@code script} gives. */
    public static Path record(Path folder, Script script) {
        Wiring wiring = new Wiring(new AppPaths(TestFiles.repo()), DetectorConfig.DEFAULT, Main.modelLoader());
        FrameAnalyzer analyzer = wiring.create(null, TrackerConfig.UNSMOOTHED, ClassifyPolicy.EVERY_FACE);
        List<String> failures = new ArrayList<>();
        try (FrameSource clip = new DefaultFrameSourceFactory().open(TestFiles.demoClip())) {
            SessionRecorder recorder = SessionRecorder.start(folder, new RecordingSettings(false, false, 0, false, clip.frameRate()),
                    clip.description(), null, analyzer.preprocessor(), failures::add);
            Optional<VideoFrame> next;
            while ((next = clip.next()).isPresent()) {
                VideoFrame frame = next.get();
                Optional<Emotion> label = script.at(frame.timeMs());
                if (!label.equals(recorder.currentLabel())) {
                    recorder.label(label.orElse(null), frame.timeMs());
                }
                recorder.frame(analyzer.analyze(frame), frame.timeMs());
            }
            recorder.stop();
        }
        assertEquals(List.of(), failures);
        return folder;
    }
}
