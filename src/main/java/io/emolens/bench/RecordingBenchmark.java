package io.emolens.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import io.emolens.core.VideoFrame;
import io.emolens.pipeline.AnalyzedFrame;
import io.emolens.pipeline.ClassifyPolicy;
import io.emolens.pipeline.FrameAnalyzer;
import io.emolens.pipeline.LivePipeline;
import io.emolens.session.AnalyzerFactory;
import io.emolens.session.RecordingSettings;
import io.emolens.session.SessionInfo;
import io.emolens.session.SessionRecorder;
import io.emolens.source.FrameSource;
import io.emolens.track.TrackerConfig;

/**
 * Live FPS with and without recording, side by side in one run: the app's {@link LivePipeline} plays the clip
 * in a loop (paced to its frame rate, as the app plays it) and, in "saturated" mode, the pipeline thread runs
 * unpaced so that any CPU the recorder takes shows up as lost frames. Passes alternate without/with recording
 * after one warm-up pass of each; each figure is the median over passes. The first second of a pass is skipped.
 */
public final class RecordingBenchmark {

    /** Median frames per second without and with recording, and what the recordings dropped and wrote. */
    public record Result(double livePlainFps, double liveRecordingFps, double saturatedPlainFps, double saturatedRecordingFps,
                         long droppedFrames, long recordedFrames, String codec, int passes, double seconds) {
        public double liveLossPercent() {
            return 100 * (1 - liveRecordingFps / livePlainFps);
        }

        public double saturatedLossPercent() {
            return 100 * (1 - saturatedRecordingFps / saturatedPlainFps);
        }
    }

    private final AnalyzerFactory analyzers;
    private final Supplier<FrameSource> clip;
    private final Path scratch;
    private final RecordingSettings settings;
    private long dropped;
    private long recorded;
    private String codec = "";

    /** @param scratch a folder for the sessions recorded while measuring (deleted afterwards by the caller) */
    public RecordingBenchmark(AnalyzerFactory analyzers, Supplier<FrameSource> clip, Path scratch, RecordingSettings settings) {
        this.analyzers = analyzers;
        this.clip = clip;
        this.scratch = scratch;
        this.settings = settings;
    }

    public Result run(int passes, double seconds) throws InterruptedException {
        if (passes < 1 || seconds < 2) {
            throw new IllegalArgumentException("need passes >= 1 and seconds >= 2, got " + passes + ", " + seconds);
        }
        List<Double> livePlain = new ArrayList<>();
        List<Double> liveRec = new ArrayList<>();
        List<Double> satPlain = new ArrayList<>();
        List<Double> satRec = new ArrayList<>();
        live(false, 2);
        live(true, 2);
        for (int p = 0; p < passes; p++) {
            livePlain.add(live(false, seconds));
            liveRec.add(live(true, seconds));
            satPlain.add(saturated(false, seconds));
            satRec.add(saturated(true, seconds));
        }
        return new Result(median(livePlain), median(liveRec), median(satPlain), median(satRec), dropped, recorded, codec, passes, seconds);
    }

    private double live(boolean record, double seconds) throws InterruptedException {
        AtomicLong counted = new AtomicLong();
        AtomicLong countFrom = new AtomicLong(Long.MAX_VALUE);
        AtomicReference<SessionRecorder> recorder = new AtomicReference<>();
        LivePipeline pipeline = new LivePipeline(analyzers.create(null, TrackerConfig.DEFAULT, ClassifyPolicy.LIVE), new LivePipeline.Listener() {
            @Override
            public void onFrame(AnalyzedFrame frame, double fps) {
                SessionRecorder r = recorder.get();
                if (r != null) {
                    r.frame(frame, r.elapsedMs());
                }
                if (System.nanoTime() >= countFrom.get()) {
                    counted.incrementAndGet();
                }
            }

            @Override
            public void onStopped(String source, Optional<Throwable> error) {
            }
        });
        try {
            if (record) {
                recorder.set(SessionRecorder.start(newFolder(), settings, "bench", null, pipeline.preprocessor(), m -> { }));
            }
            pipeline.start(clip, true);
            Thread.sleep(1000);
            long from = System.nanoTime();
            countFrom.set(from);
            Thread.sleep((long) (seconds * 1000));
            long frames = counted.get();
            return frames / ((System.nanoTime() - from) / 1e9);
        } finally {
            pipeline.close();
            finish(recorder.get());
        }
    }

    private double saturated(boolean record, double seconds) {
        SessionRecorder recorder = null;
        try (FrameAnalyzer analyzer = analyzers.create(null, TrackerConfig.DEFAULT, ClassifyPolicy.LIVE)) {
            if (record) {
                recorder = SessionRecorder.start(newFolder(), settings, "bench", null, analyzer.preprocessor(), m -> { });
            }
            long start = System.nanoTime();
            long countFrom = start + 1_000_000_000L;
            long end = countFrom + (long) (seconds * 1e9);
            long frames = 0;
            FrameSource source = clip.get();
            try {
                while (System.nanoTime() < end) {
                    Optional<VideoFrame> next = source.next();
                    if (next.isEmpty()) {
                        source.close();
                        source = clip.get();
                        analyzer.reset();
                        continue;
                    }
                    AnalyzedFrame result = analyzer.analyze(next.get());
                    if (recorder != null) {
                        recorder.frame(result, recorder.elapsedMs());
                    }
                    if (System.nanoTime() >= countFrom) {
                        frames++;
                    }
                }
            } finally {
                source.close();
            }
            return frames / ((System.nanoTime() - countFrom) / 1e9);
        } finally {
            finish(recorder);
        }
    }

    private void finish(SessionRecorder recorder) {
        if (recorder != null) {
            SessionInfo info = recorder.stop();
            dropped += info.droppedFrames();
            recorded += info.frames();
            codec = info.videoCodec();
        }
    }

    private Path newFolder() {
        try {
            return Files.createTempDirectory(scratch, "session-");
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a scratch folder in " + scratch, e);
        }
    }

    private static double median(List<Double> values) {
        List<Double> v = new ArrayList<>(values);
        Collections.sort(v);
        int n = v.size();
        return n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
    }
}
