package io.emolens.source;

import java.awt.image.BufferedImage;
import java.util.ArrayDeque;

/**
 * Frame images given back by their users ({@link FrameSource#recycle}), reused for later frames of the same size, so
 * that decoding a video allocates a few images instead of one per frame: per-frame images that were still queued when
 * the young generation was collected got promoted and grew the old generation (docs/BENCHMARKS.md, memory). Holds at
 * most {@value #MAX_BYTES} bytes of idle images; thread-safe.
 */
final class ImagePool {
    static final long MAX_BYTES = 64L << 20;
    private final ArrayDeque<BufferedImage> idle = new ArrayDeque<>();
    private long idleBytes;

    /** An idle TYPE_3BYTE_BGR image of that size (its pixels are stale: overwrite them all), or a new one. */
    synchronized BufferedImage take(int width, int height) {
        BufferedImage image;
        while ((image = idle.pollLast()) != null) {
            idleBytes -= bytes(image);
            if (image.getWidth() == width && image.getHeight() == height) {
                return image;
            }
        }
        return new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
    }

    /** Keeps {@code image} for a later {@link #take}, unless the pool is full. */
    synchronized void give(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_3BYTE_BGR && idleBytes + bytes(image) <= MAX_BYTES) {
            idle.addLast(image);
            idleBytes += bytes(image);
        }
    }

    private static long bytes(BufferedImage image) {
        return (long) image.getWidth() * image.getHeight() * 3;
    }
}
