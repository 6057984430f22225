package io.emolens.render;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

import io.emolens.core.FaceBox;

/**
 * Blurs faces beyond recognition for recordings that must not keep them: each box, grown by {@link #GROW} on every
 * side, is shrunk to about {@link #BLOCKS} blocks across and smoothed back up, so eyes, mouth and outline melt into a
 * few soft patches while the scene around stays sharp.
 */
public final class FaceBlur {
    /** Share of the box's size added on each side, so hair line, ears and chin go too. */
    public static final double GROW = 0.2;
    /** Blocks across a face after shrinking: too few to recognise anyone, enough to see that a face is there. */
    public static final int BLOCKS = 4;

    private FaceBlur() {
    }

    /** A copy of {@code frame} (TYPE_3BYTE_BGR) with every box blurred; the frame itself is not touched. */
    public static BufferedImage apply(BufferedImage frame, List<FaceBox> boxes) {
        BufferedImage out = new BufferedImage(frame.getWidth(), frame.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = out.createGraphics();
        try {
            g.drawImage(frame, 0, 0, null);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            for (FaceBox box : boxes) {
                FaceBox r = box.expand(GROW, frame.getWidth(), frame.getHeight());
                if (r.width() < 2 || r.height() < 2) {
                    continue;
                }
                int w = Math.max(1, Math.min(BLOCKS, r.width()));
                int h = Math.max(1, (int) Math.round(w * (double) r.height() / r.width()));
                BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
                Graphics2D s = small.createGraphics();
                s.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                s.drawImage(shrunk(frame.getSubimage(r.x(), r.y(), r.width(), r.height()), w * 4, h * 4), 0, 0, w, h, null);
                s.dispose();
                g.drawImage(small, r.x(), r.y(), r.width(), r.height(), null);
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    /** Halves {@code image} with bilinear steps down to about {@code w} x {@code h}, so every pixel counts, not a sample. */
    private static BufferedImage shrunk(BufferedImage image, int w, int h) {
        BufferedImage current = image;
        while (current.getWidth() / 2 >= w && current.getHeight() / 2 >= h) {
            BufferedImage half = new BufferedImage(current.getWidth() / 2, current.getHeight() / 2, BufferedImage.TYPE_3BYTE_BGR);
            Graphics2D g = half.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(current, 0, 0, half.getWidth(), half.getHeight(), null);
            g.dispose();
            current = half;
        }
        return current;
    }
}
