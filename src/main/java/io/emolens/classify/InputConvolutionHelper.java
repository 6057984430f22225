package io.emolens.classify;

import java.util.Map;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.convolution.ConvolutionHelper;
import org.deeplearning4j.nn.params.ConvolutionParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.convolution.Convolution;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The helper of a network's first convolution layer: its input is the image batch, which needs no gradient, so the
 * backward pass computes only the weight and bias gradients (im2col and one batched matrix product) and returns no
 * input gradient, which DL4J's {@code MultiLayerNetwork.fit} discards for the first layer anyway.
 * <p>
 * Why: libnd4j's oneDNN backward op also computes the input gradient, and for a single input channel that costs
 * 23–28 ms per batch of 64 48x48 faces, against 4 ms for the weight gradient alone (docs/ONEDNN.md). The forward
 * pass stays on DL4J's oneDNN helper. Not for callers that want the gradient with respect to the input
 * (saliency maps, adversarial examples): Emolens only trains through {@code fit}. Installed by
 * {@link FastCpu#install}.
 */
final class InputConvolutionHelper implements ConvolutionHelper {
    private final ConvolutionHelper forward;

    InputConvolutionHelper(ConvolutionHelper forward) {
        this.forward = forward;
    }

    @Override
    public boolean checkSupported() {
        return forward.checkSupported();
    }

    @Override
    public INDArray preOutput(INDArray input, INDArray weights, INDArray bias, int[] kernel, int[] strides, int[] pad,
                              ConvolutionLayer.AlgoMode mode, ConvolutionLayer.FwdAlgo fwdAlgo, ConvolutionMode convolutionMode,
                              int[] dilation, CNN2DFormat format, LayerWorkspaceMgr workspaceMgr) {
        return forward.preOutput(input, weights, bias, kernel, strides, pad, mode, fwdAlgo, convolutionMode, dilation, format, workspaceMgr);
    }

    @Override
    public INDArray activate(INDArray z, IActivation afn, boolean training) {
        return forward.activate(z, afn, training);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray input, INDArray weights, INDArray bias, INDArray delta, int[] kernel,
                                                     int[] strides, int[] pad, INDArray biasGradView, INDArray weightGradView,
                                                     IActivation afn, ConvolutionLayer.AlgoMode mode, ConvolutionLayer.BwdFilterAlgo bwdFilterAlgo,
                                                     ConvolutionLayer.BwdDataAlgo bwdDataAlgo, ConvolutionMode convolutionMode,
                                                     int[] dilation, CNN2DFormat format, LayerWorkspaceMgr workspaceMgr) {
        if (format != CNN2DFormat.NCHW || input.dataType() != DataType.FLOAT || delta.dataType() != DataType.FLOAT) {
            return forward.backpropGradient(input, weights, bias, delta, kernel, strides, pad, biasGradView, weightGradView,
                    afn, mode, bwdFilterAlgo, bwdDataAlgo, convolutionMode, dilation, format, workspaceMgr);
        }
        if (!Shape.hasDefaultStridesForShape(delta)) {
            delta = delta.dup('c');
        }
        long n = input.size(0);
        long channels = input.size(1);
        long outChannels = weights.size(0);
        long outH = delta.size(2);
        long outW = delta.size(3);
        long patch = channels * kernel[0] * kernel[1];

        INDArray columns = workspaceMgr.createUninitialized(ArrayType.BP_WORKING_MEM, DataType.FLOAT,
                new long[] {n, channels, kernel[0], kernel[1], outH, outW}, 'c');
        Convolution.im2col(input, kernel[0], kernel[1], strides[0], strides[1], pad[0], pad[1], dilation[0], dilation[1],
                convolutionMode == ConvolutionMode.Same, columns);
        INDArray deltaRows = delta.reshape('c', n, outChannels, outH * outW);
        INDArray perImage = workspaceMgr.createUninitialized(ArrayType.BP_WORKING_MEM, DataType.FLOAT,
                new long[] {n, outChannels, patch}, 'c');
        Nd4j.matmul(deltaRows, columns.reshape('c', n, patch, outH * outW), perImage, false, true, false);

        Gradient gradient = new DefaultGradient();
        if (biasGradView != null) {
            biasGradView.assign(deltaRows.sum(2).sum(0).reshape(biasGradView.shape()));
            gradient.gradientForVariable().put(ConvolutionParamInitializer.BIAS_KEY, biasGradView);
        }
        weightGradView.assign(perImage.sum(0).reshape(weightGradView.shape()));
        gradient.gradientForVariable().put(ConvolutionParamInitializer.WEIGHT_KEY, weightGradView);
        return new Pair<>(gradient, null);
    }

    @Override
    public Map<String, Long> helperMemoryUse() {
        return forward.helperMemoryUse();
    }
}
