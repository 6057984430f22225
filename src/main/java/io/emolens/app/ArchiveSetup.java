package io.emolens.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import io.emolens.archive.ExecutorSetup;
import io.emolens.classify.EmotionClassifier;
import io.emolens.classify.ModelStore;
import io.emolens.detect.DetectorSettings;
import io.emolens.detect.YunetConfig;
import io.emolens.pipeline.ClassifyPolicy;
import io.emolens.pipeline.FrameAnalyzer;
import io.emolens.source.DefaultFrameSourceFactory;
import io.emolens.source.FrameSourceFactory;
import io.emolens.track.TrackerConfig;

/**
 * How an archive's executors build the analyzer {@code analyze} uses: the same {@link Wiring} over a home folder that
 * holds the shipped cascade, YuNet network and model. Paths are kept as strings, so the setup serializes.
 *
 * @param home     the driver's Emolens home (where the cascade and YuNet's network are)
 * @param detector the detector and its settings
 * @param model    the driver's model file, or null for detection only
 */
record ArchiveSetup(String home, DetectorSettings detector, String model) implements ExecutorSetup {
    private static final String MODEL_DIR = "archive-model";

    static ArchiveSetup of(AppPaths paths, DetectorSettings detector, Path model) {
        return new ArchiveSetup(paths.home().toAbsolutePath().toString(), detector, model == null ? null : model.toAbsolutePath().toString());
    }

    @Override
    public Map<String, Path> files() {
        AppPaths driver = new AppPaths(Path.of(home));
        Map<String, Path> files = new LinkedHashMap<>();
        put(files, driver.home(), driver.cascade());
        if (detector instanceof YunetConfig) {
            put(files, driver.home(), driver.yunetModel());
        }
        if (model != null) {
            Path zip = Path.of(model);
            files.put(MODEL_DIR + "/" + zip.getFileName(), zip);
            Path json = ModelStore.metadataFile(zip);
            if (Files.isRegularFile(json)) {
                files.put(MODEL_DIR + "/" + json.getFileName(), json);
            }
        }
        return files;
    }

    private static void put(Map<String, Path> files, Path home, Path file) {
        files.put(home.relativize(file).toString(), file);
    }

    @Override
    public FrameAnalyzer analyzer(Path executorHome) {
        Wiring wiring = new Wiring(new AppPaths(executorHome), detector, Main.modelLoader());
        EmotionClassifier classifier = model == null ? null
                : wiring.loadModel(executorHome.resolve(MODEL_DIR).resolve(Path.of(model).getFileName().toString()));
        try {
            return wiring.create(classifier, TrackerConfig.UNSMOOTHED, ClassifyPolicy.EVERY_FACE, detector);
        } catch (RuntimeException e) {
            if (classifier != null) {
                classifier.close();
            }
            throw e;
        }
    }

    @Override
    public FrameSourceFactory sources() {
        return new DefaultFrameSourceFactory();
    }

    @Override
    public String describe() {
        return (model == null ? "no model (detection only)" : "model " + Path.of(model).getFileName()) + ", detector " + detector.describe();
    }
}
