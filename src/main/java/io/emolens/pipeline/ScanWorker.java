package io.emolens.pipeline;

import java.util.concurrent.atomic.AtomicReference;

import io.emolens.core.VideoFrame;

/**
 * Whole-frame face scans on their own thread ("emolens-face-scan"), on the newest frame, at most one every
 * {@code periodMs}: the analysis thread meanwhile follows known faces cheaply ({@link FrameAnalyzer#follow}) and
 * picks up new faces from each scan, so a scan's cost (about 120 ms for Haar on 640x360) never ages the labels
 * shown. A frame offered while another waits replaces it; nothing queues.
 */
final class ScanWorker implements Runnable {
    private final FrameAnalyzer analyzer;
    private final long periodMs;
    private final LatestSlot<VideoFrame> slot = new LatestSlot<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    ScanWorker(FrameAnalyzer analyzer, long periodMs) {
        this.analyzer = analyzer;
        this.periodMs = periodMs;
    }

    /** Hands the newest frame over, replacing one still waiting; {@code now}: scan it without waiting out the period (a new shot). */
    void offer(VideoFrame frame, boolean now) {
        slot.offer(frame, now);
    }

    /** Drops a waiting frame (a new source). */
    void reset() {
        slot.clear();
    }

    /** The error that stopped the scans, if one did. */
    Throwable failure() {
        return failure.get();
    }

    void stop() {
        slot.stop();
    }

    @Override
    public void run() {
        try {
            VideoFrame next;
            while ((next = slot.take()) != null) {
                long started = System.nanoTime();
                analyzer.scan(next);
                slot.rest(periodMs - (System.nanoTime() - started) / 1_000_000L);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            failure.set(e);
        }
    }
}
