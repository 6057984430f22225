package io.emolens.session;

import java.nio.file.Path;
import java.util.Optional;

import io.emolens.TestFiles;
import io.emolens.app.AppPaths;
import io.emolens.app.Main;
import io.emolens.app.Wiring;
import io.emolens.core.Emotion;
import io.emolens.detect.DetectorConfig;
import io.emolens.pipeline.AnalyzedFrame;
import io.emolens.pipeline.ClassifyPolicy;
import io.emolens.pipeline.LivePipeline;
import io.emolens.source.DefaultFrameSourceFactory;
import io.emolens.track.TrackerConfig;

/**
 * A process that records the demo clip in a loop exactly as the desktop app does (live pipeline, wall-clock
 * session time, Happy label held), until it is killed. Run by {@link KillRecordingTest}.
 */
public final class KillableRecording {
    private KillableRecording() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path folder = Path.of(args[0]);
        Wiring wiring = new Wiring(new AppPaths(TestFiles.repo()), DetectorConfig.DEFAULT, Main.modelLoader());
        SessionRecorder[] recorder = new SessionRecorder[1];
        LivePipeline pipeline = new LivePipeline(wiring.createLive(null, null), new LivePipeline.Listener() {
            @Override
            public void onFrame(AnalyzedFrame frame, double fps) {
                recorder[0].frame(frame, recorder[0].elapsedMs());
            }

            @Override
            public void onStopped(String source, Optional<Throwable> error) {
                System.err.println("source stopped: " + error);
            }
        });
        recorder[0] = SessionRecorder.start(folder, RecordingSettings.LIVE, "demo.mp4", null, pipeline.preprocessor(), System.err::println);
        recorder[0].label(Emotion.HAPPY, 0);
        pipeline.start(() -> new DefaultFrameSourceFactory().open(TestFiles.demoClip()), true);
        System.out.println("recording");
        Thread.sleep(Long.MAX_VALUE);
    }
}
