package io.emolens.classify;

import java.util.List;

import io.emolens.core.EmotionScores;
import io.emolens.preprocess.InputSpec;

/**
 * Scores faces prepared by the preprocessor for its {@link #inputSpec()}; all faces
 * of a frame go in one call so the network runs one batch. Owns its native model: close it.
 */
public interface EmotionClassifier extends AutoCloseable {

    /** One score vector per input, in input order; an empty list for no faces. */
    List<EmotionScores> classify(List<float[]> faces);

    /** The input this classifier takes per face (Emolens's own models: {@link InputSpec#DEFAULT}). */
    default InputSpec inputSpec() {
        return InputSpec.DEFAULT;
    }

    /** A short name for the status bar and summaries, e.g. the model file name. */
    String name();

    @Override
    void close();
}
