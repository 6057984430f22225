package io.emolens.train;

import java.util.SplittableRandom;

import io.emolens.preprocess.FaceTensor;

/**
 * Applies an {@link AugmentConfig} to normalized 48x48 faces in pure Java: one affine warp (rotation,
 * zoom, shift, optional mirror) with bilinear sampling and edge clamping, then brightness and contrast,
 * clipped to [0, 1], then, when asked, {@link CameraDistortions}. Reproducible: the same random stream gives the same output. Not thread-safe; the
 * caller owns the output buffer.
 */
public final class Augmenter {
    private static final int S = FaceTensor.SIZE;
    private final AugmentConfig config;
    private final CameraDistortions camera = new CameraDistortions();

    public Augmenter(AugmentConfig config) {
        this.config = config;
    }

    /** Writes a distorted copy of {@code src} into {@code dst} (both {@link FaceTensor#PIXELS} long). */
    public void apply(float[] src, float[] dst, SplittableRandom random) {
        boolean mirror = config.flip() && random.nextBoolean();
        double angle = Math.toRadians(uniform(random, config.maxRotation()));
        double zoom = 1 + uniform(random, config.maxZoom());
        double dx = uniform(random, config.maxShift()) * S;
        double dy = uniform(random, config.maxShift()) * S;
        double brightness = uniform(random, config.maxBrightness());
        double contrast = 1 + uniform(random, config.maxContrast());
        if (config.geometric()) {
            warp(src, dst, mirror, angle, zoom, dx, dy);
        } else if (mirror) {
            for (int y = 0; y < S; y++) {
                for (int x = 0; x < S; x++) {
                    dst[y * S + x] = src[y * S + S - 1 - x];
                }
            }
        } else {
            System.arraycopy(src, 0, dst, 0, FaceTensor.PIXELS);
        }
        if (brightness != 0 || contrast != 1) {
            float mean = 0;
            for (float v : dst) {
                mean += v;
            }
            mean /= FaceTensor.PIXELS;
            for (int i = 0; i < FaceTensor.PIXELS; i++) {
                double v = (dst[i] - mean) * contrast + mean + brightness;
                dst[i] = (float) Math.max(0, Math.min(1, v));
            }
        }
        if (config.camera()) {
            camera.apply(dst, random);
        }
    }

    /** Inverse mapping: for each output pixel, find where it came from in the source and interpolate. */
    static void warp(float[] src, float[] dst, boolean mirror, double angle, double zoom, double dx, double dy) {
        double c = Math.cos(angle) / zoom;
        double s = Math.sin(angle) / zoom;
        double centre = (S - 1) / 2.0;
        for (int y = 0; y < S; y++) {
            double oy = y - centre - dy;
            for (int x = 0; x < S; x++) {
                double ox = x - centre - dx;
                double sx = c * ox + s * oy + centre;
                double sy = -s * ox + c * oy + centre;
                if (mirror) {
                    sx = S - 1 - sx;
                }
                dst[y * S + x] = sample(src, sx, sy);
            }
        }
    }

    private static float sample(float[] src, double x, double y) {
        x = Math.max(0, Math.min(S - 1, x));
        y = Math.max(0, Math.min(S - 1, y));
        int x0 = (int) x;
        int y0 = (int) y;
        int x1 = Math.min(S - 1, x0 + 1);
        int y1 = Math.min(S - 1, y0 + 1);
        double fx = x - x0;
        double fy = y - y0;
        double top = src[y0 * S + x0] * (1 - fx) + src[y0 * S + x1] * fx;
        double bottom = src[y1 * S + x0] * (1 - fx) + src[y1 * S + x1] * fx;
        return (float) (top * (1 - fy) + bottom * fy);
    }

    private static double uniform(SplittableRandom r, double max) {
        return max == 0 ? 0 : (r.nextDouble() * 2 - 1) * max;
    }
}
