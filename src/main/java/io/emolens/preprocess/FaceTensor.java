package io.emolens.preprocess;

/**
 * The face crop every stage exchanges, a 48x48 grayscale face, row-major, and the input of Emolens's own models
 * (each pixel mapped to {@code value / 255} in [0, 1]); other models' inputs are made from the same crop by
 * {@link InputSpec}.
 */
public final class FaceTensor {
    public static final int SIZE = 48;
    public static final int PIXELS = SIZE * SIZE;
    /** Written into model metadata; the loader refuses models that expect another normalization. */
    public static final String NORMALIZATION = "pixel/255";

    private FaceTensor() {
    }

    /** Maps 48x48 gray bytes (unsigned) to the network's float input. */
    public static float[] normalize(byte[] gray) {
        if (gray.length != PIXELS) {
            throw new IllegalArgumentException("expected " + PIXELS + " pixels, got " + gray.length);
        }
        float[] out = new float[PIXELS];
        for (int i = 0; i < PIXELS; i++) {
            out[i] = (gray[i] & 0xFF) / 255f;
        }
        return out;
    }
}
