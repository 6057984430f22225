package io.emolens.classify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

import io.emolens.core.EmolensException;
import io.emolens.core.Emotion;
import io.emolens.core.EmotionScores;
import io.emolens.preprocess.FaceTensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelStoreTest {
    private final ModelStore store = new ModelStore();

    static ModelMetadata metadata(List<String> labels, int inputSize) {
        return new ModelMetadata(ModelMetadata.FORMAT_VERSION, labels, inputSize, FaceTensor.NORMALIZATION, "seed", 2_345_607,
                1, "fixture_fer2013.csv", "sha256:test", 1, 1, 1.0, Map.of("PrivateTest", 0.25), Map.of("PrivateTest", 0.1),
                Map.of(), "2026-11-28T00:00:00Z", Map.of("emolens", "0.1.0"));
    }

    @Test
    void savedModelLoadsAndClassifiesAFrameOfFacesInOneBatch(@TempDir Path dir) throws IOException {
        MultiLayerNetwork net = Architectures.build("seed", NetworkConfig.of(1e-4, 0, 3));
        DataSet faces = ArchitecturesTest.fixtureFaces(5);
        INDArray expected = net.output(faces.getFeatures(), false);
        Path zip = dir.resolve("m.zip");
        store.save(net, metadata(Emotion.labels(), 48), zip);
        assertTrue(Files.exists(dir.resolve("m.json")));
        try (Dl4jEmotionClassifier loaded = (Dl4jEmotionClassifier) store.load(zip)) {
            assertEquals("seed", loaded.metadata().architecture());
            assertEquals(0.25, loaded.metadata().privateTestAccuracy());
            List<float[]> inputs = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                inputs.add(faces.getFeatures().get(org.nd4j.linalg.indexing.NDArrayIndex.point(i)).dup().data().asFloat());
            }
            List<EmotionScores> scores = loaded.classify(inputs);
            assertEquals(5, scores.size());
            for (int i = 0; i < 5; i++) {
                float sum = 0;
                for (Emotion e : Emotion.values()) {
                    assertEquals(expected.getFloat(i, e.ordinal()), scores.get(i).get(e), 1e-6);
                    sum += scores.get(i).get(e);
                }
                assertEquals(1f, sum, 1e-4);
            }
            assertEquals(List.of(), loaded.classify(List.of()));
        }
    }

    @Test
    void refusesModelsThatDoNotFitEmolens(@TempDir Path dir) throws IOException {
        MultiLayerNetwork net = Architectures.build("seed", NetworkConfig.of(1e-4, 0, 3));
        Path reordered = dir.resolve("reordered.zip");
        List<String> wrongOrder = new ArrayList<>(Emotion.labels());
        java.util.Collections.swap(wrongOrder, 0, 6);
        store.save(net, metadata(wrongOrder, 48), reordered);
        assertMessage(() -> store.load(reordered), "reordered.json", "labels are [Neutral");

        Path bigInput = dir.resolve("big.zip");
        store.save(net, metadata(Emotion.labels(), 64), bigInput);
        assertMessage(() -> store.load(bigInput), "big.json", "input size is 64, expected 48");

        Path noMetadata = dir.resolve("bare.zip");
        Files.copy(bigInput, noMetadata);
        assertMessage(() -> store.load(noMetadata), "bare.json is missing");

        Path corrupt = dir.resolve("corrupt.zip");
        store.save(net, metadata(Emotion.labels(), 48), corrupt);
        Files.write(corrupt, new byte[] {'P', 'K', 3, 4, 0, 0});
        assertMessage(() -> store.load(corrupt), "corrupt.zip", "not a readable DL4J model");

        Path garbageJson = dir.resolve("garbage.zip");
        Files.copy(bigInput, garbageJson);
        Files.writeString(dir.resolve("garbage.json"), "{ not json");
        assertMessage(() -> store.load(garbageJson), "garbage.json", "not valid model metadata");

        assertMessage(() -> store.load(dir.resolve("absent.zip")), "Model file not found", "absent.zip");
        net.close();
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable action, String... parts) {
        EmolensException e = assertThrows(EmolensException.class, action);
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "'" + e.getMessage() + "' should mention " + p);
        }
    }
}
