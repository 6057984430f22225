package io.emolens.classify;

import java.io.IOException;
import java.util.List;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link RowStatsBatchNormHelper} against DL4J's own batch norm (the plain path), on real FER2013 faces through a
 * convolution (4-D batch norm) and a dense layer (2-D batch norm), with a smooth activation (tanh) in between, so
 * that no value can land on the other side of a ReLU's kink by float rounding: same outputs, loss, gradients and
 * running statistics.
 */
class RowStatsBatchNormHelperTest {

    @Test
    void matchesDl4jsBatchNormOnRealFaces() throws IOException {
        MultiLayerNetwork fast = FastCpu.install(FaceNets.initialised(configuration()));
        assertEquals(2, FastCpu.rowStatsBatchNormLayers(fast), "both batch-norm layers on the row-statistics helper");
        MultiLayerNetwork plain = FastCpu.withoutHelpers(() -> {
            MultiLayerNetwork net = new MultiLayerNetwork(configuration());
            net.init(fast.params().dup(), true);
            return FastCpu.install(net);
        });
        assertNull(plain.getLayer(1).getHelper(), "reference path keeps DL4J's built-in batch norm");
        assertEquals(0, FastCpu.rowStatsBatchNormLayers(plain));

        DataSet faces = ArchitecturesTest.fixtureFaces(48);
        FaceNets.assertSameLossAndGradients(plain, fast, faces, 1e-5, 1e-4);

        for (int step = 0; step < 3; step++) {
            fast.fit(faces);
            plain.fit(faces);
        }
        for (String running : List.of("1_mean", "1_log10stdev", "4_mean", "4_log10stdev")) {
            INDArray a = fast.getParam(running);
            INDArray b = plain.getParam(running);
            assertTrue(a.equalsWithEps(b, 1e-4), running + " differs by " + a.sub(b).amaxNumber());
        }
        INDArray a = fast.output(faces.getFeatures(), false);
        INDArray b = plain.output(faces.getFeatures(), false);
        assertTrue(a.equalsWithEps(b, 1e-4), "inference outputs differ by " + a.sub(b).amaxNumber());
        fast.close();
        plain.close();
    }

    private static MultiLayerConfiguration configuration() {
        return FaceNets.configuration(11,
                new ConvolutionLayer.Builder(5, 5).stride(2, 2).nOut(8).activation(Activation.IDENTITY).hasBias(false).build(),
                new BatchNormalization.Builder().build(),
                new ActivationLayer.Builder().activation(Activation.TANH).build(),
                new DenseLayer.Builder().nOut(32).activation(Activation.IDENTITY).hasBias(false).build(),
                new BatchNormalization.Builder().build());
    }
}
