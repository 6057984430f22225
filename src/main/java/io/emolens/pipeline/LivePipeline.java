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

/**
 * Runs a {@link FrameAnalyzer} over a {@link FrameSource} on one named daemon thread and hands the latest
 * result to a {@link Listener}. File sources are paced to their frame rate (stills shown for a while) and may
 * loop; cameras run as fast as they deliver. Owns the source it runs: stopping closes it. Also owns the
 * classifiers given to {@link #replaceClassifier}, which it swaps and closes on its own thread.
 */
public final class LivePipeline implements AutoCloseable {
    /** Receives results on the pipeline thread: hand them to the UI thread yourself. */
    public interface Listener {
        void onFrame(AnalyzedFrame frame, double fps);

        /** The source ended (end of file) or failed; {@code error} is empty on a normal end. */
        void onStopped(String source, Optional<Throwable> error);
    }

    private static final long STILL_MS = 1500;
    private final FrameAnalyzer analyzer;
    private final Listener listener;
    private final AtomicReference<AnalyzedFrame> latest = new AtomicReference<>();
    private final AtomicReference<EmotionClassifier> pendingClassifier = new AtomicReference<>();
    private final Object swapLock = new Object();
    private volatile boolean classifierPending;
    private volatile boolean paused;
    private Thread thread;
    private Runner runner;

    public LivePipeline(FrameAnalyzer analyzer, Listener listener) {
        this.analyzer = analyzer;
        this.listener = listener;
    }

    /** Stops whatever runs and starts reading from the sources {@code opener} makes (called again to loop). */
    public synchronized void start(Supplier<FrameSource> opener, boolean loop) {
        stop();
        FrameSource first = opener.get();
        runner = new Runner(first, opener, loop);
        thread = new Thread(runner, "emolens-pipeline");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops the thread and closes the source; returns when the source is released. */
    public synchronized void stop() {
        if (thread != null) {
            runner.running = false;
            thread.interrupt();
            try {
                thread.join(5000);
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

    /** Uses {@code next} (null = detection only) from the next frame on; the previous classifier is closed. */
    public void replaceClassifier(EmotionClassifier next) {
        EmotionClassifier stale = pendingClassifier.getAndSet(next);
        classifierPending = true;
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

    /** The preprocessor of the classifier input, for recording face crops exactly as they are classified. */
    public FacePreprocessor preprocessor() {
        return analyzer.preprocessor();
    }

    /** The name of the classifier in use, empty when detecting only. */
    public Optional<String> classifierName() {
        return analyzer.classifier().map(EmotionClassifier::name);
    }

    /** The most recent result, if any frame was analyzed since start. */
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

    private final class Runner implements Runnable {
        private final Supplier<FrameSource> opener;
        private final boolean loop;
        private FrameSource source;
        volatile boolean running = true;

        Runner(FrameSource source, Supplier<FrameSource> opener, boolean loop) {
            this.source = source;
            this.opener = opener;
            this.loop = loop;
        }

        @Override
        public void run() {
            Optional<Throwable> error = Optional.empty();
            String name = source.description();
            try {
                analyzer.reset();
                loop();
            } catch (EmolensException | IllegalStateException | IllegalArgumentException e) {
                error = Optional.of(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException | Error e) {
                error = Optional.of(e);
            } finally {
                source.close();
            }
            listener.onStopped(name, error);
        }

        private void loop() throws InterruptedException {
            FpsMeter fps = new FpsMeter();
            long wallStart = System.nanoTime();
            long firstFrameMs = -1;
            while (running) {
                if (paused) {
                    Thread.sleep(50);
                    wallStart = System.nanoTime();
                    firstFrameMs = -1;
                    continue;
                }
                if (classifierPending) {
                    swapClassifier();
                }
                Optional<VideoFrame> next = source.next();
                if (next.isEmpty()) {
                    if (!loop || !running) {
                        return;
                    }
                    source.close();
                    source = opener.get();
                    analyzer.reset();
                    wallStart = System.nanoTime();
                    firstFrameMs = -1;
                    continue;
                }
                VideoFrame frame = next.get();
                if (!source.isLive() && source.frameRate() > 0) {
                    if (firstFrameMs < 0) {
                        firstFrameMs = frame.timeMs();
                        wallStart = System.nanoTime();
                    }
                    long dueNanos = wallStart + (frame.timeMs() - firstFrameMs) * 1_000_000L;
                    long waitMs = (dueNanos - System.nanoTime()) / 1_000_000L;
                    if (waitMs > 0) {
                        Thread.sleep(waitMs);
                    }
                }
                AnalyzedFrame result = analyzer.analyze(frame);
                latest.set(result);
                listener.onFrame(result, fps.tick());
                if (!source.isLive() && source.frameRate() == 0) {
                    Thread.sleep(STILL_MS);
                }
            }
        }
    }
}
