package io.emolens.pipeline;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import io.emolens.classify.EmotionClassifier;
import io.emolens.core.EmolensException;
import io.emolens.core.VideoFrame;
import io.emolens.detect.DetectorSettings;
import io.emolens.preprocess.FacePreprocessor;
import io.emolens.source.FrameSource;
import io.emolens.track.BoxMotion;

/**
 * Plays a {@link FrameSource} live with a {@link FrameAnalyzer}: the source thread ("emolens-pipeline") reads every
 * frame, paces files to their frame rate (skipping frames only to stay in real time), and hands each frame to the
 * {@link Listener} with the latest analysis following the faces ({@link FaceFollower}); detection and classification
 * run on their own thread ({@link AnalysisWorker}) on the newest frame, so the display keeps the source's rate
 * whatever analysis costs; the analysis follows known faces while a third thread scans whole frames for new ones
 * ({@link ScanWorker}). At a new shot ({@link SceneCuts}) the previous shot's faces are dropped and the frame is scanned
 * at once. Stills are shown once analyzed. Cameras may be mirrored. Owns the source it runs
 * (stopping closes it) and the classifiers given to {@link #replaceClassifier}, swapped on the analysis thread.
 */
public final class LivePipeline implements AutoCloseable {
    /** Receives results on the pipeline thread: hand them to the UI thread yourself. */
    public interface Listener {
        /** A frame to show (and record): the source's frame with the latest faces moved onto it. */
        void onFrame(AnalyzedFrame frame, double fps);

        /** The source ended (end of file) or failed; {@code error} is empty on a normal end. */
        void onStopped(String source, Optional<Throwable> error);
    }

    private static final long STILL_MS = 1500;
    /**
     * Whole-frame scans for new faces start at most this often (a new face shows within about a period and a scan);
     * between them the analysis follows known faces. 250 ms keeps a Haar scan (about 120 ms on 640x360) to half a core.
     */
    static final long SCAN_PERIOD_MS = 250;
    private static final long STOP_WAIT_MS = 2000;
    private final FrameAnalyzer analyzer;
    private final Listener listener;
    private final BoxMotion.Mode motion;
    private final LiveStats stats = new LiveStats();
    private final AtomicReference<AnalyzedFrame> latest = new AtomicReference<>();
    private final AtomicReference<EmotionClassifier> pendingClassifier = new AtomicReference<>();
    private final Object swapLock = new Object();
    private volatile boolean classifierPending;
    private final java.util.concurrent.atomic.AtomicLong modelGeneration = new java.util.concurrent.atomic.AtomicLong();
    private volatile boolean paused;
    private volatile boolean mirror;
    private Thread thread;
    private Runner runner;

    public LivePipeline(FrameAnalyzer analyzer, Listener listener) {
        this(analyzer, listener, BoxMotion.Mode.VELOCITY);
    }

    /** @param motion how boxes follow faces between analyses */
    public LivePipeline(FrameAnalyzer analyzer, Listener listener, BoxMotion.Mode motion) {
        this.analyzer = analyzer;
        this.listener = listener;
        this.motion = motion;
    }

    /**
     * Stops whatever runs and starts reading from the sources {@code opener} makes (called again to loop). The source
     * is opened (which may take a network timeout) without holding this pipeline's lock, so other calls do not wait.
     */
    public void start(Supplier<FrameSource> opener, boolean loop) {
        stop();
        FrameSource first = opener.get();
        synchronized (this) {
            stop();
            runner = new Runner(first, opener, loop);
            thread = new Thread(runner, "emolens-pipeline");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /**
     * Stops the threads; returns when the analysis has stopped and, unless the source is blocked in a network read
     * (it then closes itself once its read times out), when the source is released.
     */
    public synchronized void stop() {
        if (thread != null) {
            runner.running = false;
            runner.stopWorker();
            thread.interrupt();
            try {
                thread.join(STOP_WAIT_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
            runner = null;
        }
    }

    public synchronized boolean isRunning() {
        return thread != null && thread.isAlive();
    }

    /** Holds the source (frames are not read) until {@link #setPaused(boolean) setPaused(false)}; for giving training the CPU. */
    public void setPaused(boolean paused) {
        this.paused = paused;
    }

    public boolean isPaused() {
        return paused;
    }

    /** Shows cameras flipped left to right (a mirror, as video calls do), from the next frame on; analysis and recording follow. */
    public void setMirror(boolean mirror) {
        this.mirror = mirror;
    }

    public boolean isMirror() {
        return mirror;
    }

    /** Frame, analysis and label-age counters of the running source (reset on each start). */
    public LiveStats stats() {
        return stats;
    }

    /** Uses {@code next} (null = detection only) from the next frame on; the previous classifier is closed. */
    public void replaceClassifier(EmotionClassifier next) {
        EmotionClassifier stale = pendingClassifier.getAndSet(next);
        classifierPending = true;
        modelGeneration.incrementAndGet();
        if (!isRunning()) {
            swapClassifier();
        } else if (stale != null && stale != next) {
            stale.close();
        }
    }

    /** The face detector's settings. */
    public DetectorSettings detectorConfig() {
        return analyzer.detectorConfig();
    }

    /** Changes the face detector's settings from the next frame on, without restarting the source. */
    public void setDetectorConfig(DetectorSettings config) {
        analyzer.setDetectorConfig(config);
    }

    /** Why the requested face detector is not in use (it fell back to the Haar cascade), if so. */
    public Optional<String> detectorProblem() {
        return analyzer.detectorProblem();
    }

    /** Why classification stopped while running (the model failed; detection goes on), if so. */
    public Optional<String> classifierProblem() {
        return analyzer.classifierProblem();
    }

    /** The preprocessor of the classifier input, for recording face crops exactly as they are classified. */
    public FacePreprocessor preprocessor() {
        return analyzer.preprocessor();
    }

    /** The name of the classifier in use, empty when detecting only. */
    public Optional<String> classifierName() {
        return analyzer.classifier().map(EmotionClassifier::name);
    }

    /** The most recent frame handed to the listener, if any since start. */
    public Optional<AnalyzedFrame> latest() {
        return Optional.ofNullable(latest.get());
    }

    @Override
    public void close() {
        stop();
        EmotionClassifier pending = pendingClassifier.getAndSet(null);
        if (pending != null) {
            pending.close();
        }
        analyzer.close();
    }

    private void swapClassifier() {
        synchronized (swapLock) {
            if (!classifierPending) {
                return;
            }
            classifierPending = false;
            EmotionClassifier next = pendingClassifier.getAndSet(null);
            EmotionClassifier old = analyzer.setClassifier(next);
            if (old != null && old != next) {
                old.close();
            }
        }
    }

    private void swapIfPending() {
        if (classifierPending) {
            swapClassifier();
        }
    }

    private final class Runner implements Runnable {
        private final Supplier<FrameSource> opener;
        private final boolean loop;
        private final AnalysisWorker worker = new AnalysisWorker(analyzer, stats, LivePipeline.this::swapIfPending,
                modelGeneration::get);
        private final FaceFollower follower = new FaceFollower(motion);
        private final SceneCuts cuts = new SceneCuts();
        private final Thread workerThread = new Thread(worker, "emolens-analysis");
        private final ScanWorker scanner = new ScanWorker(analyzer, SCAN_PERIOD_MS);
        private final Thread scanThread = new Thread(scanner, "emolens-face-scan");
        private FrameSource source;
        volatile boolean running = true;

        Runner(FrameSource source, Supplier<FrameSource> opener, boolean loop) {
            this.source = source;
            this.opener = opener;
            this.loop = loop;
            workerThread.setDaemon(true);
            scanThread.setDaemon(true);
        }

        void stopWorker() {
            worker.stop();
            scanner.stop();
            workerThread.interrupt();
            scanThread.interrupt();
            try {
                workerThread.join();
                scanThread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void run() {
            Optional<Throwable> error = Optional.empty();
            String name = source.description();
            try {
                stats.reset();
                latest.set(null);
                worker.reset();
                workerThread.start();
                if (analyzer.scans()) {
                    scanThread.start();
                }
                loop();
            } catch (EmolensException | IllegalStateException | IllegalArgumentException e) {
                error = Optional.of(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException | Error e) {
                error = Optional.of(e);
            } finally {
                stopWorker();
                source.close();
            }
            listener.onStopped(name, error);
        }

        private void loop() throws InterruptedException {
            FpsMeter fps = new FpsMeter();
            long wallStart = System.nanoTime();
            long firstFrameMs = -1;
            long frameNanos = source.frameRate() > 0 ? (long) (1e9 / source.frameRate()) : 0;
            while (running) {
                if (paused) {
                    Thread.sleep(50);
                    firstFrameMs = -1;
                    continue;
                }
                Throwable failed = worker.failure() != null ? worker.failure() : scanner.failure();
                if (failed instanceof RuntimeException e) {
                    throw e;
                } else if (failed instanceof Error e) {
                    throw e;
                }
                Optional<VideoFrame> next = source.next();
                if (next.isEmpty()) {
                    if (!loop || !running) {
                        return;
                    }
                    source.close();
                    source = opener.get();
                    worker.reset();
                    scanner.reset();
                    follower.reset();
                    cuts.reset();
                    firstFrameMs = -1;
                    continue;
                }
                stats.frameRead();
                VideoFrame frame = next.get();
                if (mirror && source.isCamera()) {
                    frame = frame.mirrored();
                }
                boolean still = !source.isLive() && source.frameRate() == 0;
                if (!source.isLive() && frameNanos > 0) {
                    if (firstFrameMs < 0) {
                        firstFrameMs = frame.timeMs();
                        wallStart = System.nanoTime();
                    }
                    long dueNanos = wallStart + (frame.timeMs() - firstFrameMs) * 1_000_000L;
                    long waitNanos = dueNanos - System.nanoTime();
                    if (waitNanos > 0) {
                        Thread.sleep(waitNanos / 1_000_000L, (int) (waitNanos % 1_000_000L));
                    } else if (-waitNanos > frameNanos) {
                        stats.frameSkipped();
                        continue;
                    }
                }
                boolean cut = !still && analyzer.scans() && cuts.isCut(frame.image());
                if (cut) {
                    worker.reset();
                    follower.reset();
                }
                long captured = System.nanoTime();
                worker.offer(frame, captured, still);
                if (!still) {
                    scanner.offer(frame, cut);
                }
                AnalysisWorker.Result result = still ? worker.await(captured, 30_000) : worker.latest();
                AnalyzedFrame shown = follower.follow(result, frame, captured, stats, analyzer.classifier().map(EmotionClassifier::name).orElse(null),
                        analyzer.detectorConfig(), modelGeneration.get());
                latest.set(shown);
                stats.frameDisplayed();
                listener.onFrame(shown, fps.tick());
                if (still) {
                    Thread.sleep(STILL_MS);
                }
            }
        }
    }
}
