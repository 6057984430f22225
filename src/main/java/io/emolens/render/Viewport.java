package io.emolens.render;

import java.awt.Rectangle;

import io.emolens.core.FaceBox;

/**
 * Where a frame is shown and how large its overlay is there. Frame pixels map to canvas pixels by {@code scale}
 * and the picture's top-left corner ({@code x}, {@code y}); {@code unit} sizes text and panels (1 = 11 px label
 * text). The recorded video draws on the frame itself ({@link #frame}); the live view draws at screen resolution
 * on the area the scaled picture fills ({@link #fit}), so the overlay stays readable in a small window, on a
 * HiDPI screen (canvas pixels are logical pixels) and over a 4K source.
 *
 * @param x      left edge of the picture on the canvas
 * @param y      top edge of the picture on the canvas
 * @param width  width of the picture on the canvas
 * @param height height of the picture on the canvas
 * @param scale  canvas pixels per frame pixel
 * @param unit   overlay size factor
 */
public record Viewport(int x, int y, int width, int height, double scale, float unit) {
    /** Smallest and largest unit in the live view: 10 px text at least, 18 px at most. */
    static final float MIN_SCREEN_UNIT = 0.9f;
    static final float MAX_SCREEN_UNIT = 1.6f;

    public Viewport {
        if (width <= 0 || height <= 0 || !(scale > 0) || !(unit > 0)) {
            throw new IllegalArgumentException("viewport needs a positive size, scale and unit, was " + width + "x" + height
                    + " scale " + scale + " unit " + unit);
        }
    }

    /** Drawing on the frame itself (the annotated video): 1 unit per 360 pixels of the shorter side, at least 1. */
    public static Viewport frame(int width, int height) {
        return new Viewport(0, 0, width, height, 1, Math.max(1f, Math.min(width, height) / 360f));
    }

    /**
     * A {@code imageWidth x imageHeight} frame scaled to fit, centred, in an {@code areaWidth x areaHeight} panel;
     * the unit follows the picture's size on screen (1 for a 480-pixel-high picture) within readable bounds.
     */
    public static Viewport fit(int imageWidth, int imageHeight, int areaWidth, int areaHeight) {
        double scale = Math.min((double) areaWidth / imageWidth, (double) areaHeight / imageHeight);
        int w = Math.max(1, (int) Math.round(imageWidth * scale));
        int h = Math.max(1, (int) Math.round(imageHeight * scale));
        float shortSide = (float) Math.min(h, w * 9.0 / 16);
        float unit = Math.max(MIN_SCREEN_UNIT, Math.min(MAX_SCREEN_UNIT, shortSide / 480f));
        return new Viewport((areaWidth - w) / 2, (areaHeight - h) / 2, w, h, Math.max(scale, 1e-6), unit);
    }

    /** The picture's area on the canvas: everything the overlay draws lies inside it. */
    public Rectangle bounds() {
        return new Rectangle(x, y, width, height);
    }

    /** A face box in canvas pixels. */
    public Rectangle map(FaceBox box) {
        int x0 = x + (int) Math.round(box.x() * scale);
        int y0 = y + (int) Math.round(box.y() * scale);
        int x1 = x + (int) Math.round((box.x() + box.width()) * scale);
        int y1 = y + (int) Math.round((box.y() + box.height()) * scale);
        return new Rectangle(x0, y0, Math.max(1, x1 - x0), Math.max(1, y1 - y0));
    }
}
