package io.emolens.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

import io.emolens.TestFiles;

/** Folding batch norm and dropout away for inference keeps every probability, on the shipped model and real faces. */
class InferenceNetworksTest {

    @Test
    void theShippedModelFoldsToTheSameProbabilities() throws Exception {
        MultiLayerNetwork trained = shippedNetwork();
        MultiLayerNetwork folded = InferenceNetworks.fold(trained);
        assertEquals(35, trained.getnLayers());
        assertEquals(14, folded.getnLayers(), "8 conv + 4 pool + dense + output: batch norm, ReLU and dropout layers folded away");
        assertTrue(Arrays.stream(folded.getLayerWiseConfigurations().getConfs().toArray())
                .map(c -> ((org.deeplearning4j.nn.conf.NeuralNetConfiguration) c).getLayer())
                .noneMatch(l -> l instanceof BatchNormalization || l instanceof DropoutLayer));
        assertTrue(FastCpu.helperLayers(folded) >= 12, "the folded convolutions and pools still run on oneDNN");
        DataSet faces = ArchitecturesTest.fixtureFaces(64);
        INDArray expected = trained.output(faces.getFeatures(), false);
        INDArray actual = folded.output(faces.getFeatures(), false);
        double diff = expected.sub(actual).amaxNumber().doubleValue();
        assertTrue(diff < 1e-5, "probabilities differ by " + diff);
        assertEquals(expected.argMax(1), actual.argMax(1));
        trained.close();
        folded.close();
    }

    /**
     * Fine-tuning with frozen batch-norm statistics starts from the folded network with its dropout kept: the same
     * probabilities as the trained network at inference, and it trains (one step on real faces, a finite loss).
     */
    @Test
    void theFoldForTuningKeepsDropoutAndTheProbabilitiesAndTrains() throws Exception {
        MultiLayerNetwork trained = shippedNetwork();
        MultiLayerNetwork tuning = InferenceNetworks.foldForTuning(trained);
        long dropouts = trained.getLayerWiseConfigurations().getConfs().stream().filter(c -> c.getLayer() instanceof DropoutLayer).count();
        assertEquals(14 + dropouts, tuning.getnLayers());
        DataSet faces = ArchitecturesTest.fixtureFaces(64);
        INDArray expected = trained.output(faces.getFeatures(), false);
        double diff = expected.sub(tuning.output(faces.getFeatures(), false)).amaxNumber().doubleValue();
        assertTrue(diff < 1e-5, "probabilities differ by " + diff);
        tuning.setLearningRate(1e-4);
        tuning.fit(faces);
        assertTrue(Double.isFinite(tuning.score()), "loss " + tuning.score());
        trained.close();
        tuning.close();
    }

    /** The shipped model's network, or its first member when the shipped model is an ensemble. */
    static MultiLayerNetwork shippedNetwork() throws java.io.IOException {
        java.nio.file.Path shipped = TestFiles.repo().resolve("models/emolens-default.zip");
        ModelStore store = new ModelStore();
        return store.ensemble(shipped).isPresent()
                ? ModelSerializer.restoreMultiLayerNetwork(new java.io.ByteArrayInputStream(store.memberFiles(shipped).get(0)), false)
                : ModelSerializer.restoreMultiLayerNetwork(shipped.toFile(), false);
    }

    @Test
    void theSeedNetworkLosesOnlyItsDropoutLayers() throws Exception {
        MultiLayerNetwork seed = Architectures.build(Architectures.SEED, NetworkConfig.of(1e-4, 0, 3));
        MultiLayerNetwork folded = InferenceNetworks.fold(seed);
        assertEquals(seed.getnLayers() - 3, folded.getnLayers());
        assertEquals(seed.numParams(), folded.numParams());
        DataSet faces = ArchitecturesTest.fixtureFaces(16);
        assertTrue(seed.output(faces.getFeatures(), false).equalsWithEps(folded.output(faces.getFeatures(), false), 1e-6));
        seed.close();
        folded.close();
    }
}
