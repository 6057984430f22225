package io.emolens.core;

/** A facial landmark (eye, nose tip, mouth corner) in full-resolution frame pixels. */
public record Landmark(double x, double y) {

    /** This point scaled by {@code factor}, as {@link FaceBox#scale} maps boxes back to full size. */
    public Landmark scale(double factor) {
        return new Landmark(x * factor, y * factor);
    }
}
