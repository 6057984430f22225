package io.emolens.core;

import java.awt.image.BufferedImage;

/**
 * One decoded frame, owned by whoever holds it: sources hand out a fresh copy per frame, so a frame
 * may cross threads and is the same object that is classified, drawn and recorded.
 *
 * @param index  0-based frame number within its source
 * @param timeMs presentation time in milliseconds since the source started
 * @param source file name of the image or video, or the camera name
 * @param image  pixels as {@link BufferedImage#TYPE_3BYTE_BGR}
 */
public record VideoFrame(long index, long timeMs, String source, BufferedImage image) {

    public VideoFrame {
        if (image.getType() != BufferedImage.TYPE_3BYTE_BGR) {
            throw new IllegalArgumentException("frames must be TYPE_3BYTE_BGR, was type " + image.getType());
        }
    }

    public int width() {
        return image.getWidth();
    }

    public int height() {
        return image.getHeight();
    }
}
