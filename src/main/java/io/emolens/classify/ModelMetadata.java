package io.emolens.classify;

import java.util.List;
import java.util.Map;

import io.emolens.core.Emotion;
import io.emolens.preprocess.FaceTensor;
import io.emolens.preprocess.InputSpec;
import io.emolens.preprocess.Normalization;

/**
 * What a saved model is, stored as {@code NAME.json} beside {@code NAME.zip}; the loader refuses a model whose
 * labels, input size or normalization Emolens cannot feed. JSON keys are snake_case.
 *
 * @param formatVersion  1
 * @param labels         class labels in the model's output order: the seven emotions, FER2013 order for trained
 *                       models, any order for imported ones ({@link LabelOrder})
 * @param inputSize      face side in pixels (48 for trained models, {@link InputSpec} range for imported ones)
 * @param normalization  pixel mapping ({@link Normalization#metadataValue()}, e.g. {@link FaceTensor#NORMALIZATION})
 * @param architecture   architecture name ({@code default}, {@code seed}, {@code keras:<file>})
 * @param parameters     trainable parameters
 * @param flopsPerFace   forward FLOPs per face
 * @param data           training data file or folder name
 * @param dataChecksum   SHA-256 of the training data
 * @param epochsRun      epochs trained
 * @param bestEpoch      the epoch whose weights these are
 * @param trainSeconds   summed epoch wall time
 * @param accuracy       accuracy per split name (Training sample, PublicTest, PrivateTest)
 * @param macroF1        macro-F1 per split name
 * @param training       the training settings
 * @param created        ISO-8601 time of saving
 * @param versions       emolens, deeplearning4j and java versions
 * @param keras          where an imported Keras model came from, null for trained models
 */
public record ModelMetadata(int formatVersion, List<String> labels, int inputSize, String normalization, String architecture,
                            long parameters, long flopsPerFace, String data, String dataChecksum, int epochsRun, int bestEpoch,
                            double trainSeconds, Map<String, Double> accuracy, Map<String, Double> macroF1,
                            Map<String, Object> training, String created, Map<String, String> versions, KerasSource keras) {

    public static final int FORMAT_VERSION = 1;

    /** Metadata of a model Emolens trained (no Keras source). */
    public ModelMetadata(int formatVersion, List<String> labels, int inputSize, String normalization, String architecture,
                         long parameters, long flopsPerFace, String data, String dataChecksum, int epochsRun, int bestEpoch,
                         double trainSeconds, Map<String, Double> accuracy, Map<String, Double> macroF1,
                         Map<String, Object> training, String created, Map<String, String> versions) {
        this(formatVersion, labels, inputSize, normalization, architecture, parameters, flopsPerFace, data, dataChecksum,
                epochsRun, bestEpoch, trainSeconds, accuracy, macroF1, training, created, versions, null);
    }

    /** What the preprocessor makes for this model: input size, channels and normalization. */
    public InputSpec inputSpec() {
        return new InputSpec(inputSize, keras == null ? 1 : keras.inputChannels(), Normalization.parse(normalization));
    }

    /** Problems that make the model unusable by Emolens, empty when it fits. */
    public List<String> incompatibilities() {
        java.util.ArrayList<String> problems = new java.util.ArrayList<>();
        if (keras == null && !Emotion.labels().equals(labels)) {
            problems.add("labels are " + labels + ", expected FER2013 order " + Emotion.labels());
        } else if (keras != null) {
            try {
                LabelOrder.of(labels);
            } catch (RuntimeException e) {
                problems.add(e.getMessage());
            }
        }
        if (keras == null && inputSize != FaceTensor.SIZE) {
            problems.add("input size is " + inputSize + ", expected " + FaceTensor.SIZE);
        }
        if (keras == null && !FaceTensor.NORMALIZATION.equals(normalization)) {
            problems.add("normalization is '" + normalization + "', expected '" + FaceTensor.NORMALIZATION + "'");
        }
        if (keras != null) {
            try {
                inputSpec();
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        if (formatVersion != FORMAT_VERSION) {
            problems.add("format version " + formatVersion + " is not supported (expected " + FORMAT_VERSION + ")");
        }
        return problems;
    }

    /** PrivateTest accuracy, or NaN when not recorded. */
    public double privateTestAccuracy() {
        Double a = accuracy == null ? null : accuracy.get("PrivateTest");
        return a == null ? Double.NaN : a;
    }
}
