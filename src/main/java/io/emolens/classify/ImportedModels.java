package io.emolens.classify;

import java.io.IOException;
import java.nio.file.Path;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;

import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.transferlearning.TransferLearning;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import io.emolens.core.EmolensException;

/** Loads imported (Keras) models saved by {@link KerasImporter}: the graph, rewritten for fast inference, or made trainable. */
final class ImportedModels {
    private static final String LOSS_SUFFIX = "_loss";

    private ImportedModels() {
    }

    /**
     * The network of imported model {@code zip} as the app runs it, made trainable: Keras import
     * ends in a softmax activation (its own layer, or a dense layer's), which DL4J cannot train, so that softmax becomes
     * identity and a cross-entropy loss layer with the softmax follows it: the same function, now with a loss. The
     * graph before that step is left to the garbage collector, not closed: the new one may share its parameter arrays.
     */
    static TrainableImport trainable(Path zip, ModelMetadata metadata) {
        GraphRewriter.Result fast = graph(zip, metadata, true);
        ComputationGraph graph = fast.graph();
        String output = graph.getConfiguration().getNetworkOutputs().get(0);
        GraphVertex vertex = graph.getConfiguration().getVertices().get(output);
        Layer last = vertex instanceof LayerVertex lv ? lv.getLayerConf().getLayer() : null;
        if (!(last instanceof BaseOutputLayer) && !(last instanceof LossLayer)) {
            if (!(activation(last) instanceof ActivationSoftmax)) {
                graph.close();
                throw new EmolensException(zip + ": its output '" + output + "' is " + (last == null ? "not a layer" : last.getClass().getSimpleName())
                        + " without a softmax; Emolens can fine-tune imported models that end in a softmax only.");
            }
            toIdentity(last);
            toIdentity(graph.getLayer(output).conf().getLayer());
            ComputationGraph withLoss = new TransferLearning.GraphBuilder(graph)
                    .addLayer(output + LOSS_SUFFIX, new LossLayer.Builder(LossFunctions.LossFunction.MCXENT).activation(Activation.SOFTMAX).build(), output)
                    .setOutputs(output + LOSS_SUFFIX)
                    .build();
            graph = withLoss;
        }
        return new TrainableImport(graph, metadata.inputSpec(), fast.channelsLast(), LabelOrder.of(metadata.labels()));
    }

    private static IActivation activation(Layer layer) {
        return layer instanceof ActivationLayer a ? a.getActivationFn() : layer instanceof BaseLayer b ? b.getActivationFn() : null;
    }

    private static void toIdentity(Layer layer) {
        if (layer instanceof ActivationLayer a) {
            a.setActivationFn(new ActivationIdentity());
        } else if (layer instanceof BaseLayer b) {
            b.setActivationFn(new ActivationIdentity());
        }
    }

    /** @param rewrite true for the app's inference rewrite ({@link GraphRewriter}), false for the network as imported */
    static GraphEmotionClassifier load(Path zip, ModelMetadata metadata, boolean rewrite) {
        GraphRewriter.Result fast = graph(zip, metadata, rewrite);
        String name = metadata.keras().name() != null ? metadata.keras().name() : zip.getFileName().toString();
        return new GraphEmotionClassifier(fast.graph(), name, metadata.inputSpec(), LabelOrder.of(metadata.labels()),
                fast.channelsLast());
    }

    private static GraphRewriter.Result graph(Path zip, ModelMetadata metadata, boolean rewrite) {
        ComputationGraph graph;
        try {
            graph = ModelSerializer.restoreComputationGraph(zip.toFile(), false);
        } catch (IOException | RuntimeException e) {
            throw new EmolensException(zip + " is not a readable imported model (" + KerasFile.oneLine(e) + "). The file may be damaged or incomplete.", e);
        }
        boolean channelsLast = !KerasSource.CHANNELS_FIRST.equals(metadata.keras().dataFormat());
        GraphRewriter.Result fast = rewrite ? GraphRewriter.forInference(graph, channelsLast) : new GraphRewriter.Result(graph, channelsLast);
        if (fast.graph() != graph) {
            graph.close();
        }
        return fast;
    }
}
