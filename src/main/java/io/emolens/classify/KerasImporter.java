package io.emolens.classify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.modelimport.keras.KerasModelImport;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import io.emolens.core.EmolensException;
import io.emolens.core.Emotion;
import io.emolens.preprocess.InputSpec;
import io.emolens.preprocess.Normalization;

/**
 * Imports Keras 2 HDF5 models (Sequential or functional, saved with {@code model.save()}) with DL4J's own importer
 * and saves them as ordinary Emolens models: the network zip plus metadata with the Keras source (file, checksum,
 * version), input size, normalization and labels as imported. The file is inspected first ({@link KerasFile}), so
 * what cannot work is refused with one line before DL4J sees it.
 */
public final class KerasImporter {

    /**
     * A Keras model read into memory and checked (one 7-way softmax output), not yet saved. Owns the network.
     *
     * @param source     what the file says
     * @param graph      the imported network (Sequential models converted to a graph)
     * @param parameters trainable parameters
     * @param sha256     checksum of the file
     */
    public record Imported(KerasFile source, ComputationGraph graph, long parameters, String sha256) implements AutoCloseable {
        @Override
        public void close() {
            graph.close();
        }

        /** A classifier over this in-memory network (the caller must not close it separately from this). */
        public GraphEmotionClassifier classifier(InputSpec spec, LabelOrder labels) {
            return new GraphEmotionClassifier(graph, source.file().getFileName().toString(), spec, labels,
                    source.dataFormat().equals(KerasSource.CHANNELS_LAST));
        }
    }

    /** Inspects and imports {@code file}; throws {@link EmolensException} with a one-line reason. */
    public Imported read(Path file) {
        KerasFile source = KerasFile.inspect(file);
        ComputationGraph graph;
        try {
            graph = FastCpu.withoutHelpers(() -> importGraph(source));
        } catch (RuntimeException | NoClassDefFoundError e) {
            Throwable cause = e instanceof ImportFailure && e.getCause() != null ? e.getCause() : e;
            throw new EmolensException(file + " cannot be imported by DL4J 1.0.0-M2.1: " + KerasFile.oneLine(cause));
        }
        if (graph.getNumInputArrays() != 1 || graph.getNumOutputArrays() != 1) {
            graph.close();
            throw new EmolensException(file + ": the model has " + graph.getNumInputArrays() + " inputs and " + graph.getNumOutputArrays()
                    + " outputs; Emolens imports models with one image input and one output of " + Emotion.COUNT + " emotions");
        }
        Imported imported = new Imported(source, graph, graph.numParams(), ModelStore.sha256(file));
        checkOutputs(imported);
        return imported;
    }

    /**
     * DL4J's import, on its plain kernels: the network is only checked and saved here (layers pick their oneDNN helpers
     * when a saved model is loaded), and DL4J's oneDNN batch-norm helper returns NaN on channels-last input.
     */
    private static ComputationGraph importGraph(KerasFile source) {
        String path = source.file().toString();
        try {
            if (source.modelClass().equals("Sequential")) {
                MultiLayerNetwork net = KerasModelImport.importKerasSequentialModelAndWeights(path, false);
                ComputationGraph graph = net.toComputationGraph();
                net.close();
                return graph;
            }
            return KerasModelImport.importKerasModelAndWeights(path, false);
        } catch (Exception e) {
            throw new ImportFailure(e);
        }
    }

    private static final class ImportFailure extends RuntimeException {
        ImportFailure(Exception cause) {
            super(cause);
        }
    }

    /** Runs one blank face through the network: 7 outputs that sum to 1, or a one-line refusal. */
    private static void checkOutputs(Imported imported) {
        Path file = imported.source().file();
        int side = imported.source().inputSize();
        GraphEmotionClassifier probe = imported.classifier(new InputSpec(side, imported.source().channels(), Normalization.UNIT), LabelOrder.fer());
        float[][] out;
        try {
            out = probe.modelOutputs(List.of(new float[probe.inputSpec().values()]));
        } catch (RuntimeException e) {
            imported.close();
            throw new EmolensException(file + ": the imported network does not run on a " + imported.source().inputSize() + "x"
                    + imported.source().inputSize() + " face: " + KerasFile.oneLine(e));
        }
        String problem = null;
        if (out[0].length != Emotion.COUNT) {
            problem = "the model has " + out[0].length + " outputs, Emolens needs " + Emotion.COUNT + " (one per FER2013 emotion)";
        } else {
            double sum = 0;
            for (float p : out[0]) {
                sum += p;
            }
            if (!(Math.abs(sum - 1) <= 1e-3)) {
                problem = "its outputs sum to " + String.format("%.3f", sum) + ", not 1: the last layer must be a softmax";
            }
        }
        if (problem != null) {
            imported.close();
            throw new EmolensException(file + ": " + problem);
        }
    }

    /**
     * Saves {@code imported} as Emolens model {@code zip} (+ metadata).
     *
     * @param labels        the model's outputs in its own order
     * @param normalization how it expects pixels
     * @param accuracy      measured accuracies per split (may be empty)
     * @param macroF1       measured macro-F1 per split (may be empty)
     * @param name          display name, null for the file name
     */
    public ModelMetadata save(Imported imported, LabelOrder labels, Normalization normalization, Map<String, Double> accuracy,
                              Map<String, Double> macroF1, String name, Path zip) {
        ModelMetadata metadata = metadata(imported, labels, normalization, accuracy, macroF1, name);
        new ModelStore().save(imported.graph(), metadata, zip);
        return metadata;
    }

    static ModelMetadata metadata(Imported imported, LabelOrder labels, Normalization normalization, Map<String, Double> accuracy,
                                  Map<String, Double> macroF1, String name) {
        KerasFile f = imported.source();
        String fileName = f.file().getFileName().toString();
        KerasSource source = new KerasSource(fileName, imported.sha256(), f.kerasVersion(), f.backend(), f.modelClass(), f.channels(),
                f.dataFormat(), f.layers().size(), name == null || name.isBlank() ? null : name.trim());
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("emolens", "0.1.0");
        versions.put("deeplearning4j", "1.0.0-M2.1");
        versions.put("keras", f.kerasVersion());
        versions.put("java", System.getProperty("java.version"));
        return new ModelMetadata(ModelMetadata.FORMAT_VERSION, labels.labels(), f.inputSize(), normalization.metadataValue(),
                "keras:" + fileName, imported.parameters(), 0, "", "", 0, 0, 0, new LinkedHashMap<>(accuracy),
                new LinkedHashMap<>(macroF1), Map.of(), Instant.now().toString(), versions, source);
    }
}
