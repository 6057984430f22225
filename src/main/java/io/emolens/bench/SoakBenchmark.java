package io.emolens.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.emolens.classify.EmotionClassifier;
import io.emolens.detect.DetectorSettings;
import io.emolens.pipeline.AnalyzedFrame;
import io.emolens.pipeline.FrameAnalyzer;
import io.emolens.pipeline.LivePipeline;
import io.emolens.session.RecordingSettings;
import io.emolens.session.SessionRecorder;
import io.emolens.source.FrameSource;
import io.emolens.track.BoxMotion;

/**
 * Runs the app's live path for many minutes on a looping clip or a stream and does what a user does over a long
 * session, on a fixed schedule: every {@link #ACTION_SECONDS} seconds it starts or stops a recording, swaps the model
 * (loads a fresh one, or none), or switches the face detector and its settings (Haar, YuNet, each at two widths), in turn. A {@link ResourceSample} is taken at the start
 * and every minute, so memory, native buffers, threads and file descriptors can be seen to stay flat.
 */
public final class SoakBenchmark {
    /** Seconds between two scheduled actions. */
    public static final int ACTION_SECONDS = 20;

    /**
     * @param samples    one per minute, the first at minute 0
     * @param actions    what was done when, in order ("0:20 record on", …)
     * @param frames     frames shown by the live path
     * @param analyzed   frames analyzed
     * @param recordings recordings started and finalized
     * @param failure    why the live path stopped early, empty when it ran to the end
     */
    public record Result(List<ResourceSample> samples, List<String> actions, long frames, long analyzed, int recordings,
                         Optional<String> failure) {
    }

    /**
     * @param source      opens the clip or stream (again after a loss)
     * @param analyzer    the live analyzer, closed with the pipeline
     * @param model       loads a fresh classifier for each swap
     * @param detectors   the detection settings to cycle through
     * @param scratch     where recordings go; each is deleted once finalized
     * @param minutes     how long to run
     * @param progress    told of each sample as it is taken
     */
    public Result run(Supplier<FrameSource> source, FrameAnalyzer analyzer, Supplier<EmotionClassifier> model, List<DetectorSettings> detectors,
                      Path scratch, double minutes, Consumer<ResourceSample> progress) throws InterruptedException {
        if (!(minutes > 0) || detectors.isEmpty()) {
            throw new IllegalArgumentException("minutes must be > 0 and at least one detector setting given");
        }
        AtomicReference<SessionRecorder> recorder = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicLong shown = new AtomicLong();
        List<ResourceSample> samples = new ArrayList<>();
        List<String> actions = new ArrayList<>();
        int recordings = 0;
        long start = System.nanoTime();
        long end = start + (long) (minutes * 60e9);
        try (LivePipeline pipeline = new LivePipeline(analyzer, new LivePipeline.Listener() {
            @Override
            public void onFrame(AnalyzedFrame frame, double fps) {
                shown.incrementAndGet();
                SessionRecorder r = recorder.get();
                if (r != null) {
                    r.frame(frame, r.elapsedMs());
                }
            }

            @Override
            public void onStopped(String name, Optional<Throwable> error) {
                error.ifPresent(failure::set);
            }
        }, BoxMotion.Mode.VELOCITY)) {
            pipeline.start(source, true);
            samples.add(sample(start, progress));
            long nextSample = start + 60_000_000_000L;
            long nextAction = start + ACTION_SECONDS * 1_000_000_000L;
            int step = 0;
            boolean withModel = analyzer.classifier().isPresent();
            while (System.nanoTime() < end && failure.get() == null) {
                long now = System.nanoTime();
                if (now >= nextAction) {
                    String at = clock(now - start);
                    switch (step++ % 3) {
                        case 0 -> {
                            SessionRecorder r = recorder.getAndSet(null);
                            if (r == null) {
                                recorder.set(SessionRecorder.start(scratch.resolve("session-" + recordings), RecordingSettings.LIVE, "bench soak",
                                        pipeline.classifierName().orElse(null), pipeline.preprocessor(), m -> { }));
                                actions.add(at + " record on");
                            } else {
                                finish(r);
                                recordings++;
                                actions.add(at + " record off (" + r.frames() + " frames)");
                            }
                        }
                        case 1 -> {
                            withModel = !withModel;
                            pipeline.replaceClassifier(withModel ? model.get() : null);
                            actions.add(at + (withModel ? " model loaded" : " model removed"));
                        }
                        default -> {
                            DetectorSettings next = detectors.get((step / 3) % detectors.size());
                            pipeline.setDetectorConfig(next);
                            actions.add(at + " detection " + next);
                        }
                    }
                    nextAction += ACTION_SECONDS * 1_000_000_000L;
                }
                if (now >= nextSample) {
                    samples.add(sample(start, progress));
                    nextSample += 60_000_000_000L;
                }
                Thread.sleep(200);
            }
            SessionRecorder r = recorder.getAndSet(null);
            if (r != null) {
                finish(r);
                recordings++;
            }
            samples.add(sample(start, progress));
            long analyzed = pipeline.stats().snapshot().analyzed();
            pipeline.stop();
            return new Result(samples, actions, shown.get(), analyzed, recordings,
                    Optional.ofNullable(failure.get()).map(t -> String.valueOf(t.getMessage())));
        }
    }

    private static ResourceSample sample(long start, Consumer<ResourceSample> progress) {
        ResourceSample s = ResourceSample.now((System.nanoTime() - start) / 60e9);
        progress.accept(s);
        return s;
    }

    private static void finish(SessionRecorder r) {
        r.stop();
        try {
            ScratchFolders.delete(r.folder());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String clock(long nanos) {
        long s = nanos / 1_000_000_000L;
        return String.format("%d:%02d", s / 60, s % 60);
    }
}
