package io.emolens.train;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

import io.emolens.classify.FastCpu;
import io.emolens.classify.InferenceNetworks;
import io.emolens.classify.ModelMetadata;
import io.emolens.classify.ModelStore;
import io.emolens.core.EmolensException;
import io.emolens.core.Emotion;
import io.emolens.data.LabeledFace;
import io.emolens.eval.Evaluator;
import io.emolens.preprocess.FaceTensor;

/**
 * The model a fine-tuning run starts from, only ever read: its member networks (one for a plain model), what they take
 * and answer, and each member restored ready to tune (batch norms folded when their statistics stay the base's; an
 * import as {@link ImportedBase} makes it trainable).
 */
final class BaseModel {
    final Path file;
    final List<EnsembleMembers.Candidate> members;
    final ImportedBase imported;
    final NetworkInput input;

    private BaseModel(Path file, List<EnsembleMembers.Candidate> members, ImportedBase imported) {
        this.file = file;
        this.members = members;
        this.imported = imported;
        this.input = imported == null ? NetworkInput.OWN : imported.input();
    }

    /** The base {@code file}, checked as {@link #check} does. */
    static BaseModel open(ModelStore store, Path file) {
        check(store, file);
        return new BaseModel(file, EnsembleMembers.resolve(List.of(file)), ImportedBase.of(store, file));
    }

    /**
     * Checks that {@code base} can be fine-tuned and returns its architecture name: an Emolens-trained model (plain or
     * ensemble) taking 48x48 faces normalized as training makes them, with the seven FER2013 labels in order, or an
     * imported (Keras) model, which trains on its own input size, normalization and label order.
     */
    static String check(ModelStore store, Path base) {
        if (!Files.isRegularFile(base)) {
            throw new EmolensException("--from " + base + ": model file not found");
        }
        ModelMetadata m = store.metadata(base);
        if (m.keras() == null && (m.inputSize() != FaceTensor.SIZE || !FaceTensor.NORMALIZATION.equals(m.normalization()))) {
            throw new EmolensException("--from " + base + " takes " + m.inputSize() + "x" + m.inputSize() + " faces normalized as "
                    + m.normalization() + ", but Emolens's own networks take " + FaceTensor.SIZE + "x" + FaceTensor.SIZE + " faces normalized as "
                    + FaceTensor.NORMALIZATION + ": the metadata does not fit the network.");
        }
        if (m.keras() == null && !Emotion.labels().equals(m.labels())) {
            throw new EmolensException("--from " + base + " has the labels " + m.labels() + ", but fine-tuning needs the seven FER2013 labels in order "
                    + Emotion.labels());
        }
        return store.ensemble(base).map(s -> s.members().get(0).architecture()).orElse(m.architecture());
    }

    /** How a tuned member is saved: as the import it came from, or as one of Emolens's own networks by {@code own}. */
    ModelExporter exporter(ModelExporter own) {
        return imported == null ? own : imported.exporter();
    }

    /** Member {@code index}'s network with its trained weights, ready to train on the fast CPU path. */
    Model restore(int index, TrainConfig config, boolean foldBatchNorm) {
        if (imported != null) {
            return imported.network(config);
        }
        FastCpu.configure();
        try {
            MultiLayerNetwork net = ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(members.get(index).network()), false);
            if (foldBatchNorm) {
                MultiLayerNetwork folded = InferenceNetworks.foldForTuning(net);
                if (folded != net) {
                    net.close();
                }
                net = folded;
            }
            return FastCpu.install(net);
        } catch (IOException | RuntimeException e) {
            throw new EmolensException("cannot read the network of " + file + ": " + e.getMessage(), e);
        }
    }

    /** Member {@code index}'s accuracy on {@code general} (faces in general), the reference of the forgetting guard. */
    double generalAccuracy(int index, TrainConfig config, boolean foldBatchNorm, List<LabeledFace> general, TrainingListener listener) {
        try (TrainingNetwork net = new TrainingNetwork(restore(index, config, foldBatchNorm), input)) {
            double acc = new Evaluator(256, false).evaluate(new NetworkClassifier(net), general, "replay PublicTest").accuracy();
            listener.onMessage(String.format("base network: %.1f%% on the replay data's PublicTest (%d faces in general)", 100 * acc, general.size()));
            return acc;
        }
    }
}
