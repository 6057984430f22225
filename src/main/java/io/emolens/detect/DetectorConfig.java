package io.emolens.detect;

import java.util.Locale;

/**
 * Haar cascade settings ({@link HaarFaceDetector}).
 *
 * @param scaleFactor  image pyramid step, &gt; 1 (default 1.1; larger is faster and misses more)
 * @param minNeighbors overlapping hits needed to accept a face (default 4; larger rejects more false faces)
 * @param minFaceSize  smallest face side in full-resolution pixels (default 24; at 640 px detection width the
 *                     cascade's own 20 px window is the floor: 1/32 of the frame width)
 * @param detectWidth  frames wider than this are downscaled to it before detection (default 640; 0 = never)
 */
public record DetectorConfig(double scaleFactor, int minNeighbors, int minFaceSize, int detectWidth) implements DetectorSettings {

    public static final DetectorConfig DEFAULT = new DetectorConfig(1.1, 4, 24, 640);

    public DetectorConfig {
        if (!(scaleFactor > 1.0 && scaleFactor <= 2.0)) {
            throw new IllegalArgumentException("scaleFactor must be in (1, 2], was " + scaleFactor);
        }
        if (minNeighbors < 0) {
            throw new IllegalArgumentException("minNeighbors must be >= 0, was " + minNeighbors);
        }
        if (minFaceSize < 12) {
            throw new IllegalArgumentException("minFaceSize must be >= 12 pixels, was " + minFaceSize);
        }
        if (detectWidth != 0 && detectWidth < 160) {
            throw new IllegalArgumentException("detectWidth must be 0 or >= 160, was " + detectWidth);
        }
    }

    @Override
    public DetectorKind kind() {
        return DetectorKind.HAAR;
    }

    @Override
    public DetectorConfig withDetectWidth(int width) {
        return new DetectorConfig(scaleFactor, minNeighbors, minFaceSize, width);
    }

    /** In words, e.g. "Haar, scale 1.10, 5 neighbours, faces from 40 px, detecting at 640 px wide". */
    @Override
    public String describe() {
        return String.format(Locale.ROOT, "Haar, scale %.2f, %d neighbours, faces from %d px, detecting at %s", scaleFactor,
                minNeighbors, minFaceSize, detectWidth == 0 ? "full width" : detectWidth + " px wide");
    }
}
