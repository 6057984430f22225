package io.emolens.data;

import io.emolens.preprocess.FaceTensor;

/** Small geometric helpers on normalized 48x48 face inputs, shared by augmentation and test-time augmentation. */
public final class FacePixels {
    private FacePixels() {
    }

    /** A new array holding {@code face} mirrored left-right. */
    public static float[] flipHorizontal(float[] face) {
        float[] out = new float[face.length];
        mirror(face, out, 0);
        return out;
    }

    /** Writes {@code face} mirrored left-right into {@code into} from {@code offset} (to batch faces without copies). */
    public static void mirror(float[] face, float[] into, int offset) {
        int s = FaceTensor.SIZE;
        for (int y = 0; y < s; y++) {
            int row = y * s;
            for (int x = 0; x < s; x++) {
                into[offset + row + x] = face[row + s - 1 - x];
            }
        }
    }
}
