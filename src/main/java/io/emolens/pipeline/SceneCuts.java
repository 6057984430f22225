package io.emolens.pipeline;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Tells a cut in a video (a new shot) from motion: the mean absolute difference of consecutive frames shrunk to
 * 32x18 gray. On the demo and Hamilton clips motion gives up to 15 gray levels, their five cuts 27–31; a cut is
 * from {@value #THRESHOLD}. After a cut every face is new, so a follower scans the frame whole instead of searching
 * near faces of the previous shot. One per source; not thread-safe.
 */
public final class SceneCuts {
    static final double THRESHOLD = 20;
    private static final int WIDTH = 32;
    private static final int HEIGHT = 18;
    private int[] previous;

    /** Whether {@code frame} starts a new shot (the first frame does not). */
    public boolean isCut(BufferedImage frame) {
        BufferedImage thumb = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = thumb.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(frame, 0, 0, WIDTH, HEIGHT, null);
        g.dispose();
        int[] pixels = thumb.getRaster().getPixels(0, 0, WIDTH, HEIGHT, (int[]) null);
        int[] before = previous;
        previous = pixels;
        if (before == null) {
            return false;
        }
        long sum = 0;
        for (int i = 0; i < pixels.length; i++) {
            sum += Math.abs(pixels[i] - before[i]);
        }
        return (double) sum / pixels.length >= THRESHOLD;
    }

    /** Forgets the previous frame (a new source). */
    public void reset() {
        previous = null;
    }
}
