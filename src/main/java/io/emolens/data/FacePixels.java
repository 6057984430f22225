package io.emolens.data;

import io.emolens.preprocess.FaceTensor;

/** Small geometric helpers on normalized face inputs, shared by augmentation and test-time augmentation. */
public final class FacePixels {
    private FacePixels() {
    }

    /** A new array holding the 48x48 {@code face} mirrored left-right. */
    public static float[] flipHorizontal(float[] face) {
        return flipHorizontal(face, FaceTensor.SIZE);
    }

    /** A new array holding {@code face} (rows of {@code s} values, any number of planes) mirrored left-right. */
    public static float[] flipHorizontal(float[] face, int s) {
        float[] out = new float[face.length];
        mirror(face, s, out, 0);
        return out;
    }

    /** Writes the 48x48 {@code face} mirrored left-right into {@code into} from {@code offset} (to batch faces without copies). */
    public static void mirror(float[] face, float[] into, int offset) {
        mirror(face, FaceTensor.SIZE, into, offset);
    }

    /** Writes {@code face} (rows of {@code s} values, any number of planes) mirrored left-right into {@code into} from {@code offset}. */
    public static void mirror(float[] face, int s, float[] into, int offset) {
        for (int y = 0; y < face.length / s; y++) {
            int row = y * s;
            for (int x = 0; x < s; x++) {
                into[offset + row + x] = face[row + s - 1 - x];
            }
        }
    }
}
