package io.emolens.pipeline;

/**
 * How often faces are classified, so that a slow network does not drag the display rate down: boxes follow
 * faces on every frame, probabilities are refreshed for at most {@code maxFacesPerFrame} faces per frame,
 * new faces first, then the longest-waiting, each no more often than every {@code minIntervalMs}.
 *
 * @param maxFacesPerFrame faces classified per frame at most (&gt;= 1)
 * @param minIntervalMs    minimum time between two classifications of the same face (source time, &gt;= 0)
 */
public record ClassifyPolicy(int maxFacesPerFrame, long minIntervalMs) {
    /** Offline analysis: every face on every frame. */
    public static final ClassifyPolicy EVERY_FACE = new ClassifyPolicy(Integer.MAX_VALUE, 0);
    /**
     * Live view: at most 4 faces a frame, each on every analyzed frame; the live analysis already runs only on the
     * newest frame at the rate it can, so a per-face interval would only age the labels.
     */
    public static final ClassifyPolicy LIVE = new ClassifyPolicy(4, 0);

    public ClassifyPolicy {
        if (maxFacesPerFrame < 1) {
            throw new IllegalArgumentException("maxFacesPerFrame must be >= 1, was " + maxFacesPerFrame);
        }
        if (minIntervalMs < 0) {
            throw new IllegalArgumentException("minIntervalMs must be >= 0, was " + minIntervalMs);
        }
    }
}
