package io.emolens.classify;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
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
 * The {@code default} architecture: a VGG-style net with batch norm, four blocks of two same-padded 3x3
 * convolutions (32, 64, 128, 256 filters; conv, batch norm, ReLU) each followed by 2x2 max pooling and
 * dropout, then dense 256 with batch norm, dropout, softmax 7. Only dense convolutions, pooling and batch
 * norm, all of which run on oneDNN (separable convolutions have no helper in M2.1 and were ~40x slower).
 * Width and depth were chosen for accuracy per millisecond on a 2-core CPU: ~1.5x the seed's FLOPs,
 * 25% fewer parameters, and the batch norm + regularization the seed lacked.
 */
final class VggBnArchitecture implements Architecture {

    private static final int[] WIDTHS = {32, 64, 128, 256};
    private static final int HIDDEN = 256;

    @Override
    public String name() {
        return "default";
    }

    @Override
    public ArchitectureConfig defaults() {
        return ArchitectureConfig.DEFAULT;
    }

    @Override
    public MultiLayerConfiguration configuration(ArchitectureConfig c) {
        var b = new NeuralNetConfiguration.Builder()
                .seed(c.seed())
                .updater(new Adam(c.learningRate()))
                .weightInit(WeightInit.RELU)
                .convolutionMode(ConvolutionMode.Same)
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED);
        if (c.l2() > 0) {
            b.l2(c.l2());
        }
        var list = b.list();
        for (int width : WIDTHS) {
            for (int i = 0; i < 2; i++) {
                list.layer(new ConvolutionLayer.Builder(3, 3).nOut(width).hasBias(false)
                        .activation(Activation.IDENTITY).build());
                list.layer(new BatchNormalization.Builder().build());
                list.layer(new ActivationLayer(Activation.RELU));
            }
            list.layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX)
                    .kernelSize(2, 2).stride(2, 2).build());
            if (c.convDropout() > 0) {
                list.layer(new DropoutLayer(1 - c.convDropout()));
            }
        }
        list.layer(new DenseLayer.Builder().nOut(HIDDEN).hasBias(false).activation(Activation.IDENTITY).build());
        list.layer(new BatchNormalization.Builder().build());
        list.layer(new ActivationLayer(Activation.RELU));
        if (c.denseDropout() > 0) {
            list.layer(new DropoutLayer(1 - c.denseDropout()));
        }
        list.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                .nOut(Emotion.COUNT).activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER).build());
        return list.setInputType(InputType.convolutional(FaceTensor.SIZE, FaceTensor.SIZE, 1)).build();
    }
}
