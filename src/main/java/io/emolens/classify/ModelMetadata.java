package io.emolens.classify;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.emolens.core.Emotion;
import io.emolens.preprocess.FaceTensor;

/**
 * What a saved model is and where it came from, stored as JSON next to the network
 * ({@code models/NAME.json} beside {@code models/NAME.zip}); {@link ModelFiles} refuses a model whose
 * labels, input size or normalization differ from what Emolens feeds it.
 *
 * @param formatVersion  {@link #FORMAT_VERSION} when written
 * @param architecture   architecture name, e.g. {@code default}
 * @param labels         class labels in output order; must equal FER2013 order
 * @param inputSize      face side in pixels; must equal {@link FaceTensor#SIZE}
 * @param normalization  input normalization; must equal {@link FaceTensor#NORMALIZATION}
 * @param dataSha256     SHA-256 of the training data file, or "" when unknown
 * @param epochs         epochs trained
 * @param accuracy       accuracy per split name (e.g. Training, PublicTest, PrivateTest), in [0, 1]
 * @param created        ISO-8601 instant the model was saved
 * @param versions       software versions, e.g. emolens, deeplearning4j
 */
public record ModelMetadata(int formatVersion, String architecture, List<String> labels, int inputSize,
                            String normalization, String dataSha256, int epochs, Map<String, Double> accuracy,
                            String created, Map<String, String> versions) {

    public static final int FORMAT_VERSION = 1;

    public ModelMetadata {
        labels = labels == null ? List.of() : List.copyOf(labels);
        accuracy = accuracy == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(accuracy));
        versions = versions == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(versions));
        dataSha256 = dataSha256 == null ? "" : dataSha256;
        created = created == null ? "" : created;
    }

    /** Metadata for a network Emolens just trained, with the current input conventions and versions. */
    public static ModelMetadata of(String architecture, String dataSha256, int epochs, Map<String, Double> accuracy) {
        return new ModelMetadata(FORMAT_VERSION, architecture, Emotion.labels(), FaceTensor.SIZE,
                FaceTensor.NORMALIZATION, dataSha256, epochs, accuracy, Instant.now().toString(), Versions.current());
    }

    /** Problems that make this model unusable by Emolens, each a sentence; empty when it is usable. */
    public List<String> problems() {
        var out = new java.util.ArrayList<String>();
        if (formatVersion < 1 || formatVersion > FORMAT_VERSION) {
            out.add("format version is " + formatVersion + ", this Emolens reads 1 to " + FORMAT_VERSION);
        }
        if (!Emotion.labels().equals(labels)) {
            out.add("labels are " + labels + ", expected FER2013 order " + Emotion.labels());
        }
        if (inputSize != FaceTensor.SIZE) {
            out.add("input size is " + inputSize + ", expected " + FaceTensor.SIZE);
        }
        if (!FaceTensor.NORMALIZATION.equals(normalization)) {
            out.add("normalization is '" + normalization + "', expected '" + FaceTensor.NORMALIZATION + "'");
        }
        if (architecture == null || architecture.isBlank()) {
            out.add("architecture is missing");
        }
        for (var e : accuracy.entrySet()) {
            if (!(e.getValue() >= 0 && e.getValue() <= 1)) {
                out.add("accuracy of " + e.getKey() + " is " + e.getValue() + ", expected a fraction in [0, 1]");
            }
        }
        return out;
    }
}
