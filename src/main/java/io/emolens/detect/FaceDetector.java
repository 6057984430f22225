package io.emolens.detect;

import java.awt.image.BufferedImage;
import java.util.List;

import io.emolens.core.FaceBox;

/**
 * Finds faces in a frame of any size; boxes are in the frame's full-resolution pixels, one box per face (overlapping
 * and nested candidates merged). Owns native state: close it.
 */
public interface FaceDetector extends AutoCloseable {

    /** The faces found, largest first; an empty list when there are none. */
    List<FaceBox> detect(BufferedImage image);

    /**
     * The faces near boxes of an earlier frame, for following known faces through a video at a fraction of a
     * whole-frame scan's cost: each box's surroundings (grown by {@link #NEAR_MARGIN} of its size on every side) are
     * searched for a face of {@link #NEAR_MIN_SCALE}–{@link #NEAR_MAX_SCALE} times its size. Results as {@link #detect}.
     * This default crops each region and runs {@link #detect} on it.
     */
    default List<FaceBox> detectNear(BufferedImage image, List<FaceBox> around) {
        return NearSearch.byCrops(image, around, NEAR_MARGIN, this::detect);
    }

    /** How far around a known face {@link #detectNear} searches, as a fraction of its size on each side. */
    double NEAR_MARGIN = 0.5;
    /** The smallest face {@link #detectNear} accepts, relative to the known face's size. */
    double NEAR_MIN_SCALE = 0.7;
    /** The largest face {@link #detectNear} accepts, relative to the known face's size. */
    double NEAR_MAX_SCALE = 1.45;

    /** The settings in use (their {@link DetectorSettings#kind()} says which detector this is). */
    DetectorSettings config();

    /**
     * New settings, used from the next {@link #detect} call on; safe to call from any thread. A detector of one kind
     * throws IllegalArgumentException for another kind's settings ({@link SwitchingFaceDetector} accepts both).
     */
    void setConfig(DetectorSettings config);

    /** Why the requested detector is not the one in use (a model file that failed to load), if so. */
    default java.util.Optional<String> problem() {
        return java.util.Optional.empty();
    }

    @Override
    void close();
}
