package io.emolens.classify;

import java.io.IOException;
import java.util.List;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link ReluLayer} against DL4J's activation layer on real FER2013 faces: the same network and weights with and
 * without {@link FastCpu#install} give identical ReLU activations and the same loss and gradients (within 1e-5: the
 * installed network's first convolution also sums its weight gradient in another order, see
 * {@link InputConvolutionHelper}), and the configuration, which is what a saved model stores, does not change. A ReLU
 * with a cap is left to DL4J.
 */
class ReluLayerTest {

    @Test
    void replacesPlainReluAndMatchesDl4jOnRealFaces() throws IOException {
        MultiLayerNetwork dl4j = FaceNets.initialised(configuration());
        String configurationBefore = dl4j.getLayerWiseConfigurations().toJson();
        MultiLayerNetwork fast = new MultiLayerNetwork(configuration());
        fast.init(dl4j.params().dup(), true);
        FastCpu.install(fast);

        assertInstanceOf(ReluLayer.class, fast.getLayer(1), "plain ReLU replaced");
        assertSame(fast.getLayer(1), fast.getLayer(fast.getLayerNames().get(1)), "layer map points at the replacement");
        assertEquals(org.deeplearning4j.nn.layers.ActivationLayer.class, fast.getLayer(3).getClass(), "capped ReLU kept");
        assertEquals(configurationBefore, fast.getLayerWiseConfigurations().toJson().replace("\"DEVICE\"", "\"NONE\""),
                "configuration unchanged apart from the cache mode");

        DataSet faces = ArchitecturesTest.fixtureFaces(32);
        List<INDArray> a = dl4j.feedForward(faces.getFeatures(), true);
        List<INDArray> b = fast.feedForward(faces.getFeatures(), true);
        assertEquals(a.get(2), b.get(2), "ReLU activations");
        assertTrue(a.get(2).minNumber().doubleValue() == 0 && a.get(2).maxNumber().doubleValue() > 0, "ReLU clips some values");

        FaceNets.assertSameLossAndGradients(dl4j, fast, faces, 1e-6, 1e-5);
        dl4j.close();
        fast.close();
    }

    private static MultiLayerConfiguration configuration() {
        return FaceNets.configuration(5,
                new ConvolutionLayer.Builder(5, 5).stride(2, 2).nOut(8).activation(Activation.IDENTITY).build(),
                new ActivationLayer.Builder().activation(Activation.RELU).build(),
                new DenseLayer.Builder().nOut(32).activation(Activation.IDENTITY).build(),
                new ActivationLayer.Builder().activation(new ActivationReLU(1.0, 0.0, 0.0)).build());
    }
}
