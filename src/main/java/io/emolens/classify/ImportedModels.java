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

    static GraphEmotionClassifier load(Path zip, ModelMetadata metadata) {
        ComputationGraph graph;
        try {
            graph = ModelSerializer.restoreComputationGraph(zip.toFile(), false);
        } catch (IOException | RuntimeException e) {
            throw new EmolensException(zip + " is not a readable imported model (" + KerasFile.oneLine(e) + "). The file may be damaged or incomplete.", e);
        }
        ComputationGraph fast = GraphRewriter.forInference(graph);
        if (fast != graph) {
            graph.close();
        }
        return new GraphEmotionClassifier(fast, zip.getFileName().toString(), metadata.inputSpec(), LabelOrder.of(metadata.labels()),
                !KerasSource.CHANNELS_FIRST.equals(metadata.keras().dataFormat()));
    }
}
