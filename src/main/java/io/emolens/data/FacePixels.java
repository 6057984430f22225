package io.emolens.data;

import io.emolens.preprocess.FaceTensor;

/** Small geometric helpers on normalized 48x48 face inputs, shared by augmentation and test-time augmentation. */
public final class FacePixels {
    private FacePixels() {
    }

    /** A new array holding {@code face} mirrored left-right. */
    public static float[] flipHorizontal(float[] face) {
        return flipHorizontal(face, FaceTensor.SIZE);
    }

    /** A new array holding {@code face} (rows of {@code s} values, any number of planes) mirrored left-right. */
    public static float[] flipHorizontal(float[] face, int s) {
        float[] out = new float[face.length];
        for (int y = 0; y < face.length / s; y++) {
            int row = y * s;
            for (int x = 0; x < s; x++) {
                out[row + x] = face[row + s - 1 - x];
            }
        }
        return out;
    }
}
