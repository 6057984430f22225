package io.emolens.classify;

import java.util.List;

import io.emolens.core.EmotionScores;

/**
 * Scores faces prepared by the preprocessor ({@link io.emolens.preprocess.FaceTensor} layout); all faces
 * of a frame go in one call so the network runs one batch. Owns its native model: close it.
 */
public interface EmotionClassifier extends AutoCloseable {

    /** One score vector per input, in input order; an empty list for no faces. */
    List<EmotionScores> classify(List<float[]> faces);

    /** A short name for the status bar and summaries, e.g. the model file name. */
    String name();

    @Override
    void close();
}
