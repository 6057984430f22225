package io.emolens.core;

/** An axis-aligned face rectangle in full-resolution frame pixels. */
public record FaceBox(int x, int y, int width, int height) {

    public FaceBox {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("box must have positive size, was " + width + "x" + height);
        }
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
        int ix = Math.max(x, o.x);
        int iy = Math.max(y, o.y);
        int ax = Math.min(x + width, o.x + o.width);
        int ay = Math.min(y + height, o.y + o.height);
        if (ax <= ix || ay <= iy) {
            return 0;
        }
        double inter = (double) (ax - ix) * (ay - iy);
        return inter / (area() + o.area() - inter);
    }

    /** This box grown by {@code margin} (fraction of its size) on each side, then clipped to the frame. */
    public FaceBox expand(double margin, int frameWidth, int frameHeight) {
        int dx = (int) Math.round(width * margin);
        int dy = (int) Math.round(height * margin);
        return new FaceBox(x - dx, y - dy, width + 2 * dx, height + 2 * dy).clip(frameWidth, frameHeight);
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
        return new FaceBox(x0, y0, x1 - x0, y1 - y0);
    }

    /** This box scaled by {@code factor} (for mapping boxes from a downscaled copy back to full size). */
    public FaceBox scale(double factor) {
        return new FaceBox((int) Math.round(x * factor), (int) Math.round(y * factor),
                Math.max(1, (int) Math.round(width * factor)), Math.max(1, (int) Math.round(height * factor)));
    }
}
