package io.emolens.classify;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import io.emolens.core.Emotion;
import io.emolens.preprocess.FaceTensor;

/**
 * The user's original Keras network, layer for layer (2,345,607 parameters): four valid 3x3 convolutions
 * (32, 64, 128, 128) with max pooling, dense 1024, softmax 7; Adam 1e-4. Kept as the baseline that reached
 * ~62% and over-fitted.
 */
final class SeedArchitecture implements Architecture {

    @Override
    public String name() {
        return "seed";
    }

    @Override
    public ArchitectureConfig defaults() {
        return ArchitectureConfig.SEED;
    }

    @Override
    public MultiLayerConfiguration configuration(ArchitectureConfig c) {
        double keepConv = 1 - c.convDropout();
        double keepDense = 1 - c.denseDropout();
        var b = new NeuralNetConfiguration.Builder()
                .seed(c.seed())
                .updater(new Adam(c.learningRate()))
                .weightInit(WeightInit.XAVIER_UNIFORM)
                .convolutionMode(ConvolutionMode.Truncate)
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED);
        if (c.l2() > 0) {
            b.l2(c.l2());
        }
        return b.list()
                .layer(conv(32))
                .layer(conv(64))
                .layer(pool())
                .layer(new DropoutLayer(keepConv))
                .layer(conv(128))
                .layer(pool())
                .layer(conv(128))
                .layer(pool())
                .layer(new DropoutLayer(keepConv))
                .layer(new DenseLayer.Builder().nOut(1024).activation(Activation.RELU).build())
                .layer(new DropoutLayer(keepDense))
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                        .nOut(Emotion.COUNT).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(FaceTensor.SIZE, FaceTensor.SIZE, 1))
                .build();
    }

    private static ConvolutionLayer conv(int filters) {
        return new ConvolutionLayer.Builder(3, 3).nOut(filters).activation(Activation.RELU).build();
    }

    private static SubsamplingLayer pool() {
        return new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build();
    }
}
