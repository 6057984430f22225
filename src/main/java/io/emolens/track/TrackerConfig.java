package io.emolens.track;

/**
 * Tracking and smoothing settings.
 *
 * @param minIou     overlap needed to treat a detection as the same face as a track (default 0.3)
 * @param maxMissed  frames a track survives without a matching detection (default 5)
 * @param smoothing  weight of the newest probabilities in the exponential moving average, in (0, 1];
 *                   1 = no smoothing (default 0.4)
 */
public record TrackerConfig(double minIou, int maxMissed, double smoothing) {

    public static final TrackerConfig DEFAULT = new TrackerConfig(0.3, 5, 0.4);
    /** For offline analysis: ids still tracked, probabilities reported unsmoothed. */
    public static final TrackerConfig UNSMOOTHED = new TrackerConfig(0.3, 5, 1.0);

    public TrackerConfig {
        if (!(minIou > 0 && minIou < 1)) {
            throw new IllegalArgumentException("minIou must be in (0, 1), was " + minIou);
        }
        if (maxMissed < 0) {
            throw new IllegalArgumentException("maxMissed must be >= 0, was " + maxMissed);
        }
        if (!(smoothing > 0 && smoothing <= 1)) {
            throw new IllegalArgumentException("smoothing must be in (0, 1], was " + smoothing);
        }
    }
}
