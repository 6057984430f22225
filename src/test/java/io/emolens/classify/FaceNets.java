package io.emolens.classify;

import java.util.List;
import java.util.Map;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import io.emolens.core.Emotion;
import io.emolens.preprocess.FaceTensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Small networks over 48x48 faces for the layer-level tests of the fast path: given hidden layers, SGD, 7 softmax outputs. */
final class FaceNets {
    private FaceNets() {
    }

    static MultiLayerConfiguration configuration(long seed, Layer... hidden) {
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(new Sgd(0.05))
                .weightInit(WeightInit.RELU)
                .list();
        for (Layer layer : hidden) {
            list.layer(layer);
        }
        return list.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(Emotion.COUNT)
                        .activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER).build())
                .setInputType(InputType.convolutional(FaceTensor.SIZE, FaceTensor.SIZE, 1))
                .build();
    }

    /**
     * Computes loss and gradients of both networks on {@code faces} and asserts that the losses agree within
     * {@code lossTolerance} (relative) and every gradient entry within {@code gradientTolerance} of its variable's
     * largest value in {@code reference}.
     */
    static void assertSameLossAndGradients(MultiLayerNetwork reference, MultiLayerNetwork candidate, DataSet faces,
                                           double lossTolerance, double gradientTolerance) {
        for (MultiLayerNetwork net : List.of(reference, candidate)) {
            net.setInput(faces.getFeatures());
            net.setLabels(faces.getLabels());
            net.computeGradientAndScore();
        }
        assertEquals(reference.score(), candidate.score(), lossTolerance * reference.score(), "loss");
        Map<String, INDArray> expected = reference.gradient().gradientForVariable();
        Map<String, INDArray> actual = candidate.gradient().gradientForVariable();
        for (String variable : expected.keySet()) {
            double scale = Math.max(1e-12, expected.get(variable).amaxNumber().doubleValue());
            double relative = actual.get(variable).sub(expected.get(variable)).amaxNumber().doubleValue() / scale;
            assertTrue(relative < gradientTolerance, variable + ": gradient differs by " + relative + " of its largest value");
        }
    }

    /** An initialised network on the oneDNN helpers, without {@link FastCpu#install}. */
    static MultiLayerNetwork initialised(MultiLayerConfiguration configuration) {
        FastCpu.configure();
        MultiLayerNetwork net = new MultiLayerNetwork(configuration);
        net.init();
        return net;
    }
}
