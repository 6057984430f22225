package io.emolens.classify;

import java.util.List;
import java.util.Map;

import io.emolens.core.Emotion;
import io.emolens.preprocess.FaceTensor;

/**
 * What a saved model is, stored as {@code NAME.json} beside {@code NAME.zip}; the loader refuses a model whose
 * labels, input size or normalization differ from what Emolens feeds it. JSON keys are snake_case.
 *
 * @param formatVersion  1
 * @param labels         class labels in output order (must be FER2013 order)
 * @param inputSize      face side in pixels (48)
 * @param normalization  pixel mapping ({@link FaceTensor#NORMALIZATION})
 * @param architecture   architecture name ({@code default}, {@code seed})
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
 */
public record ModelMetadata(int formatVersion, List<String> labels, int inputSize, String normalization, String architecture,
                            long parameters, long flopsPerFace, String data, String dataChecksum, int epochsRun, int bestEpoch,
                            double trainSeconds, Map<String, Double> accuracy, Map<String, Double> macroF1,
                            Map<String, Object> training, String created, Map<String, String> versions) {

    public static final int FORMAT_VERSION = 1;

    /** Problems that make the model unusable by Emolens, empty when it fits. */
    public List<String> incompatibilities() {
        java.util.ArrayList<String> problems = new java.util.ArrayList<>();
        if (!Emotion.labels().equals(labels)) {
            problems.add("labels are " + labels + ", expected FER2013 order " + Emotion.labels());
        }
        if (inputSize != FaceTensor.SIZE) {
            problems.add("input size is " + inputSize + ", expected " + FaceTensor.SIZE);
        }
        if (!FaceTensor.NORMALIZATION.equals(normalization)) {
            problems.add("normalization is '" + normalization + "', expected '" + FaceTensor.NORMALIZATION + "'");
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
