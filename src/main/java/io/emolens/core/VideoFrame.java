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

    /** A new frame with the picture flipped left to right (a selfie view), same index, time and source. */
    public VideoFrame mirrored() {
        int w = image.getWidth();
        int h = image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        byte[] src = ((java.awt.image.DataBufferByte) image.getRaster().getDataBuffer()).getData();
        byte[] dst = ((java.awt.image.DataBufferByte) out.getRaster().getDataBuffer()).getData();
        int row = w * 3;
        for (int y = 0; y < h; y++) {
            int o = y * row;
            for (int x = 0; x < w; x++) {
                int s = o + x * 3;
                int d = o + (w - 1 - x) * 3;
                dst[d] = src[s];
                dst[d + 1] = src[s + 1];
                dst[d + 2] = src[s + 2];
            }
        }
        return new VideoFrame(index, timeMs, source, out);
    }
}
