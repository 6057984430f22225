package io.emolens.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import io.emolens.data.FacePixels;
import io.emolens.data.Split;

/** Augmentation of a real FER2013 face. */
class AugmenterTest {
    private static final float[] FACE = TrainerTest.DATA.split(Split.TRAINING).get(7).input();

    @Test
    void noneCopiesTheFace() {
        float[] out = new float[FACE.length];
        new Augmenter(AugmentConfig.NONE).apply(FACE, out, new SplittableRandom(1));
        assertArrayEquals(FACE, out);
    }

    @Test
    void flipOnlyGivesTheFaceOrItsMirrorAndBothOccur() {
        Augmenter a = new Augmenter(new AugmentConfig(true, 0, 0, 0, 0, 0));
        SplittableRandom r = new SplittableRandom(3);
        float[] mirror = FacePixels.flipHorizontal(FACE);
        int mirrored = 0;
        for (int i = 0; i < 40; i++) {
            float[] out = new float[FACE.length];
            a.apply(FACE, out, r);
            boolean same = Arrays.equals(out, FACE);
            boolean flipped = Arrays.equals(out, mirror);
            assertTrue(same || flipped);
            mirrored += flipped ? 1 : 0;
        }
        assertTrue(mirrored > 5 && mirrored < 35, "about half mirrored, was " + mirrored);
        assertArrayEquals(FACE, FacePixels.flipHorizontal(mirror));
    }

    @Test
    void aShiftMovesContentByWholePixelsAndClampsTheEdge() {
        float[] out = new float[FACE.length];
        Augmenter.warp(FACE, out, false, 0, 1, 2, -3);
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 48; x++) {
                int sx = Math.max(0, Math.min(47, x - 2));
                int sy = Math.max(0, Math.min(47, y + 3));
                assertEquals(FACE[sy * 48 + sx], out[y * 48 + x], 1e-6f, "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void halfTurnEqualsMirroringBothAxes() {
        float[] out = new float[FACE.length];
        Augmenter.warp(FACE, out, false, Math.PI, 1, 0, 0);
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 48; x++) {
                assertEquals(FACE[(47 - y) * 48 + 47 - x], out[y * 48 + x], 1e-5f);
            }
        }
    }

    @Test
    void theDefaultsAreSeededAndStayInRange() {
        Augmenter a = new Augmenter(AugmentConfig.DEFAULT);
        float[] one = new float[FACE.length];
        float[] two = new float[FACE.length];
        float[] other = new float[FACE.length];
        a.apply(FACE, one, new SplittableRandom(9));
        a.apply(FACE, two, new SplittableRandom(9));
        a.apply(FACE, other, new SplittableRandom(10));
        assertArrayEquals(one, two);
        assertFalse(Arrays.equals(one, other));
        for (float v : one) {
            assertTrue(v >= 0 && v <= 1);
        }
    }
}
