package io.emolens.train;

import java.nio.file.Files;
import java.nio.file.Path;

import io.emolens.classify.EmotionClassifier;
import io.emolens.core.EmolensException;

/**
 * Creates the concrete network factory, model exporter and model loader used by the CLI and the UI, over
 * the classify package's architectures and model store.
 */
public final class TrainServices {
    private TrainServices() {
    }

    public static NetworkFactory networks() {
        return config -> {
            throw new EmolensException("architecture '" + config.architecture() + "' is not available in this build yet");
        };
    }

    public static ModelExporter exporter() {
        return (network, info, runDir) -> {
            throw new EmolensException("model export is not available in this build yet");
        };
    }

    /**
     * A classifier for {@code model}: a model file, or a training run folder, whose best epoch is used. The
     * caller closes it.
     */
    public static EmotionClassifier classifier(Path model) {
        if (Files.isDirectory(model)) {
            RunFolder run = new RunFolder(model);
            if (!run.hasState() || run.readState().best() == null) {
                throw new EmolensException(model.toAbsolutePath() + " is a folder but not a training run with a completed epoch");
            }
            return checkpointClassifier(run.file(run.readState().best()));
        }
        if (!Files.isRegularFile(model)) {
            throw new EmolensException("model not found: " + model.toAbsolutePath() + ". Give --model FILE or a run folder.");
        }
        return checkpointClassifier(model);
    }

    private static EmotionClassifier checkpointClassifier(Path file) {
        TrainingNetwork network = TrainingNetwork.load(file);
        NetworkClassifier view = new NetworkClassifier(network);
        return new EmotionClassifier() {
            @Override
            public java.util.List<io.emolens.core.EmotionScores> classify(java.util.List<float[]> faces) {
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
