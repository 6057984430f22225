package io.emolens.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

import io.emolens.classify.EmotionClassifier;
import io.emolens.classify.ModelLoader;
import io.emolens.detect.DetectorConfig;
import io.emolens.detect.DetectorSettings;
import io.emolens.detect.FaceDetector;
import io.emolens.detect.HaarFaceDetector;
import io.emolens.detect.SwitchingFaceDetector;
import io.emolens.detect.YunetConfig;
import io.emolens.detect.YunetFaceDetector;
import io.emolens.pipeline.ClassifyPolicy;
import io.emolens.pipeline.FrameAnalyzer;
import io.emolens.preprocess.FacePreprocessor;
import io.emolens.preprocess.RegisteredFacePreprocessor;
import io.emolens.session.AnalyzerFactory;
import io.emolens.track.TrackerConfig;
import io.emolens.train.TrainServices;
import io.emolens.train.Trainer;

/** The one place where concrete stages are chosen and put together. */
public final class Wiring implements AnalyzerFactory {
    private final Supplier<AppPaths> paths;
    private final DetectorSettings detectorConfig;
    private final ModelLoader modelLoader;
    private boolean startWhateverIsMissing;

    public Wiring(AppPaths paths, DetectorSettings detectorConfig, ModelLoader modelLoader) {
        this(() -> paths, detectorConfig, modelLoader);
    }

    /** Locates the app's files on first use, so commands that need none (train, evaluate) work anywhere. */
    public Wiring(Supplier<AppPaths> paths, DetectorSettings detectorConfig, ModelLoader modelLoader) {
        AppPaths[] located = new AppPaths[1];
        this.paths = () -> {
            if (located[0] == null) {
                located[0] = paths.get();
            }
            return located[0];
        };
        this.detectorConfig = detectorConfig;
        this.modelLoader = modelLoader;
    }

    @Override
    public FrameAnalyzer create(EmotionClassifier classifier, TrackerConfig tracker, ClassifyPolicy policy) {
        return create(classifier, tracker, policy, detectorConfig);
    }

    /**
     * The desktop app's wiring: a detector that cannot be built (a damaged install) falls back to the other kind, or to
     * none, with the reason in the status bar, instead of failing as {@code analyze} must.
     */
    public Wiring forDesktop() {
        startWhateverIsMissing = true;
        return this;
    }

    @Override
    public FrameAnalyzer create(EmotionClassifier classifier, TrackerConfig tracker, ClassifyPolicy policy, DetectorSettings detector) {
        return new FrameAnalyzer(faces(detector), preprocessor(), classifier, tracker, policy);
    }

    private SwitchingFaceDetector faces(DetectorSettings detector) {
        return startWhateverIsMissing ? SwitchingFaceDetector.lenient(this::detector, detector)
                : new SwitchingFaceDetector(this::detector, detector);
    }

    @Override
    public FrameAnalyzer createLive(EmotionClassifier classifier, DetectorSettings detector) {
        DetectorSettings settings = detector != null ? detector : detectorConfig;
        SwitchingFaceDetector follow = faces(settings);
        try {
            return new FrameAnalyzer(follow, faces(settings), preprocessor(), classifier,
                    TrackerConfig.DEFAULT, ClassifyPolicy.LIVE);
        } catch (RuntimeException e) {
            follow.close();
            throw e;
        }
    }

    /** Every detector's faces framed as FER2013 frames its faces (docs/MODEL.md, "Crop geometry"). */
    @Override
    public FacePreprocessor preprocessor() {
        return RegisteredFacePreprocessor.fer2013();
    }

    @Override
    public FaceDetector detector(DetectorSettings settings) {
        if (settings instanceof YunetConfig yunet) {
            return new YunetFaceDetector(paths.get().yunetModel(), yunet);
        }
        return new HaarFaceDetector(paths.get().cascade(), (DetectorConfig) settings);
    }


    /** The training service over the classify package's architectures and model store. */
    public Trainer trainer() {
        return new Trainer(TrainServices.networks(), TrainServices.exporter());
    }

    @Override
    public EmotionClassifier loadModel(Path model) {
        return modelLoader.load(model);
    }

    @Override
    public Optional<Path> defaultModel() {
        Path model = paths.get().defaultModel();
        return Files.isRegularFile(model) ? Optional.of(model) : Optional.empty();
    }
}
