package io.emolens.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import io.emolens.preprocess.FaceTensor;

/**
 * Rewrites a trained network for inference only: every batch-norm layer that follows a convolution or a
 * dense layer is folded into that layer's weights and bias (w' = w·γ/√(σ²+ε), b' = β + (b − μ)·γ/√(σ²+ε)), the
 * activation layer after it becomes the layer's own activation, and dropout layers (the identity at inference)
 * are dropped. The result computes the same probabilities with fewer passes over the activations: for the
 * default architecture 14 layers instead of 35 (docs/BENCHMARKS.md). It cannot be trained further.
 */
public final class InferenceNetworks {
    private InferenceNetworks() {
    }

    /** The folded copy of {@code trained}, or {@code trained} itself when it has nothing to fold. */
    public static MultiLayerNetwork fold(MultiLayerNetwork trained) {
        return fold(trained, false);
    }

    /**
     * The copy of {@code trained} to fine-tune with its batch-norm statistics frozen: batch norms folded as for
     * inference, dropout layers kept (they are the identity at inference, and they regularize training); the layers
     * keep their optimizer settings. Tuning it is tuning the base with its batch norms in inference mode. Returns
     * {@code trained} itself when it has no batch norm.
     */
    public static MultiLayerNetwork foldForTuning(MultiLayerNetwork trained) {
        MultiLayerConfiguration conf = trained.getLayerWiseConfigurations();
        for (int i = 0; i < conf.getConfs().size(); i++) {
            if (conf.getConf(i).getLayer() instanceof BatchNormalization) {
                return fold(trained, true);
            }
        }
        return trained;
    }

    private static MultiLayerNetwork fold(MultiLayerNetwork trained, boolean keepDropout) {
        MultiLayerConfiguration conf = trained.getLayerWiseConfigurations();
        int n = conf.getConfs().size();
        boolean foldable = false;
        for (int i = 0; i < n; i++) {
            Layer layer = conf.getConf(i).getLayer();
            foldable |= layer instanceof DropoutLayer || layer instanceof BatchNormalization;
        }
        if (!foldable) {
            return trained;
        }
        List<Layer> layers = new ArrayList<>();
        List<Map<String, INDArray>> params = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Layer layer = conf.getConf(i).getLayer().clone();
            Map<String, INDArray> p = trained.getLayer(i).paramTable();
            if (layer instanceof DropoutLayer && !keepDropout) {
                continue;
            }
            boolean foldsNext = (layer instanceof ConvolutionLayer || layer instanceof DenseLayer) && i + 1 < n
                    && conf.getConf(i + 1).getLayer() instanceof BatchNormalization;
            if (!foldsNext) {
                layers.add(layer);
                params.add(copy(p));
                continue;
            }
            BatchNormalization bn = (BatchNormalization) conf.getConf(i + 1).getLayer();
            Map<String, INDArray> folded = foldInto(layer, p, trained.getLayer(i + 1).paramTable(), bn.getEps());
            IActivation activation = new ActivationIdentity();
            int next = i + 2;
            if (next < n && conf.getConf(next).getLayer() instanceof ActivationLayer act) {
                activation = act.getActivationFn();
                next++;
            }
            if (layer instanceof ConvolutionLayer conv) {
                conv.setHasBias(true);
            } else if (layer instanceof DenseLayer dense) {
                dense.setHasBias(true);
            }
            ((FeedForwardLayer) layer).setActivationFn(activation);
            layers.add(layer);
            params.add(folded);
            i = next - 1;
        }
        FastCpu.configure();
        NeuralNetConfiguration.ListBuilder builder = new NeuralNetConfiguration.Builder().seed(conf.getConf(0).getSeed()).list();
        layers.forEach(builder::layer);
        MultiLayerNetwork net = new MultiLayerNetwork(builder.setInputType(InputType.convolutional(FaceTensor.SIZE, FaceTensor.SIZE, 1)).build());
        net.init();
        for (int i = 0; i < layers.size(); i++) {
            for (Map.Entry<String, INDArray> e : params.get(i).entrySet()) {
                net.getLayer(i).setParam(e.getKey(), e.getValue());
            }
        }
        return net;
    }

    static Map<String, INDArray> foldInto(Layer layer, Map<String, INDArray> weights, Map<String, INDArray> bn, double eps) {
        INDArray gamma = bn.get(BatchNormalizationParamInitializer.GAMMA).reshape(-1);
        INDArray beta = bn.get(BatchNormalizationParamInitializer.BETA).reshape(-1);
        INDArray mean = bn.get(BatchNormalizationParamInitializer.GLOBAL_MEAN).reshape(-1);
        INDArray var = bn.containsKey(BatchNormalizationParamInitializer.GLOBAL_VAR)
                ? bn.get(BatchNormalizationParamInitializer.GLOBAL_VAR).reshape(-1)
                : Transforms.pow(Transforms.pow(Nd4j.valueArrayOf(mean.shape(), 10.0, mean.dataType()),
                        bn.get(BatchNormalizationParamInitializer.GLOBAL_LOG_STD).reshape(-1), false), 2, false);   // (10^log10σ)²
        INDArray scale = gamma.div(Transforms.sqrt(var.add(eps), false));
        INDArray w = weights.get(DefaultParamInitializer.WEIGHT_KEY);
        INDArray b = weights.get(DefaultParamInitializer.BIAS_KEY);
        INDArray shift = b == null ? mean.neg() : b.reshape(-1).sub(mean);
        INDArray bias = beta.add(shift.mul(scale)).reshape(1, scale.length());
        INDArray foldedW = w.dup();
        int outputDimension = layer instanceof ConvolutionLayer ? 0 : 1;     // conv W is [out, in, kh, kw], dense W is [in, out]
        Nd4j.getExecutioner().exec(new BroadcastMulOp(foldedW, scale, foldedW, outputDimension));
        return Map.of(DefaultParamInitializer.WEIGHT_KEY, foldedW, DefaultParamInitializer.BIAS_KEY, bias);
    }

    private static Map<String, INDArray> copy(Map<String, INDArray> p) {
        Map<String, INDArray> out = new java.util.LinkedHashMap<>();
        p.forEach((k, v) -> out.put(k, v.dup()));
        return out;
    }
}
