package io.emolens.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.emolens.core.Emotion;
import io.emolens.data.LabeledFace;
import io.emolens.data.Split;
import io.emolens.preprocess.FaceTensor;

/** ECE (15 equal-width top-1 bins) and log-loss on inputs small enough to compute by hand. */
class CalibrationMetricsTest {

    /** A probability vector with {@code top} on {@code label} and the rest spread evenly. */
    private static float[] vector(int label, double top) {
        float[] p = new float[Emotion.COUNT];
        java.util.Arrays.fill(p, (float) ((1 - top) / (Emotion.COUNT - 1)));
        p[label] = (float) top;
        return p;
    }

    private static LabeledFace face(int truth) {
        return new LabeledFace(new byte[FaceTensor.PIXELS], Emotion.ofIndex(truth), Split.PRIVATE_TEST, "test");
    }

    /**
     * Rows: name, predictions as (predicted label, top probability), true labels, expected ECE, expected log-loss.
     * Log-loss is the mean of -ln p(true); where the truth was not predicted, p(true) = (1 - top) / 6.
     */
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("all right at 0.9: one bin, gap 0.1", new double[][] {{0, 0.9}, {3, 0.9}}, new int[] {0, 3},
                        0.1, -Math.log(0.9)),
                Arguments.of("half right at 0.5: perfectly calibrated", new double[][] {{0, 0.5}, {1, 0.5}}, new int[] {0, 2},
                        0.0, (-Math.log(0.5) - Math.log(0.5 / 6)) / 2),
                Arguments.of("two bins: 0.95 right + 0.95 wrong, 0.3 right", new double[][] {{0, 0.95}, {0, 0.95}, {4, 0.3}}, new int[] {0, 6, 4},
                        (2.0 / 3) * Math.abs(0.5 - 0.95) + (1.0 / 3) * Math.abs(1 - 0.3),
                        (-Math.log(0.95) - Math.log(0.05 / 6) - Math.log(0.3)) / 3),
                Arguments.of("0.41 and 0.45 share a bin, 0.47 is in the next", new double[][] {{0, 0.41}, {1, 0.45}, {2, 0.47}},
                        new int[] {0, 0, 2}, (2.0 / 3) * Math.abs(0.5 - 0.43) + (1.0 / 3) * Math.abs(1 - 0.47),
                        (-Math.log(0.41) - Math.log(0.55 / 6) - Math.log(0.47)) / 3),
                Arguments.of("certain and wrong: p(true) clipped at 1e-7", new double[][] {{2, 1.0}}, new int[] {5}, 1.0, -Math.log(1e-7)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eceAndLogLoss(String name, double[][] predictions, int[] truth, double ece, double logLoss) {
        List<float[]> probabilities = new ArrayList<>();
        List<LabeledFace> faces = new ArrayList<>();
        for (int i = 0; i < truth.length; i++) {
            probabilities.add(vector((int) predictions[i][0], predictions[i][1]));
            faces.add(face(truth[i]));
        }
        Evaluation e = Evaluator.score(probabilities, faces, "PrivateTest");
        assertEquals(ece, e.ece(), 1e-6, "ECE");
        assertEquals(logLoss, e.logLoss(), 1e-5, "log-loss");
        assertEquals(truth.length, e.reliability().total());
        assertEquals(e.accuracy(), e.reliability().accuracy(), 1e-12);
        assertEquals(e.ece(), e.toJson().get("ece"));
        assertEquals(e.logLoss(), e.toJson().get("log_loss"));
        assertTrue(e.format().contains(String.format("ECE %.4f (15 bins)", ece)), e.format());
    }

    @ParameterizedTest(name = "confidence {0} goes to bin {1}")
    @MethodSource("binCases")
    void binsAreLeftOpenRightClosed(double confidence, int bin) {
        Reliability r = new Reliability();
        r.add(confidence, true);
        assertEquals(1, r.bins().get(bin).count());
        assertEquals(confidence, r.bins().get(bin).meanConfidence(), 1e-12);
    }

    static Stream<Arguments> binCases() {
        return Stream.of(Arguments.of(0.0, 0), Arguments.of(0.05, 0), Arguments.of(0.07, 1), Arguments.of(0.5, 7),
                Arguments.of(0.93, 13), Arguments.of(0.99, 14), Arguments.of(1.0, 14));
    }

    @org.junit.jupiter.api.Test
    void emptyAndInvalidInputs() {
        assertTrue(Double.isNaN(new Reliability().ece()));
        assertThrows(IllegalArgumentException.class, () -> new Reliability().add(1.5, true));
        assertThrows(IllegalArgumentException.class, () -> new Reliability(0));
        Evaluation none = Evaluator.score(List.of(), List.of(), "PublicTest");
        assertTrue(Double.isNaN(none.ece()) && Double.isNaN(none.logLoss()));
        assertEquals(null, none.toJson().get("ece"));
    }
}
