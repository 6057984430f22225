package io.emolens.classify;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.emolens.TestFiles;
import io.emolens.core.EmotionScores;
import io.emolens.preprocess.InputSpec;
import io.emolens.preprocess.Normalization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hand-made Keras 2 files (bench/make_keras_fixtures.py) imported, saved and loaded as the app loads them give the
 * probabilities of the independent numpy forward pass (bench/keras_reference.py) on 20 FER2013 rows, rearranged into
 * FER order when the model's classes are alphabetical; the load-time rewrite (separable convolution with depth
 * multiplier 2 split into depthwise + 1x1, batch norm folded) changes no probability by more than 1e-5.
 */
class KerasImportTest {
    @TempDir
    Path dir;

    @Test
    void sequentialModelMatchesTheNumpyReference() throws Exception {
        Path zip = importAs("tiny_sequential.h5", LabelOrder.fer(), Normalization.UNIT);
        try (EmotionClassifier loaded = new ModelStore().load(zip)) {
            assertEquals(new InputSpec(48, 1, Normalization.UNIT), loaded.inputSpec());
            assertClose(expected("tiny_sequential_expected.csv", LabelOrder.fer()), scores(loaded), 1e-4);
        }
    }

    @Test
    void alphabeticalFunctionalModelGivesFerOrderedProbabilities() throws Exception {
        LabelOrder alpha = LabelOrder.parse("angry,disgust,fear,happy,neutral,sad,surprise");
        Path zip = importAs("tiny_functional_alpha.h5", alpha, Normalization.SIGNED);
        try (EmotionClassifier loaded = new ModelStore().load(zip)) {
            assertEquals(new InputSpec(32, 3, Normalization.SIGNED), loaded.inputSpec());
            float[][] want = expected("tiny_functional_alpha_expected.csv", alpha);
            float[][] got = scores(loaded);
            assertClose(want, got, 1e-4);
            float[] modelOrder = expected("tiny_functional_alpha_expected.csv", LabelOrder.fer())[0];
            assertEquals(modelOrder[4], got[0][6], 1e-4, "the model's 5th output (neutral) is Emolens's Neutral column");
            assertEquals(modelOrder[6], got[0][5], 1e-4, "the model's last output (surprise) is Emolens's Surprise column");
        }
    }

    @Test
    void loadTimeRewriteChangesNoProbabilityByMoreThan1e5() throws Exception {
        Path zip = importAs("tiny_functional_alpha.h5", LabelOrder.fer(), Normalization.SIGNED);
        assertRewriteExact(zip, new InputSpec(32, 3, Normalization.SIGNED));
    }

    /** Compares the rewritten network the app runs with DL4J's imported one on its plain kernels. */
    static void assertRewriteExact(Path zip, InputSpec spec) throws Exception {
        ComputationGraph plain = FastCpu.withoutHelpers(() -> {
            try {
                return ModelSerializer.restoreComputationGraph(zip.toFile(), false);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        float[][] reference = new GraphEmotionClassifier(plain, "plain", spec, LabelOrder.fer(), true).modelOutputs(PeerKerasModelTest.inputs(spec));
        try (EmotionClassifier loaded = new ModelStore().load(zip)) {
            GraphEmotionClassifier fast = (GraphEmotionClassifier) loaded;
            assertClose(reference, fast.modelOutputs(PeerKerasModelTest.inputs(spec)), 1e-5);
        } finally {
            plain.close();
        }
    }

    @Test
    void rewriteSplitsSeparableConvolutionsAndFoldsBatchNorm() throws Exception {
        Path zip = importAs("tiny_functional_alpha.h5", LabelOrder.fer(), Normalization.SIGNED);
        ComputationGraph graph = ModelSerializer.restoreComputationGraph(zip.toFile(), false);
        GraphRewriter.Result fast = GraphRewriter.forInference(graph, true);
        assertNotSame(graph, fast.graph());
        List<String> kinds = java.util.Arrays.stream(fast.graph().getLayers()).map(l -> l.conf().getLayer().getClass().getSimpleName()).toList();
        assertTrue(kinds.contains("DepthwiseConvolution2D"), kinds.toString());
        assertTrue(!kinds.contains("SeparableConvolution2D") && !kinds.contains("BatchNormalization"), kinds.toString());
        graph.close();
        fast.graph().close();
    }

    private Path importAs(String file, LabelOrder labels, Normalization normalization) {
        KerasImporter importer = new KerasImporter();
        Path zip = dir.resolve(file.replace(".h5", ".zip"));
        try (KerasImporter.Imported model = importer.read(TestFiles.resource("keras/" + file))) {
            importer.save(model, labels, normalization, Map.of(), Map.of(), null, zip);
        }
        assertTrue(Files.isRegularFile(ModelStore.metadataFile(zip)));
        return zip;
    }

    private static float[][] scores(EmotionClassifier c) {
        return c.classify(PeerKerasModelTest.inputs(c.inputSpec())).stream().map(EmotionScores::toArray).toArray(float[][]::new);
    }

    /** The reference's probabilities (model order, columns p0..p6 from the 4th) mapped to FER order by {@code labels}. */
    private static float[][] expected(String fixture, LabelOrder labels) throws Exception {
        List<String> lines = Files.readAllLines(TestFiles.resource("keras/" + fixture));
        float[][] out = new float[lines.size() - 1][];
        for (int i = 1; i < lines.size(); i++) {
            String[] cols = lines.get(i).split(",");
            float[] p = new float[7];
            for (int k = 0; k < 7; k++) {
                p[k] = Float.parseFloat(cols[3 + k]);
            }
            out[i - 1] = labels.toFer(p);
        }
        return out;
    }

    static void assertClose(float[][] want, float[][] got, double tolerance) {
        assertEquals(want.length, got.length);
        double worst = 0;
        for (int i = 0; i < want.length; i++) {
            for (int k = 0; k < want[i].length; k++) {
                worst = Math.max(worst, Math.abs(want[i][k] - got[i][k]));
            }
        }
        assertTrue(worst <= tolerance, "largest difference " + worst + " > " + tolerance);
    }
}
