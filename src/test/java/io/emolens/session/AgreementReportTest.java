package io.emolens.session;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.emolens.core.Emotion;
import io.emolens.core.EmotionScores;
import io.emolens.core.FaceBox;
import io.emolens.record.LabelSegment;

import static io.emolens.core.Emotion.HAPPY;
import static io.emolens.core.Emotion.NEUTRAL;
import static io.emolens.core.Emotion.SAD;
import static io.emolens.core.Emotion.SURPRISE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The agreement arithmetic, table-driven, with expectations computed by hand. Scores are constructed here
 * because the point is the counting: the largest face per frame, segments half-open [start, end), unscored
 * frames set apart, rows = the user's label.
 */
class AgreementReportTest {
    private static final List<LabelSegment> LABELS = List.of(
            new LabelSegment(1000, 2000, HAPPY), new LabelSegment(2000, 3000, SAD), new LabelSegment(4000, 5000, NEUTRAL));

    /** A row: frame, session ms, face id, box side, predicted top emotion (null = no scores). */
    private static RecordedSession.Face row(long frame, long ms, int id, int side, Emotion top) {
        Optional<EmotionScores> scores = Optional.empty();
        if (top != null) {
            float[] p = new float[Emotion.COUNT];
            Arrays.fill(p, 0.05f);
            p[top.index()] = 0.7f;
            scores = Optional.of(new EmotionScores(p));
        }
        return new RecordedSession.Face(frame, ms, id, new FaceBox(100, 100, side, side), scores, Optional.ofNullable(top), ms);
    }

    /** One expected cell: (user label, prediction) = count. */
    private record Cell(Emotion truth, Emotion predicted, long count) {
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("boundaries, largest face, an unscored frame, gaps", List.of(
                        row(0, 500, 1, 80, HAPPY),                                // before any label: not counted
                        row(1, 1000, 1, 80, HAPPY),                               // start is inclusive: Happy/Happy
                        row(2, 1500, 1, 100, SAD), row(2, 1500, 2, 50, HAPPY),   // the larger face counts: Happy/Sad
                        row(3, 1999, 1, 80, HAPPY),                               // Happy/Happy
                        row(4, 2000, 1, 80, HAPPY),                               // end is exclusive: Sad/Happy
                        row(5, 2500, 1, 80, null),                                // labeled but not scored yet
                        row(6, 3000, 1, 80, SAD),                                 // gap between labels: not counted
                        row(7, 4500, 1, 80, NEUTRAL)),                            // Neutral/Neutral
                        6L, 1L, true, 0.6,
                        List.of(new Cell(HAPPY, HAPPY, 2), new Cell(HAPPY, SAD, 1), new Cell(SAD, HAPPY, 1), new Cell(NEUTRAL, NEUTRAL, 1))),
                Arguments.of("a looped source: frame numbers repeat, session time does not", List.of(
                        row(0, 1100, 1, 80, SURPRISE), row(0, 2100, 1, 80, SAD), row(1, 2133, 1, 80, SAD)),
                        3L, 0L, true, 2 / 3.0,
                        List.of(new Cell(HAPPY, SURPRISE, 1), new Cell(SAD, SAD, 2))),
                Arguments.of("no model: nothing to compare", List.of(
                        row(1, 1000, 1, 80, null), row(2, 1500, 1, 80, null), row(3, 4200, 1, 80, null)),
                        3L, 3L, false, 0.0, List.of()),
                Arguments.of("no labeled frames", List.of(row(1, 100, 1, 80, HAPPY), row(2, 3500, 1, 80, HAPPY)),
                        0L, 0L, true, 0.0, List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void countsAsComputedByHand(String name, List<RecordedSession.Face> rows, long labeled, long unscored, boolean predictions,
                                double accuracy, List<Cell> cells) {
        AgreementReport r = AgreementReport.of(rows, LABELS);
        assertEquals(labeled, r.labeledFrames());
        assertEquals(unscored, r.unscoredFrames());
        assertEquals(predictions, r.predictions());
        assertEquals(accuracy, r.accuracy(), 1e-12);
        long[][] expected = new long[Emotion.COUNT][Emotion.COUNT];
        for (Cell c : cells) {
            expected[c.truth().index()][c.predicted().index()] = c.count();
        }
        assertArrayEquals(expected, r.matrix().toArray());
        assertEquals(labeled - unscored, r.compared());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theTextSaysWhatWasComputed(String name, List<RecordedSession.Face> rows, long labeled, long unscored, boolean predictions,
                                    double accuracy, List<Cell> cells) {
        String text = AgreementReport.of(rows, LABELS).text();
        if (!predictions) {
            assertTrue(text.startsWith("No predictions"), text);
        } else if (labeled == 0) {
            assertTrue(text.startsWith("No labeled frames"), text);
        } else {
            assertTrue(text.contains(String.format("%.1f%%", 100 * accuracy)), text);
            assertTrue(text.contains("Rows: your label"), text);
        }
    }
}
