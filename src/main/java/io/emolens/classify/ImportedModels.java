package io.emolens.classify;

import java.io.IOException;
import java.nio.file.Path;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;

import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.transferlearning.TransferLearning;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import io.emolens.core.EmolensException;

/** Loads imported (Keras) models saved by {@link KerasImporter}: the graph, rewritten for fast inference, or made trainable. */
final class ImportedModels {
    private ImportedModels() {
    }

    /**
     * The network of imported model {@code zip} as the app runs it, with a cross-entropy loss on its softmax output
     * (Keras import ends in a plain softmax activation, which DL4J cannot train), on the oneDNN fast path.
     */
    static TrainableImport trainable(Path zip, ModelMetadata metadata) {
        GraphRewriter.Result fast = graph(zip, metadata, true);
        ComputationGraph graph = fast.graph();
        String output = graph.getConfiguration().getNetworkOutputs().get(0);
        org.deeplearning4j.nn.conf.layers.Layer last = graph.getLayer(output) == null ? null : graph.getLayer(output).conf().getLayer();
        if (last instanceof org.deeplearning4j.nn.conf.layers.ActivationLayer act
                && act.getActivationFn() instanceof org.nd4j.linalg.activations.impl.ActivationSoftmax) {
            String[] inputs = graph.getConfiguration().getVertexInputs().get(output).toArray(String[]::new);
            ComputationGraph withLoss = new TransferLearning.GraphBuilder(graph)
                    .removeVertexKeepConnections(output)
                    .addLayer(output, new LossLayer.Builder(LossFunctions.LossFunction.MCXENT).activation(Activation.SOFTMAX).build(), inputs)
                    .setOutputs(output)
                    .build();
            graph.close();
            graph = withLoss;
        } else if (!(last instanceof org.deeplearning4j.nn.conf.layers.BaseOutputLayer) && !(last instanceof LossLayer)) {
            graph.close();
            throw new EmolensException(zip + ": its output '" + output + "' is " + (last == null ? "not a layer" : last.getClass().getSimpleName())
                    + ", not a softmax; Emolens can fine-tune imported models that end in a softmax only.");
        }
        return new TrainableImport(FastCpu.install(graph), metadata.inputSpec(), fast.channelsLast(), LabelOrder.of(metadata.labels()));
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
