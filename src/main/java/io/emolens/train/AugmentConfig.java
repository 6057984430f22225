package io.emolens.train;

/**
 * Random training-time distortions of each 48x48 face, drawn independently per image per epoch.
 *
 * @param flip          mirror left-right with probability 1/2 (default on)
 * @param maxShift      largest shift as a fraction of the face size, per axis (default 0.1 = about 5 px)
 * @param maxRotation   largest rotation in degrees either way (default 10)
 * @param maxZoom       largest zoom in or out as a fraction (default 0.1)
 * @param maxBrightness largest brightness offset in normalized units either way (default 0.1)
 * @param maxContrast   largest contrast change as a fraction either way (default 0.2)
 * @param camera        also what a face from a real camera and the app's own detector and crop looks like: each with
 *                      probability 1/4, a low resolution (a 14-36 px face enlarged), blur, low light (darker, gamma,
 *                      noisier), sensor noise and JPEG compression (default off; {@link Augmenter})
 */
public record AugmentConfig(boolean flip, double maxShift, double maxRotation, double maxZoom,
                            double maxBrightness, double maxContrast, boolean camera) {

    /** No augmentation. */
    public static final AugmentConfig NONE = new AugmentConfig(false, 0, 0, 0, 0, 0);
    /** The defaults documented on each component. */
    public static final AugmentConfig DEFAULT = new AugmentConfig(true, 0.1, 10, 0.1, 0.1, 0.2);

    /** Without the camera distortions. */
    public AugmentConfig(boolean flip, double maxShift, double maxRotation, double maxZoom, double maxBrightness, double maxContrast) {
        this(flip, maxShift, maxRotation, maxZoom, maxBrightness, maxContrast, false);
    }

    /** The same distortions with the camera distortions on or off. */
    public AugmentConfig withCamera(boolean on) {
        return new AugmentConfig(flip, maxShift, maxRotation, maxZoom, maxBrightness, maxContrast, on);
    }

    public AugmentConfig {
        check("maxShift", maxShift, 0.5);
        check("maxRotation", maxRotation, 180);
        check("maxZoom", maxZoom, 0.9);
        check("maxBrightness", maxBrightness, 1);
        check("maxContrast", maxContrast, 0.9);
    }

    /** True when any geometric or photometric distortion is switched on. */
    public boolean enabled() {
        return flip || maxShift > 0 || maxRotation > 0 || maxZoom > 0 || maxBrightness > 0 || maxContrast > 0 || camera;
    }

    /** True when shifts, rotations or zoom need resampling. */
    public boolean geometric() {
        return maxShift > 0 || maxRotation > 0 || maxZoom > 0;
    }

    private static void check(String name, double v, double max) {
        if (!(v >= 0 && v <= max)) {
            throw new IllegalArgumentException(name + " must be within 0.." + max + ", was " + v);
        }
    }
}
