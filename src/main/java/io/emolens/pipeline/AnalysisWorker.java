package io.emolens.pipeline;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.emolens.core.VideoFrame;
import io.emolens.track.TrackedFace;

/**
 * Detection and classification on their own thread ("emolens-analysis"), always on the newest frame: a frame
 * offered while another waits replaces it (and is counted as dropped), so nothing queues and a slow analysis
 * never delays the display. The latest result is published with the capture time of its frame and, per face,
 * the capture time of the frame its probabilities were last computed on.
 */
final class AnalysisWorker implements Runnable {
    /** A frame with its capture time (System.nanoTime), the source generation it belongs to, whether it is a still. */
    record Captured(VideoFrame frame, long captureNanos, long generation, boolean still) {
    }

    /**
     * An analysis of one captured frame.
     *
     * @param classifiedAt per face id, the capture time of the frame its probabilities came from
     * @param model        the classifier generation the probabilities came from ({@code modelGeneration} at the time)
     */
    record Result(AnalyzedFrame analyzed, long captureNanos, long generation, Map<Integer, Long> classifiedAt, long model) {
    }

    private final FrameAnalyzer analyzer;
    private final LiveStats stats;
    private final Runnable beforeEach;
    private final java.util.function.LongSupplier modelGeneration;
    private final Object lock = new Object();
    private final AtomicReference<Result> latest = new AtomicReference<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Map<Integer, Long> classifiedAt = new HashMap<>();
    private final LatestSlot<Captured> slot = new LatestSlot<>();
    private long generation;
    private long analyzedGeneration = -1;
    private boolean running = true;

    /**
     * @param beforeEach      run on this thread before each analysis (swapping the classifier)
     * @param modelGeneration counts classifier changes; read after {@code beforeEach}, it tags each result
     */
    AnalysisWorker(FrameAnalyzer analyzer, LiveStats stats, Runnable beforeEach, java.util.function.LongSupplier modelGeneration) {
        this.analyzer = analyzer;
        this.stats = stats;
        this.beforeEach = beforeEach;
        this.modelGeneration = modelGeneration;
    }

    /**
     * Hands the newest frame over; a frame still waiting is replaced and counted as dropped. A still is scanned whole;
     * a video's frames are followed ({@link FrameAnalyzer#follow}).
     */
    void offer(VideoFrame frame, long captureNanos, boolean still) {
        synchronized (lock) {
            if (running && slot.offer(new Captured(frame, captureNanos, generation, still))) {
                stats.analysisDropped();
            }
        }
    }

    /** A new source (or a loop back to the start): forget faces, results and the waiting frame. */
    void reset() {
        synchronized (lock) {
            generation++;
            slot.clear();
            latest.set(null);
        }
    }

    Result latest() {
        return latest.get();
    }

    /** The error that stopped the worker, if one did. */
    Throwable failure() {
        return failure.get();
    }

    void stop() {
        synchronized (lock) {
            running = false;
            slot.stop();
            lock.notifyAll();
        }
    }

    /** Waits until a result of the current generation for a frame captured at or after {@code captureNanos} exists. */
    Result await(long captureNanos, long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        synchronized (lock) {
            while (running && failure.get() == null) {
                Result r = latest.get();
                if (r != null && r.captureNanos() >= captureNanos) {
                    return r;
                }
                long left = (deadline - System.nanoTime()) / 1_000_000L;
                if (left <= 0) {
                    return r;
                }
                lock.wait(left);
            }
            return latest.get();
        }
    }

    @Override
    public void run() {
        try {
            Captured next;
            while ((next = slot.take()) != null) {
                analyze(next);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            failure.set(e);
            synchronized (lock) {
                lock.notifyAll();
            }
        }
    }

    private void analyze(Captured c) {
        if (c.generation() != analyzedGeneration) {
            analyzer.reset();
            classifiedAt.clear();
            analyzedGeneration = c.generation();
        }
        long model = modelGeneration.getAsLong();
        beforeEach.run();
        AnalyzedFrame result = c.still() ? analyzer.analyze(c.frame()) : analyzer.follow(c.frame());
        Map<Integer, Long> seen = new HashMap<>();
        for (TrackedFace face : result.faces()) {
            if (face.classified()) {
                classifiedAt.put(face.id(), c.captureNanos());
            } else if (face.scores().isEmpty()) {
                classifiedAt.remove(face.id());
            }
            Long at = classifiedAt.get(face.id());
            if (at != null) {
                seen.put(face.id(), at);
            }
        }
        classifiedAt.keySet().retainAll(seen.keySet());
        synchronized (lock) {
            if (c.generation() == generation) {
                latest.set(new Result(result, c.captureNanos(), c.generation(), Map.copyOf(seen), model));
                stats.frameAnalyzed();
            }
            lock.notifyAll();
        }
    }
}
