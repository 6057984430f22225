package io.emolens.train;

import java.nio.file.Path;
import java.time.Instant;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.transferlearning.FineTuneConfiguration;
import org.deeplearning4j.nn.transferlearning.TransferLearning;
import org.nd4j.linalg.learning.config.Adam;

import io.emolens.classify.FastCpu;
import io.emolens.classify.KerasSource;
import io.emolens.classify.ModelMetadata;
import io.emolens.classify.ModelStore;
import io.emolens.classify.TrainableImport;
import io.emolens.core.EmolensException;
import io.emolens.eval.Evaluation;

/**
 * Fine-tuning an imported (Keras) model: its network as the app runs it, made trainable with the run's optimizer
 * (Adam at the run's rate, its L2), what that network takes and answers, and how a tuned copy is saved so that it
 * loads like the import it came from: same input size, normalization and label order, the Keras source kept, and
 * the layout the tuned network takes.
 */
final class ImportedBase {
    private final ModelStore store;
    private final Path base;
    private final ModelMetadata metadata;
    private final NetworkInput input;

    private ImportedBase(ModelStore store, Path base, ModelMetadata metadata, NetworkInput input) {
        this.store = store;
        this.base = base;
        this.metadata = metadata;
        this.input = input;
    }

    /** The imported model {@code base}, or null when it is a model Emolens trained; refuses a network that stays channels-last. */
    static ImportedBase of(ModelStore store, Path base) {
        ModelMetadata metadata = store.metadata(base);
        if (metadata.keras() == null) {
            return null;
        }
        TrainableImport probe = store.trainableImport(base);
        probe.graph().close();
        if (probe.channelsLast()) {
            throw new EmolensException(base + " is an imported network that stays channels-last (NHWC; its layers cannot be turned "
                    + "channels-first), and DL4J 1.0.0-M2.1 trains such networks unreliably (NaN losses). Emolens fine-tunes imports it "
                    + "runs channels-first, such as mini-Xception; this model can still be used and evaluated as it is.");
        }
        return new ImportedBase(store, base, metadata, new NetworkInput(probe.spec(), probe.channelsLast(), probe.labels()));
    }

    NetworkInput input() {
        return input;
    }

    /**
     * A fresh trainable copy of the base network with Adam at {@code config}'s rate and its L2. The graph it is built from
     * is not closed: the copy may share its parameter arrays (closing it made the copy's loss NaN).
     */
    Model network(TrainConfig config) {
        ComputationGraph graph = store.trainableImport(base).graph();
        FineTuneConfiguration tuning = new FineTuneConfiguration.Builder()
                .updater(new Adam(config.learningRate())).l2(config.l2()).seed(config.seed()).build();
        try {
            return FastCpu.install(new TransferLearning.GraphBuilder(graph).fineTuneConfiguration(tuning).build());
        } catch (RuntimeException e) {
            graph.close();
            throw new EmolensException("cannot prepare " + base + " for training: " + e.getMessage(), e);
        }
    }

    /** Saves a tuned network as {@code RUN_DIR/model.zip}, described as the base is, with the kept epoch's scores. */
    ModelExporter exporter() {
        return (network, info, runDir) -> {
            if (!(network instanceof ComputationGraph graph)) {
                throw new EmolensException("a tuned imported model must be a ComputationGraph, got " + network.getClass().getSimpleName());
            }
            ModelMetadata tuned = new ModelMetadata(ModelMetadata.FORMAT_VERSION, metadata.labels(), metadata.inputSize(),
                    metadata.normalization(), "fine-tuned " + metadata.architecture(), graph.numParams(), metadata.flopsPerFace(),
                    EnsembleMembers.fileName(info.data()), info.dataChecksum(), info.epochsRun(), info.bestEpoch(), info.trainSeconds(),
                    TrainServices.perSplit(info, Evaluation::accuracy), TrainServices.perSplit(info, Evaluation::macroF1),
                    TrainServices.training(info), Instant.now().toString(), TrainServices.versions(), source(input.channelsLast()));
            Path zip = runDir.resolve(TrainServices.MODEL_FILE);
            store.save(graph, tuned, zip);
            return zip;
        };
    }

    /** The base's Keras source with the layout its tuned network takes. */
    KerasSource source(boolean channelsLast) {
        KerasSource k = metadata.keras();
        return new KerasSource(k.file(), k.sha256(), k.kerasVersion(), k.backend(), k.modelClass(), k.inputChannels(),
                channelsLast ? KerasSource.CHANNELS_LAST : KerasSource.CHANNELS_FIRST, k.layers(), k.name());
    }
}
