package io.emolens.classify;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.emolens.TestFiles;
import io.emolens.core.EmotionScores;
import io.emolens.data.Dataset;
import io.emolens.data.DatasetReader;
import io.emolens.data.LabeledFace;
import io.emolens.data.ReadOptions;
import io.emolens.data.Split;
import io.emolens.preprocess.InputSpec;
import io.emolens.preprocess.Normalization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The peer's real Keras model (mini-Xception, Keras 2.0.5, ../shared/models/keras) imported with signed normalization:
 * its probabilities on 20 FER2013 PublicTest rows equal those of an independent numpy forward pass of the same weights
 * (bench/keras_reference.py, fixture src/test/resources/keras/mini_xception_publictest20.csv) to 1e-4, both straight
 * after import and after saving and loading through the model store (with its inference rewrite).
 */
class PeerKerasModelTest {
    static final Path PEER = TestFiles.repo().resolve("../shared/models/keras/fer2013_mini_XCEPTION.102-0.66.hdf5").normalize();
    private static final Path FIXTURE = TestFiles.resource("keras/mini_xception_publictest20.csv");
    @TempDir
    static Path dir;
    private static Path zip;
    private static ModelMetadata metadata;
    private static float[][] imported;

    @BeforeAll
    static void importPeer() {
        assumeTrue(Files.isRegularFile(PEER), "peer Keras model not found at " + PEER + " (../shared/models/keras); skipping");
        KerasImporter importer = new KerasImporter();
        try (KerasImporter.Imported model = importer.read(PEER)) {
            zip = dir.resolve("mini-xception.zip");
            metadata = importer.save(model, LabelOrder.fer(), Normalization.SIGNED, Map.of(), Map.of(), null, zip);
            imported = model.classifier(metadata.inputSpec(), LabelOrder.fer()).modelOutputs(inputs(metadata.inputSpec()));
        }
    }

    @Test
    void metadataDescribesTheKerasFile() {
        assertEquals("keras:fer2013_mini_XCEPTION.102-0.66.hdf5", metadata.architecture());
        assertEquals(64, metadata.inputSize());
        assertEquals("pixel/127.5-1", metadata.normalization());
        assertEquals(new InputSpec(64, 1, Normalization.SIGNED), metadata.inputSpec());
        assertEquals("2.0.5", metadata.keras().kerasVersion());
        assertEquals("Model", metadata.keras().modelClass());
        assertEquals(46, metadata.keras().layers());
        assertEquals(64, metadata.keras().sha256().length());
        assertTrue(metadata.parameters() > 55_000 && metadata.parameters() < 62_000, "parameters " + metadata.parameters());
    }

    @Test
    void importedProbabilitiesMatchTheNumpyReference() throws Exception {
        assertClose(expected(), imported, "straight after import");
    }

    @Test
    void savedAndLoadedModelGivesTheSameProbabilities() throws Exception {
        try (EmotionClassifier loaded = new ModelStore().load(zip)) {
            assertEquals(metadata.inputSpec(), loaded.inputSpec());
            List<EmotionScores> scores = loaded.classify(inputs(loaded.inputSpec()));
            float[][] got = scores.stream().map(EmotionScores::toArray).toArray(float[][]::new);
            assertClose(expected(), got, "after save and load");
        }
    }

    @Test
    void loadTimeRewriteChangesNoProbabilityByMoreThan1e5() throws Exception {
        KerasImportTest.assertRewriteExact(zip, metadata.inputSpec());
    }

    static List<float[]> inputs(InputSpec spec) {
        List<float[]> out = new ArrayList<>();
        for (LabeledFace f : rows()) {
            out.add(spec.input(f.pixels()));
        }
        return out;
    }

    private static List<LabeledFace> rows() {
        Dataset data = DatasetReader.readAny(FIXTURE, ReadOptions.STRICT);
        List<LabeledFace> faces = data.split(Split.PUBLIC_TEST);
        assertEquals(20, faces.size());
        return faces;
    }

    private static float[][] expected() throws Exception {
        List<String> lines = Files.readAllLines(FIXTURE);
        float[][] out = new float[lines.size() - 1][];
        for (int i = 1; i < lines.size(); i++) {
            String[] cols = lines.get(i).split(",");
            out[i - 1] = new float[7];
            for (int k = 0; k < 7; k++) {
                out[i - 1][k] = Float.parseFloat(cols[4 + k]);
            }
        }
        return out;
    }

    private static void assertClose(float[][] want, float[][] got, String when) {
        assertEquals(want.length, got.length);
        double worst = 0;
        for (int i = 0; i < want.length; i++) {
            for (int k = 0; k < 7; k++) {
                worst = Math.max(worst, Math.abs(want[i][k] - got[i][k]));
            }
        }
        assertTrue(worst <= 1e-4, when + ": largest difference from the numpy reference is " + worst);
    }
}
