package io.emolens.classify;

import java.io.IOException;
import java.nio.file.Path;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;

import io.emolens.core.EmolensException;

/** Loads imported (Keras) models saved by {@link KerasImporter}: the graph, rewritten for fast inference. */
final class ImportedModels {
    private ImportedModels() {
    }

    /** @param rewrite true for the app's inference rewrite ({@link GraphRewriter}), false for the network as imported */
    static GraphEmotionClassifier load(Path zip, ModelMetadata metadata, boolean rewrite) {
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
        String name = metadata.keras().name() != null ? metadata.keras().name() : zip.getFileName().toString();
        return new GraphEmotionClassifier(fast.graph(), name, metadata.inputSpec(), LabelOrder.of(metadata.labels()),
                fast.channelsLast());
    }
}
