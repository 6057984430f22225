package io.emolens.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The element-wise mean of probability vectors, against sums worked out by hand. */
class ProbabilitiesTest {

    @Test
    void averagesEachElementOverEveryVector() {
        float[] a = {0.5f, 0.25f, 0.25f, 0, 0, 0, 0};
        float[] b = {0.1f, 0.2f, 0.3f, 0.4f, 0, 0, 0};
        float[] c = {0, 0, 0, 0, 0.25f, 0.25f, 0.5f};
        // (0.5 + 0.1 + 0) / 3, (0.25 + 0.2 + 0) / 3, (0.25 + 0.3) / 3, 0.4 / 3, 0.25 / 3, 0.25 / 3, 0.5 / 3
        float[] expected = {0.2f, 0.15f, 0.55f / 3, 0.4f / 3, 0.25f / 3, 0.25f / 3, 0.5f / 3};
        assertArrayEquals(expected, Probabilities.mean(List.of(a, b, c)), 1e-7f);
    }

    @Test
    void aFaceAndItsMirrorMeetHalfway() {
        float[] plain = {0.8f, 0.2f};
        float[] mirrored = {0.4f, 0.6f};
        assertArrayEquals(new float[] {0.6f, 0.4f}, Probabilities.mean(List.of(plain, mirrored)), 1e-7f);
    }

    @Test
    void oneVectorIsItsOwnMeanInANewArray() {
        float[] only = {0.7f, 0.1f, 0.2f};
        float[] mean = Probabilities.mean(List.of(only));
        assertArrayEquals(only, mean, 0f);
        assertNotSame(only, mean);
        mean[0] = 0;
        assertEquals(0.7f, only[0], "the input is left as it was");
    }

    @Test
    void noVectorsOrUnequalLengthsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Probabilities.mean(List.of()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Probabilities.mean(List.of(new float[] {0.5f, 0.5f}, new float[] {1f})));
        assertEquals("vectors of length 2 and 1", e.getMessage());
    }
}
