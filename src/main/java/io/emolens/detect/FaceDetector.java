package io.emolens.detect;

import java.awt.image.BufferedImage;
import java.util.List;

import io.emolens.core.FaceBox;

/** Finds faces in a frame; boxes are in the frame's full-resolution pixels. Owns native state: close it. */
public interface FaceDetector extends AutoCloseable {

    /** The faces found, largest first; an empty list when there are none. */
    List<FaceBox> detect(BufferedImage image);

    /** The settings in use. */
    DetectorConfig config();

    /** New settings, used from the next {@link #detect} call on; safe to call from any thread. */
    void setConfig(DetectorConfig config);

    @Override
    void close();
}
