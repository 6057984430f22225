package io.emolens.classify;

import java.util.List;
import java.util.Locale;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import io.emolens.core.Emotion;
import io.emolens.preprocess.FaceTensor;

/**
 * The network architectures Emolens trains, by name, for 48x48x1 inputs (NCHW) and 7 softmax outputs:
 * <ul>
 * <li>{@code seed}: the published baseline, layer for layer (Keras: 2,345,607 parameters, Adam 1e-4);</li>
 * <li>{@code default}: a VGG-style network with batch normalization (4 blocks of two 3x3 convolutions,
 * 32-64-128-256 channels, 'same' padding) and a 256-unit dense layer; every layer it uses has a oneDNN helper
 * except the activations, so it trains at CPU speed, and batch norm plus augmentation let it pass the seed.</li>
 * </ul>
 * Networks are built after {@link FastCpu#configure()}, so they run on the oneDNN helpers.
 */
public final class Architectures {
    public static final String SEED = "seed";
    public static final String DEFAULT = "default";

    private Architectures() {
    }

    public static List<String> names() {
        return List.of(DEFAULT, SEED);
    }

    /** A new, initialised network. */
    public static MultiLayerNetwork build(String name, NetworkConfig config) {
        FastCpu.configure();
        MultiLayerNetwork network = new MultiLayerNetwork(configuration(name, config));
        network.init();
        return FastCpu.install(network);
    }

    /** The configuration of architecture {@code name}; throws IllegalArgumentException naming the known ones. */
    public static MultiLayerConfiguration configuration(String name, NetworkConfig config) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case SEED -> seed(config);
            case DEFAULT -> vggBatchNorm(config);
            default -> throw new IllegalArgumentException("unknown architecture '" + name + "'; known: " + names());
        };
    }

    private static NeuralNetConfiguration.ListBuilder base(NetworkConfig config) {
        return new NeuralNetConfiguration.Builder()
                .seed(config.seed())
                .updater(new Adam(config.learningRate()))
                .l2(config.l2())
                .weightInit(WeightInit.RELU)
                .list();
    }

    private static MultiLayerConfiguration seed(NetworkConfig c) {
        return base(c)
                .layer(conv(32, ConvolutionMode.Truncate, true))
                .layer(conv(64, ConvolutionMode.Truncate, true))
                .layer(maxPool())
                .layer(new DropoutLayer(1 - c.convDrop(0.25)))
                .layer(conv(128, ConvolutionMode.Truncate, true))
                .layer(maxPool())
                .layer(conv(128, ConvolutionMode.Truncate, true))
                .layer(maxPool())
                .layer(new DropoutLayer(1 - c.convDrop(0.25)))
                .layer(new DenseLayer.Builder().nOut(1024).activation(Activation.RELU).build())
                .layer(new DropoutLayer(1 - c.drop(0.5)))
                .layer(output())
                .setInputType(InputType.convolutional(FaceTensor.SIZE, FaceTensor.SIZE, 1))
                .build();
    }

    private static MultiLayerConfiguration vggBatchNorm(NetworkConfig c) {
        NeuralNetConfiguration.ListBuilder b = base(c);
        int[] widths = {32, 64, 128, 256};
        for (int block = 0; block < widths.length; block++) {
            for (int k = 0; k < 2; k++) {
                b.layer(conv(widths[block], ConvolutionMode.Same, false));
                b.layer(new BatchNormalization.Builder().build());
                b.layer(new ActivationLayer.Builder().activation(Activation.RELU).build());
            }
            b.layer(maxPool());
            if (block >= 2) {
                b.layer(new DropoutLayer(1 - c.convDrop(0.25)));
            }
        }
        return b.layer(new DenseLayer.Builder().nOut(256).activation(Activation.IDENTITY).hasBias(false).build())
                .layer(new BatchNormalization.Builder().build())
                .layer(new ActivationLayer.Builder().activation(Activation.RELU).build())
                .layer(new DropoutLayer(1 - c.drop(0.5)))
                .layer(output())
                .setInputType(InputType.convolutional(FaceTensor.SIZE, FaceTensor.SIZE, 1))
                .build();
    }

    private static ConvolutionLayer conv(int channels, ConvolutionMode mode, boolean relu) {
        return new ConvolutionLayer.Builder(3, 3).nOut(channels).convolutionMode(mode)
                .activation(relu ? Activation.RELU : Activation.IDENTITY).hasBias(relu).build();
    }

    private static SubsamplingLayer maxPool() {
        return new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build();
    }

    private static OutputLayer output() {
        return new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(Emotion.COUNT).activation(Activation.SOFTMAX)
                .weightInit(WeightInit.XAVIER).build();
    }

    /** Parameters and multiply-adds per face (forward pass) of a configuration. */
    public record Cost(long parameters, long flopsPerFace) {
    }

    /** Counts trainable parameters and forward FLOPs (2 x multiply-adds of convolutions and dense layers) per face. */
    public static Cost cost(MultiLayerConfiguration conf) {
        List<InputType> types = conf.getLayerActivationTypes(InputType.convolutional(FaceTensor.SIZE, FaceTensor.SIZE, 1));
        long flops = 0;
        long params = 0;
        for (int i = 0; i < conf.getConfs().size(); i++) {
            org.deeplearning4j.nn.conf.layers.Layer layer = conf.getConf(i).getLayer();
            InputType out = types.get(i);
            params += layer.initializer().numParams(conf.getConf(i));
            if (layer instanceof ConvolutionLayer cl && out instanceof InputType.InputTypeConvolutional o) {
                long[] k = {cl.getKernelSize()[0], cl.getKernelSize()[1]};
                flops += 2L * o.getHeight() * o.getWidth() * k[0] * k[1] * cl.getNIn() * cl.getNOut();
            } else if (layer instanceof FeedForwardLayer ff && !(layer instanceof ConvolutionLayer) && !(layer instanceof BatchNormalization)) {
                flops += 2L * ff.getNIn() * ff.getNOut();
            }
        }
        return new Cost(params, flops);
    }
}
