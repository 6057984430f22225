package io.emolens.pipeline;

import io.emolens.core.VideoFrame;

/**
 * Which frames of a video are scanned whole for faces while the known faces are followed through the others: the
 * first frame of each source and of each shot ({@link SceneCuts}), then every {@code scanEvery}-th; with
 * {@code scanEvery} 1 every frame (and no cuts are looked for). {@code analyze} and {@code bench detect} follow it.
 * One per run, frames in order; not thread-safe.
 */
public final class ScanSchedule {
    /**
     * What to do with a frame.
     *
     * @param scan scan it whole
     * @param cut  it starts a new shot: the faces of the shot before are gone
     */
    public record Step(boolean scan, boolean cut) {
    }

    private final int scanEvery;
    private final SceneCuts cuts = new SceneCuts();
    private String source;
    private long sinceScan;

    public ScanSchedule(int scanEvery) {
        if (scanEvery < 1) {
            throw new IllegalArgumentException("scanEvery must be >= 1, was " + scanEvery);
        }
        this.scanEvery = scanEvery;
    }

    /** The step for the next frame. */
    public Step next(VideoFrame frame) {
        boolean newSource = !frame.source().equals(source);
        source = frame.source();
        if (newSource) {
            cuts.reset();
        }
        boolean cut = scanEvery > 1 && cuts.isCut(frame.image());
        sinceScan = newSource || cut ? 0 : sinceScan + 1;
        return new Step(sinceScan % scanEvery == 0, cut);
    }
}
