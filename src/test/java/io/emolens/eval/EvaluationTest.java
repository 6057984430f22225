package io.emolens.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.emolens.classify.EmotionClassifier;
import io.emolens.core.Emotion;
import io.emolens.core.EmotionScores;
import io.emolens.data.Fixtures;
import io.emolens.data.Fer2013CsvReader;
import io.emolens.data.LabeledFace;
import io.emolens.data.ReadOptions;
import io.emolens.data.Split;

class EvaluationTest {
    @TempDir
    Path tmp;

    /**
     * A real, if trivial, classifier: Angry in proportion to the brightness of the face's left half, Disgust to
     * its right half. Mirroring swaps the two, so test-time augmentation makes both exactly 0.5.
     */
    static final class HalfBrightness implements EmotionClassifier {
        @Override
        public List<EmotionScores> classify(List<float[]> faces) {
            return faces.stream().map(f -> {
                double left = 0;
                double right = 0;
                for (int i = 0; i < f.length; i++) {
                    if (i % 48 < 24) {
                        left += f[i];
                    } else {
                        right += f[i];
                    }
                }
                float l = (float) (left / (left + right));
                return new EmotionScores(new float[] {l, 1 - l, 0, 0, 0, 0, 0});
            }).toList();
        }

        @Override
        public String name() {
            return "half brightness";
        }

        @Override
        public void close() {
        }
    }

    private static final List<LabeledFace> PRIVATE = new Fer2013CsvReader().read(Fixtures.CSV, ReadOptions.STRICT)
            .split(Split.PRIVATE_TEST);

    @Test
    void countsPredictionsAgainstTruthRows() {
        Evaluation e = new Evaluator(7, false).evaluate(new HalfBrightness(), PRIVATE, "PrivateTest");
        assertEquals(50, e.confusion().total());
        long predictedAngry = 0;
        for (Emotion t : Emotion.values()) {
            predictedAngry += e.confusion().count(t, Emotion.ANGRY);
            assertEquals(e.confusion().support(t), e.confusion().count(t, Emotion.ANGRY) + e.confusion().count(t, Emotion.DISGUST));
        }
        long leftBrighter = PRIVATE.stream().filter(f -> new HalfBrightness().classify(List.of(f.input())).get(0).top()
                == Emotion.ANGRY).count();
        assertEquals(leftBrighter, predictedAngry);
        assertEquals(7, e.confusion().support(Emotion.ANGRY));
    }

    @Test
    void testTimeAugmentationAveragesWithTheMirroredFace() {
        Evaluation e = new Evaluator(16, true).evaluate(new HalfBrightness(), PRIVATE, "PrivateTest");
        assertEquals(50, e.confusion().predicted(Emotion.ANGRY), "0.5/0.5 ties go to the lower index");
        // 10 Angry/Disgust faces get p(true) = 0.5, the other 40 get p(true) = 0, clipped to 1e-7
        assertEquals((10 * Math.log(2) - 40 * Math.log(1e-7)) / 50, e.logLoss(), 1e-9);
    }

    @Test
    void writesTheJsonKeys() throws Exception {
        long[][] cells = new long[7][7];
        cells[0][0] = 8;
        cells[0][3] = 2;
        cells[3][0] = 1;
        cells[3][3] = 9;
        Evaluation e = new Evaluation("PrivateTest", ConfusionMatrix.of(cells), Double.NaN);
        Path json = tmp.resolve("out/eval.json");
        e.writeJson(json);
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertEquals(0.85, root.get("accuracy").asDouble(), 1e-12);
        assertEquals((16 / 19.0 + 6 / 7.0) / 7, root.get("macro_f1").asDouble(), 1e-12);
        assertEquals(9 / 11.0, root.get("per_class").get("Happy").get("precision").asDouble(), 1e-12);
        assertEquals(10, root.get("per_class").get("Angry").get("support").asLong());
        assertEquals(2, root.get("confusion").get(0).get(3).asLong());
        assertEquals(1, root.get("confusion").get(3).get(0).asLong());
        assertEquals(7, root.get("confusion").size());
        assertEquals(List.of("accuracy", "macro_f1", "per_class", "confusion"),
                List.of("accuracy", "macro_f1", "per_class", "confusion").stream().filter(root::has).toList());
    }
}
