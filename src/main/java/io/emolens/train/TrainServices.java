package io.emolens.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import io.emolens.classify.ArchitectureConfig;
import io.emolens.classify.Architectures;
import io.emolens.classify.EmotionClassifier;
import io.emolens.classify.FastCpu;
import io.emolens.classify.LoadedModel;
import io.emolens.classify.ModelFiles;
import io.emolens.classify.ModelMetadata;
import io.emolens.core.EmolensException;
import io.emolens.core.EmotionScores;

/**
 * The concrete network factory, model exporter and model loader used by the CLI and the UI, over the
 * classify package's {@link Architectures} (oneDNN fast path) and {@link ModelFiles}.
 */
public final class TrainServices {
    /** File name of the exported model inside a run folder ({@code model.zip} + {@code model.json}). */
    public static final String MODEL_FILE = "model.zip";

    private TrainServices() {
    }

    /** Builds {@code config.architecture()} with the run's learning rate, L2, dropout and seed. */
    public static NetworkFactory networks() {
        return config -> {
            ArchitectureConfig a = Architectures.byName(config.architecture()).defaults()
                    .withLearningRate(config.learningRate()).withL2(config.l2()).withSeed(config.seed());
            a = a.withDropout(Double.isNaN(config.convDropout()) ? a.convDropout() : config.convDropout(),
                    Double.isNaN(config.dropout()) ? a.denseDropout() : config.dropout());
            return Architectures.build(config.architecture(), a);
        };
    }

    /** Saves the best network as {@code RUN_DIR/model.zip} with {@code model.json} metadata (accuracy per split). */
    public static ModelExporter exporter() {
        return (network, info, runDir) -> {
            Map<String, Double> accuracy = new LinkedHashMap<>();
            info.evaluations().forEach((split, e) -> accuracy.put(split.equals("Training sample") ? "Training" : split, e.accuracy()));
            String sha = info.dataChecksum().startsWith("sha256:") ? info.dataChecksum().substring(7) : info.dataChecksum();
            Path model = runDir.resolve(MODEL_FILE);
            try {
                ModelFiles.save((MultiLayerNetwork) network, ModelMetadata.of(info.config().architecture(), sha,
                        info.bestEpoch(), accuracy), model);
            } catch (IOException e) {
                throw new EmolensException("cannot save the model to " + model.toAbsolutePath() + ": " + e.getMessage()
                        + ". Check free disk space; the best checkpoint in the run folder is kept.", e);
            }
            return model;
        };
    }

    /**
     * A classifier for {@code model}: an Emolens model file (checked against its metadata), or a training run
     * folder (its exported model, else its best checkpoint so far). The caller closes it.
     */
    public static EmotionClassifier classifier(Path model) {
        if (Files.isDirectory(model)) {
            if (Files.isRegularFile(model.resolve(MODEL_FILE)) && Files.isRegularFile(ModelFiles.metadataPath(model.resolve(MODEL_FILE)))) {
                return loaded(ModelFiles.load(model.resolve(MODEL_FILE)));
            }
            RunFolder run = new RunFolder(model);
            if (!run.hasState() || run.readState().best() == null) {
                throw new EmolensException(model.toAbsolutePath() + " is a folder but not a training run with a completed epoch");
            }
            return checkpointClassifier(run.file(run.readState().best()));
        }
        if (!Files.isRegularFile(model) && !Files.isRegularFile(ModelFiles.metadataPath(model))) {
            throw new EmolensException("model not found: " + model.toAbsolutePath() + ". Give --model FILE or a run folder.");
        }
        return loaded(ModelFiles.load(model));
    }

    private static EmotionClassifier loaded(LoadedModel model) {
        return model.classifier();
    }

    private static EmotionClassifier checkpointClassifier(Path file) {
        FastCpu.configure();
        TrainingNetwork network = TrainingNetwork.load(file);
        NetworkClassifier view = new NetworkClassifier(network);
        return new EmotionClassifier() {
            @Override
            public List<EmotionScores> classify(List<float[]> faces) {
                return view.classify(faces);
            }

            @Override
            public String name() {
                return file.getFileName().toString();
            }

            @Override
            public void close() {
                network.close();
            }
        };
    }
}
