package io.emolens.classify;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import io.emolens.core.Emotion;
import io.emolens.preprocess.FaceTensor;

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

    /** An initialised network on the oneDNN helpers, without {@link FastCpu#install}. */
    static MultiLayerNetwork initialised(MultiLayerConfiguration configuration) {
        FastCpu.configure();
        MultiLayerNetwork net = new MultiLayerNetwork(configuration);
        net.init();
        return net;
    }
}
