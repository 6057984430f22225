package io.emolens.session;

import java.nio.file.Path;
import java.util.Optional;

import io.emolens.classify.EmotionClassifier;
import io.emolens.core.EmolensException;
import io.emolens.detect.DetectorSettings;
import io.emolens.detect.FaceDetector;
import io.emolens.pipeline.ClassifyPolicy;
import io.emolens.pipeline.FrameAnalyzer;
import io.emolens.preprocess.FacePreprocessor;
import io.emolens.track.TrackerConfig;

/** Builds analyzers from the app's configured detector, preprocessor and models; implemented where the app is wired. */
public interface AnalyzerFactory {

    /** A new analyzer that owns a new detector and the given classifier (null = detection only). */
    FrameAnalyzer create(EmotionClassifier classifier, TrackerConfig tracker, ClassifyPolicy policy);

    /**
     * A new analyzer whose detector starts with {@code detector} (Haar or YuNet settings) and can switch kind later;
     * throws {@link io.emolens.core.EmolensException} naming the file when that detector cannot be loaded.
     */
    FrameAnalyzer create(EmotionClassifier classifier, TrackerConfig tracker, ClassifyPolicy policy, DetectorSettings detector);

    /**
     * A live analyzer ({@link TrackerConfig#DEFAULT}, {@link ClassifyPolicy#LIVE}) with a second detector, so that
     * whole-frame scans run on their own thread while the analysis follows known faces ({@code LivePipeline});
     * {@code detector} null: the configured settings.
     */
    FrameAnalyzer createLive(EmotionClassifier classifier, DetectorSettings detector);

    /** A new face detector of the kind the settings are for; EmolensException naming the file that cannot be loaded. */
    FaceDetector detector(DetectorSettings settings);

    /** Why a detector with these settings cannot be built (e.g. the YuNet model file is missing or broken), if so. */
    default Optional<String> detectorProblem(DetectorSettings settings) {
        try (FaceDetector probe = detector(settings)) {
            return Optional.empty();
        } catch (EmolensException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** The crop every analyzer uses: what the model sees of a detected face, also recorded and exported. */
    FacePreprocessor preprocessor();

    /** Loads {@code model}; throws {@link io.emolens.core.EmolensException} saying what is wrong with it. */
    EmotionClassifier loadModel(Path model);

    /** The shipped default model file, if present. */
    Optional<Path> defaultModel();
}
