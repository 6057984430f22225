package io.emolens.bench;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import io.emolens.core.ProcessMemory;
import io.emolens.pipeline.AnalyzedFrame;
import io.emolens.pipeline.FrameAnalyzer;
import io.emolens.pipeline.LivePipeline;
import io.emolens.pipeline.LiveStats;
import io.emolens.session.RecordingSettings;
import io.emolens.session.SessionInfo;
import io.emolens.session.SessionRecorder;
import io.emolens.source.FrameSource;
import io.emolens.track.BoxMotion;

/**
 * Plays a source through the app's {@link LivePipeline} without a window (looping a file) and reports what the
 * live view achieves: frames shown and analyzed per second, analysis frames replaced before use, and the age of
 * the labels drawn, optionally while recording a session as the app does. The first seconds warm up uncounted.
 */
public final class LiveBenchmark {
    private static final long WARM_UP_MS = 3000;

    /**
     * @param sourceFps      a file's nominal frame rate; for a live source the rate its frames were read at
     * @param stats          counters over the measured seconds
     * @param recordedFrames frames the session recorded (0 without {@code --record})
     * @param videoDropped   frames the recording's encoder dropped
     * @param peakRssMb      the process's peak resident set size, -1 where /proc is absent
     * @param analysisCpuMsPerFrame CPU time of the analysis thread per analyzed frame: its wall time on an idle core
     * @param displayCpuMsPerFrame  CPU time of the source (read, follow, record calls) thread per shown frame
     */
    public record Result(double sourceFps, LiveStats.Snapshot stats, long recordedFrames, long videoDropped, String sessionStatus,
                         double peakRssMb, double analysisCpuMsPerFrame, double displayCpuMsPerFrame) {
    }

    /** CPU time so far of the live threads named {@code name}, in nanoseconds. */
    private static long cpuNanos(String name) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long total = 0;
        for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().equals(name)) {
                total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }

    /**
     * @param analyzer analyzer for the pipeline (closed with it)
     * @param session  a folder to record into, or null to measure without recording
     */
    public Result run(Supplier<FrameSource> source, FrameAnalyzer analyzer, BoxMotion.Mode motion, double seconds, Path session)
            throws InterruptedException {
        if (!(seconds > 0)) {
            throw new IllegalArgumentException("seconds must be > 0, was " + seconds);
        }
        AtomicReference<SessionRecorder> recorder = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        FrameSource first = source.get();
        double nominalFps = first.isLive() ? 0 : first.frameRate();
        AtomicReference<FrameSource> unused = new AtomicReference<>(first);
        Supplier<FrameSource> opener = () -> {
            FrameSource f = unused.getAndSet(null);
            return f != null ? f : source.get();
        };
        try (LivePipeline pipeline = new LivePipeline(analyzer, new LivePipeline.Listener() {
            @Override
            public void onFrame(AnalyzedFrame frame, double fps) {
                SessionRecorder r = recorder.get();
                if (r != null) {
                    r.frame(frame, r.elapsedMs());
                }
            }

            @Override
            public void onStopped(String name, Optional<Throwable> error) {
                error.ifPresent(failure::set);
            }
        }, motion)) {
            if (session != null) {
                recorder.set(SessionRecorder.start(session, RecordingSettings.LIVE, "bench live", analyzer.classifier().map(c -> c.name()).orElse(null),
                        pipeline.preprocessor(), m -> { }));
            }
            pipeline.start(opener, true);
            Thread.sleep(WARM_UP_MS);
            pipeline.stats().reset();
            long analysisCpu = cpuNanos("emolens-analysis");
            long displayCpu = cpuNanos("emolens-pipeline");
            Thread.sleep((long) (seconds * 1000));
            LiveStats.Snapshot stats = pipeline.stats().snapshot();
            analysisCpu = cpuNanos("emolens-analysis") - analysisCpu;
            displayCpu = cpuNanos("emolens-pipeline") - displayCpu;
            pipeline.stop();
            SessionRecorder r = recorder.get();
            SessionInfo info = r == null ? null : r.stop();
            if (failure.get() != null) {
                throw new IllegalStateException("the live pipeline stopped: " + failure.get().getMessage(), failure.get());
            }
            double sourceFps = nominalFps > 0 ? nominalFps : stats.read() / stats.seconds();
            return new Result(sourceFps, stats, info == null ? 0 : info.frames(), info == null ? 0 : info.droppedFrames(),
                    info == null ? null : info.status(), ProcessMemory.peakRssMb(), analysisCpu / 1e6 / Math.max(1, stats.analyzed()),
                    displayCpu / 1e6 / Math.max(1, stats.displayed()));
        } finally {
            SessionRecorder r = recorder.get();
            if (r != null) {
                r.stop();
            }
        }
    }
}
