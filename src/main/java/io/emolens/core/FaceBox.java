package io.emolens.core;

import java.util.List;

/**
 * An axis-aligned face rectangle in full-resolution frame pixels, with the detector's facial landmarks when it
 * gives them (YuNet: right eye, left eye, nose tip, right and left mouth corner, as seen from the face's own side;
 * Haar: none), for later alignment or overlay dots.
 */
public record FaceBox(int x, int y, int width, int height, List<Landmark> landmarks) {

    public FaceBox {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("box must have positive size, was " + width + "x" + height);
        }
        landmarks = landmarks == null ? List.of() : List.copyOf(landmarks);
    }

    /** A box without landmarks. */
    public FaceBox(int x, int y, int width, int height) {
        this(x, y, width, height, List.of());
    }

    /** Fraction of the smaller box's area that lies inside the other box: 1 when one contains the other. */
    public double containment(FaceBox o) {
        return intersection(o) / Math.min(area(), o.area());
    }

    public int area() {
        return width * height;
    }

    public double centerX() {
        return x + width / 2.0;
    }

    public double centerY() {
        return y + height / 2.0;
    }

    /** Intersection over union, 0 when the boxes do not overlap. */
    public double iou(FaceBox o) {
        double inter = intersection(o);
        return inter == 0 ? 0 : inter / (area() + o.area() - inter);
    }

    private double intersection(FaceBox o) {
        int ix = Math.max(x, o.x);
        int iy = Math.max(y, o.y);
        int ax = Math.min(x + width, o.x + o.width);
        int ay = Math.min(y + height, o.y + o.height);
        return ax <= ix || ay <= iy ? 0 : (double) (ax - ix) * (ay - iy);
    }

    /** This box grown by {@code margin} (fraction of its size) on each side, then clipped to the frame. */
    public FaceBox expand(double margin, int frameWidth, int frameHeight) {
        int dx = (int) Math.round(width * margin);
        int dy = (int) Math.round(height * margin);
        return new FaceBox(x - dx, y - dy, width + 2 * dx, height + 2 * dy).clip(frameWidth, frameHeight);
    }

    /** Whether some of this box lies inside a {@code frameWidth x frameHeight} frame (a box of another frame may not). */
    public boolean overlaps(int frameWidth, int frameHeight) {
        return x < frameWidth && y < frameHeight && x + width > 0 && y + height > 0;
    }

    /** The part of this box inside a {@code frameWidth x frameHeight} frame. */
    public FaceBox clip(int frameWidth, int frameHeight) {
        int x0 = Math.max(0, x);
        int y0 = Math.max(0, y);
        int x1 = Math.min(frameWidth, x + width);
        int y1 = Math.min(frameHeight, y + height);
        if (x1 <= x0 || y1 <= y0) {
            throw new IllegalArgumentException("box " + this + " lies outside the " + frameWidth + "x" + frameHeight + " frame");
        }
        return new FaceBox(x0, y0, x1 - x0, y1 - y0, landmarks);
    }

    /** This box moved by {@code dx, dy} pixels, landmarks too (for mapping boxes found in a crop back to the frame). */
    public FaceBox translate(int dx, int dy) {
        return new FaceBox(x + dx, y + dy, width, height, landmarks.stream().map(p -> new Landmark(p.x() + dx, p.y() + dy)).toList());
    }

    /** This box scaled by {@code factor} (for mapping boxes from a downscaled copy back to full size). */
    public FaceBox scale(double factor) {
        return new FaceBox((int) Math.round(x * factor), (int) Math.round(y * factor),
                Math.max(1, (int) Math.round(width * factor)), Math.max(1, (int) Math.round(height * factor)),
                landmarks.stream().map(p -> p.scale(factor)).toList());
    }
}
