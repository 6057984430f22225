package io.emolens.classify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DepthwiseConvolution2D;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.SeparableConvolution2D;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.params.SeparableConvolutionParamInitializer;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Rewrites an imported Keras graph for fast inference, computing the same function (to float rounding):
 * <ul>
 * <li>each SeparableConvolution2D becomes a DepthwiseConvolution2D followed by a 1x1 convolution: DL4J M2.1 runs
 * separable convolutions on a slow generic kernel, while a 1x1 convolution runs on oneDNN;</li>
 * <li>each batch norm that follows a convolution (with that convolution as its only input and no activation before
 * it) is folded into the convolution's weights and bias, as {@link InferenceNetworks} does for trained models, and an
 * activation layer right after becomes the convolution's own activation.</li>
 * </ul>
 * Why: the peer mini-Xception spent most of its time in separable convolutions and the batch norms after them
 * (docs/BENCHMARKS.md); also DL4J's oneDNN batch-norm helper returns NaN on channels-last (NHWC) input, so batch
 * norms that cannot be folded lose that helper. Fine-tuning trains the rewritten graph ({@link TrainableImport}): the
 * folded convolutions train as plain ones, and the tuned model loads with nothing left to rewrite.
 */
final class GraphRewriter {
    private static final String DEPTHWISE_SUFFIX = "_depthwise";

    private GraphRewriter() {
    }

    /**
     * A graph ready for inference and the input layout it takes.
     *
     * @param graph        the rewritten copy, or the original when there was nothing to rewrite
     * @param channelsLast true when it takes [batch, height, width, channels]
     */
    record Result(ComputationGraph graph, boolean channelsLast) {
    }

    /**
     * Rewrites {@code graph}, which takes channels-last input when {@code channelsLast}; a channels-last graph made
     * only of image layers (no flattening, whose order depends on the layout) is also turned channels-first.
     */
    static Result forInference(ComputationGraph graph, boolean channelsLast) {
        return forInference(graph, channelsLast, true);
    }

    /** As {@link #forInference(ComputationGraph, boolean)}; {@code mayTurn} false keeps the layout (for comparisons). */
    static Result forInference(ComputationGraph graph, boolean channelsLast, boolean mayTurn) {
        ComputationGraphConfiguration conf = graph.getConfiguration();
        boolean toNchw = mayTurn && channelsLast && imageLayersOnly(conf);
        Map<String, List<String>> inputs = conf.getVertexInputs();
        Map<String, List<String>> consumers = new HashMap<>();
        inputs.forEach((vertex, ins) -> ins.forEach(in -> consumers.computeIfAbsent(in, k -> new ArrayList<>()).add(vertex)));
        conf.getNetworkOutputs().forEach(out -> consumers.computeIfAbsent(out, k -> new ArrayList<>()).add("<output>"));

        Map<String, String> alias = new HashMap<>();
        Set<String> done = new HashSet<>(conf.getNetworkInputs());
        Map<String, Map<String, INDArray>> params = new LinkedHashMap<>();
        ComputationGraphConfiguration.GraphBuilder b = new NeuralNetConfiguration.Builder().dataType(DataType.FLOAT).graphBuilder()
                .addInputs(conf.getNetworkInputs());
        boolean changed = false;
        for (String name : conf.getTopologicalOrderStr()) {
            if (done.contains(name)) {
                continue;
            }
            done.add(name);
            GraphVertex vertex = conf.getVertices().get(name);
            String[] in = inputs.get(name).stream().map(i -> alias.getOrDefault(i, i)).toArray(String[]::new);
            if (!(vertex instanceof LayerVertex lv)) {
                b.addVertex(name, vertex.clone(), in);
                continue;
            }
            Layer layer = lv.getLayerConf().getLayer().clone();
            if (toNchw) {
                channelsFirst(layer);
            }
            InputPreProcessor pre = lv.getPreProcessor() == null ? null : lv.getPreProcessor().clone();
            Map<String, INDArray> p = copy(graph.getLayer(name).paramTable());
            if (layer instanceof SeparableConvolution2D sep) {
                String dwName = name + DEPTHWISE_SUFFIX;
                b.addLayer(dwName, depthwise(sep), pre, in);
                INDArray dw = p.get(SeparableConvolutionParamInitializer.DEPTH_WISE_WEIGHT_KEY);    // [mult, in, kh, kw]
                params.put(dwName, Map.of(DefaultParamInitializer.WEIGHT_KEY, dw.permute(2, 3, 1, 0).dup('c')));   // [kh, kw, in, mult]
                Map<String, INDArray> pw = new LinkedHashMap<>();
                pw.put(DefaultParamInitializer.WEIGHT_KEY, p.get(SeparableConvolutionParamInitializer.POINT_WISE_WEIGHT_KEY));
                if (p.containsKey(SeparableConvolutionParamInitializer.BIAS_KEY)) {
                    pw.put(DefaultParamInitializer.BIAS_KEY, p.get(SeparableConvolutionParamInitializer.BIAS_KEY));
                }
                layer = pointwise(sep);
                p = pw;
                pre = null;
                in = new String[] {dwName};
                changed = true;
            }
            if (layer.getClass() == ConvolutionLayer.class) {
                ConvolutionLayer conv = (ConvolutionLayer) layer;
                String bnName = onlyConsumer(consumers, name);
                if (conv.getActivationFn() instanceof ActivationIdentity && bnName != null && layerOf(conf, bnName) instanceof BatchNormalization bn
                        && ((LayerVertex) conf.getVertices().get(bnName)).getPreProcessor() == null) {
                    p = InferenceNetworks.foldInto(conv, p, withGammaBeta(bn, graph.getLayer(bnName).paramTable()), bn.getEps());
                    conv.setHasBias(true);
                    alias.put(bnName, name);
                    done.add(bnName);
                    changed = true;
                    String actName = onlyConsumer(consumers, bnName);
                    if (actName != null && layerOf(conf, actName) instanceof ActivationLayer act
                            && ((LayerVertex) conf.getVertices().get(actName)).getPreProcessor() == null) {
                        conv.setActivationFn(act.getActivationFn());
                        alias.put(actName, name);
                        done.add(actName);
                    }
                }
            }
            b.addLayer(name, layer, pre, in);
            params.put(name, p);
        }
        if (!changed && !toNchw) {
            return new Result(graph, channelsLast);
        }
        b.setOutputs(conf.getNetworkOutputs().stream().map(o -> alias.getOrDefault(o, o)).toArray(String[]::new));
        ComputationGraph out = new ComputationGraph(b.build());
        out.init();
        params.forEach((name, p) -> p.forEach((key, value) -> out.getLayer(name).setParam(key, value)));
        return new Result(out, channelsLast && !toNchw);
    }

    /** True when every vertex is a layer whose layout is a setting (convolution, pooling, batch norm, activation) or an add. */
    private static boolean imageLayersOnly(ComputationGraphConfiguration conf) {
        for (Map.Entry<String, GraphVertex> e : conf.getVertices().entrySet()) {
            GraphVertex v = e.getValue();
            if (conf.getNetworkInputs().contains(e.getKey())) {
                continue;
            }
            if (v instanceof ElementWiseVertex) {
                continue;
            }
            if (!(v instanceof LayerVertex lv) || lv.getPreProcessor() != null) {
                return false;
            }
            Layer l = lv.getLayerConf().getLayer();
            boolean image = l instanceof ConvolutionLayer || l instanceof SubsamplingLayer || l instanceof BatchNormalization
                    || l instanceof ActivationLayer || l instanceof DropoutLayer
                    || l instanceof GlobalPoolingLayer g && g.getPoolingDimensions() != null && g.getPoolingDimensions().length == 2;
            if (!image) {
                return false;
            }
        }
        return true;
    }

    private static void channelsFirst(Layer layer) {
        if (layer instanceof ConvolutionLayer c) {
            c.setCnn2dDataFormat(CNN2DFormat.NCHW);
        } else if (layer instanceof SubsamplingLayer s) {
            s.setCnn2dDataFormat(CNN2DFormat.NCHW);
        } else if (layer instanceof BatchNormalization bn) {
            bn.setCnn2DFormat(CNN2DFormat.NCHW);
        } else if (layer instanceof GlobalPoolingLayer g) {
            g.setPoolingDimensions(new int[] {2, 3});
        }
    }

    private static DepthwiseConvolution2D depthwise(SeparableConvolution2D sep) {
        return new DepthwiseConvolution2D.Builder().nIn(sep.getNIn()).nOut(sep.getNIn() * sep.getDepthMultiplier())
                .depthMultiplier(sep.getDepthMultiplier()).kernelSize(sep.getKernelSize()).stride(sep.getStride())
                .padding(sep.getPadding()).dilation(sep.getDilation()).convolutionMode(sep.getConvolutionMode())
                .dataFormat(sep.getCnn2dDataFormat() == null ? CNN2DFormat.NCHW : sep.getCnn2dDataFormat()).hasBias(false).activation(new ActivationIdentity()).build();
    }

    private static ConvolutionLayer pointwise(SeparableConvolution2D sep) {
        return new ConvolutionLayer.Builder(1, 1).nIn(sep.getNIn() * sep.getDepthMultiplier()).nOut(sep.getNOut())
                .stride(1, 1).convolutionMode(ConvolutionMode.Truncate).dataFormat(sep.getCnn2dDataFormat() == null ? CNN2DFormat.NCHW
                        : sep.getCnn2dDataFormat()).hasBias(sep.hasBias()).activation(sep.getActivationFn()).build();
    }

    /** Batch-norm parameters with gamma and beta present even when the layer locks them (Keras center/scale off). */
    private static Map<String, INDArray> withGammaBeta(BatchNormalization bn, Map<String, INDArray> table) {
        Map<String, INDArray> p = new HashMap<>(table);
        long n = bn.getNOut();
        p.putIfAbsent(BatchNormalizationParamInitializer.GAMMA, Nd4j.valueArrayOf(new long[] {n}, bn.getGamma(), DataType.FLOAT));
        p.putIfAbsent(BatchNormalizationParamInitializer.BETA, Nd4j.valueArrayOf(new long[] {n}, bn.getBeta(), DataType.FLOAT));
        return p;
    }

    private static String onlyConsumer(Map<String, List<String>> consumers, String vertex) {
        List<String> c = consumers.getOrDefault(vertex, List.of());
        return c.size() == 1 && !c.get(0).equals("<output>") ? c.get(0) : null;
    }

    private static Layer layerOf(ComputationGraphConfiguration conf, String vertex) {
        return conf.getVertices().get(vertex) instanceof LayerVertex lv ? lv.getLayerConf().getLayer() : null;
    }

    private static Map<String, INDArray> copy(Map<String, INDArray> p) {
        Map<String, INDArray> out = new LinkedHashMap<>();
        p.forEach((k, v) -> out.put(k, v.dup()));
        return out;
    }
}
