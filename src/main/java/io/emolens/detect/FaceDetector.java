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
