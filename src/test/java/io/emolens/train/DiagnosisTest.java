package io.emolens.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Curves in, turn epoch, gaps and advice out. Each history row: train loss, train acc, val loss, val acc. */
class DiagnosisTest {

    static List<EpochStats> curves(double[][] rows) {
        List<EpochStats> h = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            double[] r = rows[i];
            h.add(new EpochStats(i + 1, r[0], r[0], r[1], r[2], r[3], 1e-3, 60, 100));
        }
        return h;
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("the seed's story: over-fitting after epoch 3", curves(new double[][] {
                        {1.6, 0.35, 1.55, 0.40}, {1.3, 0.50, 1.30, 0.52}, {1.1, 0.60, 1.15, 0.58}, {0.8, 0.72, 1.20, 0.61},
                        {0.5, 0.83, 1.35, 0.62}, {0.3, 0.92, 1.60, 0.61}}), 5, 3, 4, 0.83 - 0.62, 0.92 - 0.61,
                        "This is over-fitting, not a bug"),
                Arguments.of("still learning", curves(new double[][] {
                        {1.8, 0.25, 1.75, 0.27}, {1.6, 0.35, 1.58, 0.36}, {1.5, 0.42, 1.49, 0.43}}), 3, 3, 0, -0.01, -0.01,
                        "train longer"),
                Arguments.of("under-fitting plateau", curves(new double[][] {
                        {1.80, 0.25, 1.80, 0.26}, {1.79, 0.26, 1.79, 0.26}, {1.79, 0.26, 1.79, 0.26}, {1.79, 0.26, 1.79, 0.26}}),
                        2, 2, 0, 0.0, 0.0, "the model under-fits"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void readsTheCurves(String name, List<EpochStats> history, int best, int lowest, int turn, double gapBest, double gapEnd,
                        String advice) {
        Diagnosis d = Diagnosis.of(history, best);
        assertEquals(best, d.bestEpoch());
        assertEquals(lowest, d.lowestLossEpoch());
        assertEquals(turn, d.lossTurnEpoch());
        assertEquals(gapBest, d.gapAtBest(), 1e-9);
        assertEquals(gapEnd, d.gapAtEnd(), 1e-9);
        assertTrue(d.text().contains(advice), d.text());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void namesTheTurnInWords(String name, List<EpochStats> history, int best, int lowest, int turn) {
        String text = Diagnosis.of(history, best).text();
        if (turn > 0) {
            assertTrue(text.contains("turned up from epoch " + turn), text);
        }
        assertTrue(text.startsWith("Best epoch " + best + " of " + history.size()), text);
    }
}
