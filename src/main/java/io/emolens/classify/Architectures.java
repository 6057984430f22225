package io.emolens.classify;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import io.emolens.preprocess.FaceTensor;

/**
 * Creates networks by architecture name ({@code seed}, {@code default}) on the fast oneDNN path; the one
 * place training, evaluation and benchmarks get a network from. Input is NCHW {@code [n, 1, 48, 48]}.
 */
public final class Architectures {

    /** Input type of every architecture: one 48x48 grayscale channel. */
    public static final InputType INPUT = InputType.convolutional(FaceTensor.SIZE, FaceTensor.SIZE, 1);

    private static final Map<String, Supplier<Architecture>> KNOWN = Map.of(
            "seed", SeedArchitecture::new,
            "default", VggBnArchitecture::new);

    private Architectures() {
    }

    /** Known architecture names, sorted. */
    public static List<String> names() {
        return KNOWN.keySet().stream().sorted().toList();
    }

    /** The architecture called {@code name}; throws IllegalArgumentException naming the known ones. */
    public static Architecture byName(String name) {
        Supplier<Architecture> s = KNOWN.get(name);
        if (s == null) {
            throw new IllegalArgumentException("unknown architecture '" + name + "'; expected one of " + names());
        }
        return s.get();
    }

    /** A freshly initialized network of {@code name} with its default settings, on oneDNN. */
    public static MultiLayerNetwork build(String name) {
        Architecture a = byName(name);
        return build(a, a.defaults(), FastCpu.Compute.ONEDNN);
    }

    /** A freshly initialized network of {@code name} with the given settings, on oneDNN. */
    public static MultiLayerNetwork build(String name, ArchitectureConfig config) {
        return build(byName(name), config, FastCpu.Compute.ONEDNN);
    }

    /** A freshly initialized network with explicit kernels; {@code PLAIN} serves checks and benchmarks. */
    public static MultiLayerNetwork build(Architecture architecture, ArchitectureConfig config, FastCpu.Compute compute) {
        FastCpu.configure();
        return FastCpu.init(architecture.configuration(config), compute);
    }

    /** Parameters and forward FLOPs per face of {@code name} with its default settings. */
    public static ArchitectureInfo info(String name) {
        Architecture a = byName(name);
        MultiLayerConfiguration conf = a.configuration(a.defaults());
        return new ArchitectureInfo(name, parameters(conf), flopsPerFace(conf));
    }

    /** Parameter count of a configuration, as {@code MultiLayerNetwork.numParams()} reports it. */
    static long parameters(MultiLayerConfiguration conf) {
        long n = 0;
        for (var c : conf.getConfs()) {
            n += c.getLayer().initializer().numParams(c);
        }
        return n;
    }

    /**
     * Forward FLOPs per face of the convolution and dense layers (2 per multiply-add, biases, pooling,
     * batch norm and activations not counted: they are under 2% here).
     */
    static long flopsPerFace(MultiLayerConfiguration conf) {
        List<InputType> outputs = conf.getLayerActivationTypes(INPUT);
        long flops = 0;
        for (int i = 0; i < conf.getConfs().size(); i++) {
            Layer layer = conf.getConf(i).getLayer();
            if (layer instanceof ConvolutionLayer conv) {
                var out = (InputType.InputTypeConvolutional) outputs.get(i);
                int[] k = conv.getKernelSize();
                flops += 2L * k[0] * k[1] * conv.getNIn() * conv.getNOut() * out.getHeight() * out.getWidth();
            } else if ((layer instanceof DenseLayer || layer instanceof BaseOutputLayer) && layer instanceof FeedForwardLayer ff) {
                flops += 2L * ff.getNIn() * ff.getNOut();
            }
        }
        return flops;
    }
}
