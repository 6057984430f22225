package io.emolens.eval;

import static io.emolens.core.Emotion.ANGRY;
import static io.emolens.core.Emotion.FEAR;
import static io.emolens.core.Emotion.HAPPY;
import static io.emolens.core.Emotion.NEUTRAL;
import static io.emolens.core.Emotion.SAD;
import static io.emolens.core.Emotion.SURPRISE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.emolens.core.Emotion;

/** Metrics against hand-computed values; rows = true label. F1 = 2TP / (2TP + FP + FN). */
class ConfusionMatrixTest {
    private static final double EPS = 1e-12;

    /** Expected precision, recall and F1 of one class. */
    record Prf(double p, double r, double f1) {
    }

    static long[][] matrix(long[][] cells) {
        long[][] m = new long[7][7];
        for (long[] c : cells) {
            m[(int) c[0]][(int) c[1]] = c[2];
        }
        return m;
    }

    static long[] cell(Emotion truth, Emotion predicted, long n) {
        return new long[] {truth.index(), predicted.index(), n};
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("two classes confused both ways",
                        matrix(new long[][] {cell(ANGRY, ANGRY, 8), cell(ANGRY, HAPPY, 2), cell(HAPPY, ANGRY, 1), cell(HAPPY, HAPPY, 9)}),
                        20, 0.85, (16 / 19.0 + 6 / 7.0) / 7,
                        Map.of(ANGRY, new Prf(8 / 9.0, 0.8, 16 / 19.0), HAPPY, new Prf(9 / 11.0, 0.9, 6 / 7.0),
                                SAD, new Prf(0, 0, 0))),
                Arguments.of("three classes, asymmetric",
                        matrix(new long[][] {cell(FEAR, FEAR, 3), cell(FEAR, SAD, 1), cell(SAD, FEAR, 2), cell(SAD, SAD, 4),
                                cell(SAD, SURPRISE, 2), cell(SURPRISE, SAD, 1), cell(SURPRISE, SURPRISE, 5)}),
                        18, 12 / 18.0, (2 / 3.0 + 4 / 7.0 + 10 / 13.0) / 7,
                        Map.of(FEAR, new Prf(3 / 5.0, 3 / 4.0, 2 / 3.0), SAD, new Prf(4 / 6.0, 4 / 8.0, 4 / 7.0),
                                SURPRISE, new Prf(5 / 7.0, 5 / 6.0, 10 / 13.0))),
                Arguments.of("everything predicted Neutral",
                        matrix(new long[][] {cell(ANGRY, NEUTRAL, 2), cell(Emotion.DISGUST, NEUTRAL, 1), cell(FEAR, NEUTRAL, 3),
                                cell(HAPPY, NEUTRAL, 4), cell(SAD, NEUTRAL, 5), cell(SURPRISE, NEUTRAL, 6), cell(NEUTRAL, NEUTRAL, 7)}),
                        28, 0.25, 0.4 / 7,
                        Map.of(NEUTRAL, new Prf(0.25, 1, 0.4), HAPPY, new Prf(0, 0, 0))),
                Arguments.of("perfect",
                        matrix(new long[][] {cell(ANGRY, ANGRY, 5), cell(Emotion.DISGUST, Emotion.DISGUST, 1), cell(FEAR, FEAR, 2),
                                cell(HAPPY, HAPPY, 3), cell(SAD, SAD, 4), cell(SURPRISE, SURPRISE, 6), cell(NEUTRAL, NEUTRAL, 7)}),
                        28, 1.0, 1.0, Map.of(Emotion.DISGUST, new Prf(1, 1, 1))),
                Arguments.of("empty", new long[7][7], 0, 0.0, 0.0, Map.of(ANGRY, new Prf(0, 0, 0))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void metricsMatchHandComputedValues(String name, long[][] cells, long total, double accuracy, double macroF1,
                                        Map<Emotion, Prf> perClass) {
        ConfusionMatrix m = ConfusionMatrix.of(cells);
        assertEquals(total, m.total());
        assertEquals(accuracy, m.accuracy(), EPS);
        assertEquals(macroF1, m.macroF1(), EPS);
        perClass.forEach((e, prf) -> {
            assertEquals(prf.p(), m.precision(e), EPS, e + " precision");
            assertEquals(prf.r(), m.recall(e), EPS, e + " recall");
            assertEquals(prf.f1(), m.f1(e), EPS, e + " F1");
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void addingPairsOneByOneGivesTheSameMatrix(String name, long[][] cells) {
        ConfusionMatrix m = new ConfusionMatrix();
        for (Emotion t : Emotion.values()) {
            for (Emotion p : Emotion.values()) {
                for (long i = 0; i < cells[t.index()][p.index()]; i++) {
                    m.add(t, p);
                }
            }
        }
        assertEquals(ConfusionMatrix.of(cells), m);
        for (Emotion e : Emotion.values()) {
            assertEquals(java.util.Arrays.stream(cells[e.index()]).sum(), m.support(e), "rows are the true label");
        }
    }
}
