package io.emolens.train;

import java.nio.file.Files;
import java.nio.file.Path;

import io.emolens.classify.Architectures;
import io.emolens.classify.EmotionClassifier;
import io.emolens.classify.ModelMetadata;
import io.emolens.classify.ModelStore;
import io.emolens.classify.NetworkConfig;
import io.emolens.core.BuildInfo;
import io.emolens.core.Emotion;
import io.emolens.eval.Evaluation;
import io.emolens.preprocess.FaceTensor;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import io.emolens.core.EmolensException;

/**
 * Creates the concrete network factory, model exporter and model loader used by the CLI and the UI, over
 * the classify package's architectures and model store.
 */
public final class TrainServices {
    /** File name of the exported model inside a run folder ({@code model.zip} + {@code model.json}). */
    public static final String MODEL_FILE = "model.zip";

    private TrainServices() {
    }

    public static NetworkFactory networks() {
        return config -> {
            try {
                return Architectures.build(config.architecture(),
                        new NetworkConfig(config.learningRate(), config.l2(), config.dropout(), config.convDropout(), config.seed()));
            } catch (IllegalArgumentException e) {
                throw new EmolensException(e.getMessage());
            }
        };
    }

    /**
     * Saves the best network as {@code RUN_DIR/model.zip} with {@code model.json} metadata, which names the data by
     * its file name and checksum (not a path of this machine).
     */
    public static ModelExporter exporter() {
        return (network, info, runDir) -> {
            if (!(network instanceof MultiLayerNetwork mln)) {
                throw new EmolensException("only MultiLayerNetwork models can be exported, got " + network.getClass().getSimpleName());
            }
            Architectures.Cost cost = Architectures.cost(mln.getLayerWiseConfigurations());
            Map<String, Double> accuracy = perSplit(info, Evaluation::accuracy);
            Map<String, Double> macroF1 = perSplit(info, Evaluation::macroF1);
            Map<String, Object> training = training(info);
            ModelMetadata metadata = new ModelMetadata(ModelMetadata.FORMAT_VERSION, Emotion.labels(), FaceTensor.SIZE,
                    FaceTensor.NORMALIZATION, info.config().architecture(), cost.parameters(), cost.flopsPerFace(), EnsembleMembers.fileName(info.data()),
                    info.dataChecksum(), info.epochsRun(), info.bestEpoch(), info.trainSeconds(), accuracy, macroF1, training,
                    Instant.now().toString(), versions());
            Path zip = runDir.resolve(MODEL_FILE);
            new ModelStore().save(mln, metadata, zip);
            return zip;
        };
    }

    /** A metric of the kept epoch per split, keyed as model metadata names the splits. */
    static Map<String, Double> perSplit(ModelExporter.Info info, java.util.function.ToDoubleFunction<Evaluation> metric) {
        Map<String, Double> out = new LinkedHashMap<>();
        info.evaluations().forEach((split, e) -> out.put(split.equals("Training sample") ? "Training" : split, metric.applyAsDouble(e)));
        return out;
    }

    /** The training settings model metadata records, and the averaged epochs when the weights are their mean. */
    static Map<String, Object> training(ModelExporter.Info info) {
        TrainConfig c = info.config();
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("max_epochs", c.maxEpochs());
        training.put("batch_size", c.batchSize());
        training.put("learning_rate", c.learningRate());
        training.put("l2", c.l2());
        training.put("dropout", Double.isNaN(c.dropout()) ? "architecture" : c.dropout());
        training.put("patience", c.patience());
        training.put("augment", c.augment().toString());
        training.put("class_weights", c.classWeights());
        training.put("seed", c.seed());
        if (!info.averaged().isEmpty()) {
            training.put("averaged_epochs", info.averaged());
        }
        return training;
    }

    static Map<String, String> versions() {
        Map<String, String> v = new LinkedHashMap<>();
        BuildInfo build = BuildInfo.current();
        v.put("emolens", build.version());
        v.put("deeplearning4j", build.deeplearning4j());
        v.put("java", System.getProperty("java.version"));
        return v;
    }

    /**
     * A classifier for {@code model}: a model file, or a training run folder, whose best epoch is used. The
     * caller closes it.
     */
    public static EmotionClassifier classifier(Path model) {
        if (Files.isDirectory(model) && Files.isRegularFile(model.resolve(MODEL_FILE))) {
            return new ModelStore().load(model.resolve(MODEL_FILE));
        }
        if (Files.isRegularFile(model) && Files.isRegularFile(ModelStore.metadataFile(model))) {
            return new ModelStore().load(model);
        }
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
