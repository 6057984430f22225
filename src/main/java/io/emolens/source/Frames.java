package io.emolens.source;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.ByteBuffer;

import org.bytedeco.javacv.Frame;

/** Copies grabber frames (BGR24, reused by the grabber) into images the caller owns. */
final class Frames {
    private Frames() {
    }

    /** A new TYPE_3BYTE_BGR image with the pixels of a BGR24 (or GRAY8) {@code frame}, or null if it has no image. */
    static BufferedImage copyBgr(Frame frame) {
        return copyBgr(frame, null);
    }

    /** As {@link #copyBgr(Frame)}, into an image taken from {@code pool} (null: a new image). */
    static BufferedImage copyBgr(Frame frame, ImagePool pool) {
        if (frame == null || frame.image == null || frame.imageWidth <= 0 || frame.imageHeight <= 0) {
            return null;
        }
        int w = frame.imageWidth;
        int h = frame.imageHeight;
        int channels = frame.imageChannels;
        if (frame.imageDepth != Frame.DEPTH_UBYTE || (channels != 3 && channels != 1)) {
            throw new IllegalStateException("unexpected frame format: depth " + frame.imageDepth + ", channels " + channels);
        }
        BufferedImage image = pool == null ? new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR) : pool.take(w, h);
        byte[] dst = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        ByteBuffer src = ((ByteBuffer) frame.image[0]).duplicate();
        int stride = frame.imageStride;
        if (channels == 3) {
            int row = w * 3;
            for (int y = 0; y < h; y++) {
                src.position(y * stride);
                src.get(dst, y * row, row);
            }
        } else {
            byte[] line = new byte[w];
            for (int y = 0; y < h; y++) {
                src.position(y * stride);
                src.get(line, 0, w);
                for (int x = 0; x < w; x++) {
                    int o = (y * w + x) * 3;
                    dst[o] = dst[o + 1] = dst[o + 2] = line[x];
                }
            }
        }
        return image;
    }
}
