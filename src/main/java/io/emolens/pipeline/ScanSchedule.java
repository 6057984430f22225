package io.emolens.pipeline;

import io.emolens.core.VideoFrame;

/**
 * Which frames of a video are scanned whole for faces while the known faces are followed through the others: the
 * first frame of each source and of each shot ({@link SceneCuts}), then every {@code scanEvery}-th; with
 * {@code scanEvery} 1 every frame (and no cuts are looked for). {@code analyze} and {@code bench detect} follow it. A run
 * that starts inside a video (an archive's segment) keeps the whole video's rhythm when told the frame number at which
 * its first frame's shot began. One per run, frames in order; not thread-safe.
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
    private final long shotStart;
    private final SceneCuts cuts = new SceneCuts();
    private String source;
    private long sinceScan;

    /** A schedule whose first frame starts a shot. */
    public ScanSchedule(int scanEvery) {
        this(scanEvery, -1);
    }

    /**
     * @param shotStart the frame number ({@link VideoFrame#index}) of the first frame of the shot the run's first frame
     *                  belongs to, or -1 when that shot starts with the run. The first frame is scanned whole either way
     *                  (nothing is known yet); the next scans fall where a run from {@code shotStart} has them.
     */
    public ScanSchedule(int scanEvery, long shotStart) {
        if (scanEvery < 1) {
            throw new IllegalArgumentException("scanEvery must be >= 1, was " + scanEvery);
        }
        this.scanEvery = scanEvery;
        this.shotStart = shotStart;
    }

    /** The step for the next frame. */
    public Step next(VideoFrame frame) {
        boolean first = source == null;
        boolean newSource = !frame.source().equals(source);
        source = frame.source();
        if (newSource) {
            cuts.reset();
        }
        boolean cut = scanEvery > 1 && cuts.isCut(frame.image());
        if (newSource || cut) {
            sinceScan = first && shotStart >= 0 && shotStart <= frame.index() ? frame.index() - shotStart : 0;
            return new Step(true, cut);
        }
        sinceScan++;
        return new Step(sinceScan % scanEvery == 0, false);
    }
}
