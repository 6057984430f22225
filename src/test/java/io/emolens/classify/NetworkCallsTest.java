package io.emolens.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.emolens.TestFiles;
import io.emolens.core.EmotionScores;
import io.emolens.app.Main;
import io.emolens.data.DatasetReader;
import io.emolens.data.LabeledFace;
import io.emolens.data.ReadOptions;

/** Scoring many faces in one call splits them into network calls of bounded size and changes no face's scores. */
class NetworkCallsTest {

    @Test
    void manyFacesInOneCallScoreAsEachFaceAlone() {
        List<float[]> faces = DatasetReader.readAny(TestFiles.resource("fer2013/fixture_fer2013.csv"), ReadOptions.STRICT)
                .faces().stream().limit(3L * NetworkCalls.MAX_ROWS + 5).map(LabeledFace::input).toList();
        try (EmotionClassifier classifier = Main.modelLoader().load(TestFiles.repo().resolve("models/emolens-default.zip"))) {
            assertTrue(classifier instanceof Dl4jEmotionClassifier d && d.ensemble().orElseThrow().flipAverage(),
                    "the shipped model averages each face with its mirror image, so a call of 16 rows holds 8 faces");
            List<EmotionScores> together = classifier.classify(faces);
            assertEquals(faces.size(), together.size());
            for (int i = 0; i < faces.size(); i++) {
                float[] alone = classifier.classify(List.of(faces.get(i))).get(0).toArray();
                assertArrayEquals(alone, together.get(i).toArray(), 1e-5f, "face " + i);
            }
        }
    }
}
