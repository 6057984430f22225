package io.emolens.detect;

import java.util.Locale;

/**
 * YuNet settings.
 *
 * @param scoreThreshold faces scoring below this are dropped, in (0, 1) (default 0.7; larger rejects more false faces
 *                       and misses more hard ones)
 * @param nmsThreshold   overlapping candidates with at least this IoU merge into the best one, in (0, 1) (default 0.3)
 * @param detectWidth    frames wider than this are downscaled to it before detection (default 640; 0 = never)
 */
public record YunetConfig(double scoreThreshold, double nmsThreshold, int detectWidth) implements DetectorSettings {

    public static final YunetConfig DEFAULT = new YunetConfig(0.7, 0.3, 640);

    public YunetConfig {
        if (!(scoreThreshold > 0 && scoreThreshold < 1)) {
            throw new IllegalArgumentException("YuNet score threshold must be in (0, 1), was " + scoreThreshold);
        }
        if (!(nmsThreshold > 0 && nmsThreshold < 1)) {
            throw new IllegalArgumentException("YuNet NMS threshold must be in (0, 1), was " + nmsThreshold);
        }
        if (detectWidth != 0 && detectWidth < 160) {
            throw new IllegalArgumentException("detectWidth must be 0 or >= 160, was " + detectWidth);
        }
    }

    @Override
    public DetectorKind kind() {
        return DetectorKind.YUNET;
    }

    @Override
    public YunetConfig withDetectWidth(int width) {
        return new YunetConfig(scoreThreshold, nmsThreshold, width);
    }

    /** In words, e.g. "YuNet, score ≥ 0.70, NMS 0.30, detecting at 640 px wide". */
    @Override
    public String describe() {
        return String.format(Locale.ROOT, "YuNet, score ≥ %.2f, NMS %.2f, detecting at %s", scoreThreshold, nmsThreshold,
                detectWidth == 0 ? "full width" : detectWidth + " px wide");
    }
}
