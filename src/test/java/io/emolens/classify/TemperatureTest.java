package io.emolens.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Temperature scaling: hand-computed rescaling, and a fit that must recover a known temperature. */
class TemperatureTest {

    static Stream<Arguments> rescaling() {
        return Stream.of(
                Arguments.of(1.0, new float[] {0.5f, 0.25f, 0.25f, 0, 0, 0, 0}, new float[] {0.5f, 0.25f, 0.25f, 0, 0, 0, 0}),
                // T = 2: square roots 0.8, 0.4, 0.4 (of 0.64, 0.16, 0.16) normalized by 1.6
                Arguments.of(2.0, new float[] {0.64f, 0.16f, 0.16f, 0.04f, 0, 0, 0}, norm(0.8, 0.4, 0.4, 0.2, 3.162e-4, 3.162e-4, 3.162e-4)),
                // T = 0.5: squares 0.25, 0.0625, 0.0625, 0.0625 (and 1e-14 for the zeros) normalized by 0.4375
                Arguments.of(0.5, new float[] {0.5f, 0.25f, 0.25f / 2, 0.25f / 2, 0, 0, 0}, norm(0.25, 0.0625, 0.015625, 0.015625, 1e-14, 1e-14, 1e-14)));
    }

    private static float[] norm(double... v) {
        double sum = java.util.Arrays.stream(v).sum();
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / sum);
        }
        return out;
    }

    @ParameterizedTest(name = "T = {0}")
    @MethodSource("rescaling")
    void rescalesLikeASoftmaxOfLogProbabilitiesOverT(double t, float[] p, float[] expected) {
        assertArrayEquals(expected, Temperature.apply(p.clone(), t), 2e-4f);
    }

    /**
     * Every face gets the same vector p ∝ q^T0 and the true labels are spread exactly as q (8, 4, 2, 2, 2, 1, 1 of 20),
     * so the likelihood is highest where p^(1/T) = q: the fit must return T0.
     */
    @ParameterizedTest(name = "recovers T = {0}")
    @MethodSource("temperatures")
    void fitRecoversTheTemperatureThatMakesTheLabelsLikeliest(double t0) {
        double[] q = {0.4, 0.2, 0.1, 0.1, 0.1, 0.05, 0.05};
        int[] counts = {8, 4, 2, 2, 2, 1, 1};
        double[] powered = new double[q.length];
        for (int i = 0; i < q.length; i++) {
            powered[i] = Math.pow(q[i], t0);
        }
        float[] p = norm(powered);
        List<float[]> probabilities = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int c = 0; c < counts.length; c++) {
            for (int k = 0; k < counts[c]; k++) {
                probabilities.add(p);
                labels.add(c);
            }
        }
        int[] truth = labels.stream().mapToInt(Integer::intValue).toArray();
        double fitted = Temperature.fit(probabilities, truth);
        assertEquals(t0, fitted, 1e-3 * t0);
        double best = Temperature.nll(probabilities, truth, fitted);
        assertEquals(-java.util.stream.IntStream.range(0, q.length).mapToDouble(i -> q[i] * Math.log(q[i])).sum(), best, 1e-4);
        assertEquals(true, Temperature.nll(probabilities, truth, fitted * 1.1) > best);
        assertEquals(true, Temperature.nll(probabilities, truth, fitted / 1.1) > best);
    }

    static Stream<Double> temperatures() {
        return Stream.of(0.5, 1.0, 1.7, 3.0);
    }

    @Test
    void argmaxNeverChangesAndBadTemperaturesAreRefused() {
        float[] p = {0.1f, 0.3f, 0.2f, 0.15f, 0.05f, 0.1f, 0.1f};
        for (double t : new double[] {0.1, 0.7, 1.5, 10}) {
            float[] q = Temperature.apply(p.clone(), t);
            assertEquals(1, argmax(q));
        }
        assertThrows(IllegalArgumentException.class, () -> Temperature.apply(p.clone(), 0));
        assertThrows(IllegalArgumentException.class, () -> Temperature.apply(p.clone(), Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Temperature.fit(List.of(), new int[0]));
        assertThrows(IllegalArgumentException.class, () -> Temperature.fit(List.of(p), new int[] {1, 2}));
    }

    private static int argmax(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }
}
