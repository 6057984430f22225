package io.emolens.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.emolens.core.EmolensException;
import io.emolens.core.EmotionScores;

class ModelFilesTest {

    @TempDir
    static Path dir;
    static Path saved;
    static Fer2013Sample sample;
    static List<EmotionScores> expected;

    @BeforeAll
    static void saveOneModel() throws Exception {
        sample = new Fer2013Sample();
        MultiLayerNetwork net = Architectures.build("seed");
        net.fit(sample.batch(32));
        saved = dir.resolve("models/seed-test.zip");
        ModelFiles.save(net, ModelMetadata.of("seed", "ab12", 1, Map.of("PublicTest", 0.25)), saved);
        try (var c = new Dl4jEmotionClassifier(net, "in-memory")) {
            expected = c.classify(sample.faces);
        }
    }

    @Test
    void roundTripKeepsOutputsAndMetadataAndLeavesNoTempFiles() throws Exception {
        try (LoadedModel m = ModelFiles.load(saved)) {
            assertEquals("seed", m.metadata().architecture());
            assertEquals(Map.of("PublicTest", 0.25), m.metadata().accuracy());
            assertEquals(1, m.metadata().epochs());
            assertEquals("seed-test", m.classifier().name());
            List<EmotionScores> got = m.classifier().classify(sample.faces);
            for (int i = 0; i < got.size(); i++) {
                assertArrayEquals(expected.get(i).toArray(), got.get(i).toArray(), 1e-6f, "face " + i);
            }
            assertTrue(m.classifier().network().getUpdater().getStateViewArray() != null, "updater state kept for resuming");
        }
        try (var files = Files.list(saved.getParent())) {
            assertEquals(List.of("seed-test.json", "seed-test.zip"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void refusesWrongLabels() throws Exception {
        Path model = copy("labels");
        edit(model, "\"Angry\", \"Disgust\"", "\"Disgust\", \"Angry\"");
        var e = assertThrows(EmolensException.class, () -> ModelFiles.load(model));
        assertTrue(e.getMessage().startsWith(ModelFiles.metadataPath(model) + ": labels are [Disgust, Angry, Fear, Happy, Sad, "
                + "Surprise, Neutral], expected FER2013 order [Angry, Disgust, Fear, Happy, Sad, Surprise, Neutral]"), e.getMessage());
    }

    @Test
    void refusesWrongInputSizeAndNormalization() throws Exception {
        Path model = copy("size");
        edit(model, "\"inputSize\" : 48", "\"inputSize\" : 64");
        edit(model, "\"pixel/255\"", "\"mean/std\"");
        var e = assertThrows(EmolensException.class, () -> ModelFiles.load(model));
        assertTrue(e.getMessage().contains("input size is 64, expected 48; normalization is 'mean/std', expected 'pixel/255'"), e.getMessage());
    }

    @Test
    void refusesTruncatedZip() throws Exception {
        Path model = copy("truncated");
        byte[] zip = Files.readAllBytes(model);
        Files.write(model, java.util.Arrays.copyOf(zip, zip.length / 2));
        var e = assertThrows(EmolensException.class, () -> ModelFiles.load(model));
        assertTrue(e.getMessage().startsWith(model + ": not a readable model zip"), e.getMessage());
    }

    @Test
    void refusesMissingOrForeignMetadata() throws Exception {
        Path model = copy("foreign");
        edit(model, "\"epochs\" : 1", "\"epochs\" : 2");
        var e = assertThrows(EmolensException.class, () -> ModelFiles.load(model));
        assertTrue(e.getMessage().startsWith(ModelFiles.metadataPath(model) + ": does not belong to truncated.zip".replace("truncated", "foreign")), e.getMessage());

        Files.delete(ModelFiles.metadataPath(model));
        e = assertThrows(EmolensException.class, () -> ModelFiles.load(model));
        assertTrue(e.getMessage().startsWith(ModelFiles.metadataPath(model) + ": metadata file not found"), e.getMessage());

        Files.writeString(ModelFiles.metadataPath(model), "{ not json");
        e = assertThrows(EmolensException.class, () -> ModelFiles.load(model));
        assertTrue(e.getMessage().startsWith(ModelFiles.metadataPath(model) + ": not valid model metadata"), e.getMessage());
    }

    @Test
    void refusesToSaveInconsistentMetadata() {
        var bad = new ModelMetadata(1, "seed", List.of("Happy"), 48, "pixel/255", "", 1, Map.of(), "", Map.of());
        assertFalse(bad.problems().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> ModelFiles.save(null, bad, dir.resolve("bad.zip")));
    }

    private static Path copy(String name) throws Exception {
        Path zip = dir.resolve(name + ".zip");
        Files.copy(saved, zip);
        Files.copy(ModelFiles.metadataPath(saved), ModelFiles.metadataPath(zip));
        return zip;
    }

    private static void edit(Path model, String from, String to) throws Exception {
        Path json = ModelFiles.metadataPath(model);
        String text = Files.readString(json);
        assertTrue(text.contains(from), text);
        Files.writeString(json, text.replace(from, to));
    }
}
