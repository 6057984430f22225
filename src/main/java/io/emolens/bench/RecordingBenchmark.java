package io.emolens.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import io.emolens.classify.EmotionClassifier;
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
 * after one warm-up pass of each; each figure is the median over passes (each pass is also reported, as
 * {live plain, live recording, saturated plain, saturated recording}). The first second of a pass is skipped.
 */
public final class RecordingBenchmark {

    /**
     * Median frames per second without and with recording, what the recordings dropped and wrote, and where the
     * CPU goes per frame in saturated recording passes (medians): analysis on the pipeline thread, the recorder's
     * calls on the pipeline thread (rows, crops, queueing), and the encoder thread (overlay and H.264).
     */
    public record Result(double livePlainFps, double liveRecordingFps, double saturatedPlainFps, double saturatedRecordingFps,
                         long droppedFrames, long recordedFrames, String codec, int passes, double seconds, List<double[]> perPass,
                         double analyzeCpuMs, double recorderCallCpuMs, double encoderCpuMs) {
        public double liveLossPercent() {
            return 100 * (1 - liveRecordingFps / livePlainFps);
        }

        public double saturatedLossPercent() {
            return 100 * (1 - saturatedRecordingFps / saturatedPlainFps);
        }
    }

    private final AnalyzerFactory analyzers;
    private final Supplier<EmotionClassifier> classifier;
    private final Supplier<FrameSource> clip;
    private final Path scratch;
    private final RecordingSettings settings;
    private long dropped;
    private long recorded;
    private String codec = "";
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final List<double[]> cpu = new ArrayList<>();

    /**
     * @param classifier a new classifier for each pass (each pass's analyzer closes its own), or null for detection only
     * @param scratch    a folder for the sessions recorded while measuring (deleted afterwards by the caller)
     */
    public RecordingBenchmark(AnalyzerFactory analyzers, Supplier<EmotionClassifier> classifier, Supplier<FrameSource> clip, Path scratch,
                              RecordingSettings settings) {
        this.analyzers = analyzers;
        this.classifier = classifier;
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
        List<double[]> perPass = new ArrayList<>();
        for (int p = 0; p < passes; p++) {
            livePlain.add(live(false, seconds));
            liveRec.add(live(true, seconds));
            satPlain.add(saturated(false, seconds));
            satRec.add(saturated(true, seconds));
            perPass.add(new double[] {livePlain.get(p), liveRec.get(p), satPlain.get(p), satRec.get(p)});
        }
        return new Result(median(livePlain), median(liveRec), median(satPlain), median(satRec), dropped, recorded, codec, passes, seconds,
                List.copyOf(perPass), median(cpu, 0), median(cpu, 1), median(cpu, 2));
    }

    private double live(boolean record, double seconds) throws InterruptedException {
        AtomicLong counted = new AtomicLong();
        AtomicLong countFrom = new AtomicLong(Long.MAX_VALUE);
        AtomicReference<SessionRecorder> recorder = new AtomicReference<>();
        LivePipeline pipeline = new LivePipeline(analyzers.createLive(classifier.get(), null), new LivePipeline.Listener() {
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
        try (FrameAnalyzer analyzer = analyzers.create(classifier.get(), TrackerConfig.DEFAULT, ClassifyPolicy.LIVE)) {
            if (record) {
                recorder = SessionRecorder.start(newFolder(), settings, "bench", null, analyzer.preprocessor(), m -> { });
            }
            long start = System.nanoTime();
            long countFrom = start + 1_000_000_000L;
            long end = countFrom + (long) (seconds * 1e9);
            long frames = 0;
            long analyzeNanos = 0;
            long recordNanos = 0;
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
                    long c0 = threads.getCurrentThreadCpuTime();
                    AnalyzedFrame result = analyzer.analyze(next.get());
                    long c1 = threads.getCurrentThreadCpuTime();
                    if (recorder != null) {
                        recorder.frame(result, recorder.elapsedMs());
                    }
                    long c2 = threads.getCurrentThreadCpuTime();
                    analyzeNanos += c1 - c0;
                    recordNanos += c2 - c1;
                    if (System.nanoTime() >= countFrom) {
                        frames++;
                    }
                }
            } finally {
                source.close();
            }
            double fps = frames / ((System.nanoTime() - countFrom) / 1e9);
            if (recorder != null) {
                long n = Math.max(1, recorder.frames());
                cpu.add(new double[] {analyzeNanos / 1e6 / n, recordNanos / 1e6 / n, encoderCpuNanos() / 1e6 / n});
            }
            return fps;
        } finally {
            finish(recorder);
        }
    }

    /** CPU time of the live encoder threads so far (read before the recorder stops and its thread ends). */
    private long encoderCpuNanos() {
        long total = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().equals("emolens-encoder")) {
                total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
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

    private static double median(List<double[]> rows, int column) {
        List<Double> values = new ArrayList<>();
        rows.forEach(r -> values.add(r[column]));
        return values.isEmpty() ? Double.NaN : median(values);
    }

    private static double median(List<Double> values) {
        List<Double> v = new ArrayList<>(values);
        Collections.sort(v);
        int n = v.size();
        return n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
    }
}
