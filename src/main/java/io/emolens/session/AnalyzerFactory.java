package io.emolens.session;

import java.nio.file.Path;
import java.util.Optional;

import io.emolens.classify.EmotionClassifier;
import io.emolens.pipeline.ClassifyPolicy;
import io.emolens.pipeline.FrameAnalyzer;
import io.emolens.track.TrackerConfig;

/** Builds analyzers from the app's configured detector, preprocessor and models; implemented where the app is wired. */
public interface AnalyzerFactory {

    /** A new analyzer that owns a new detector and the given classifier (null = detection only). */
    FrameAnalyzer create(EmotionClassifier classifier, TrackerConfig tracker, ClassifyPolicy policy);

    /** Loads {@code model}; throws {@link io.emolens.core.EmolensException} saying what is wrong with it. */
    EmotionClassifier loadModel(Path model);

    /** The shipped default model file, if present. */
    Optional<Path> defaultModel();
}
