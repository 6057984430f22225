package io.emolens.app;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.emolens.core.EmolensException;

/**
 * Where Emolens finds its shipped files ({@code haarcascades/}, {@code models/}, {@code demo/}): the folder
 * given by {@code -Demolens.home}, else the folder above the jar (the repository when run as
 * {@code java -jar target/emolens.jar}), else the working directory.
 */
public record AppPaths(Path home) {
    public static final String CASCADE = "haarcascade_frontalface_alt2.xml";
    public static final String DEFAULT_MODEL = "emolens-default.zip";
    public static final String YUNET_MODEL = "face_detection_yunet_2023mar.onnx";

    public static AppPaths locate() {
        List<Path> candidates = new ArrayList<>();
        String property = System.getProperty("emolens.home");
        if (property != null) {
            candidates.add(Path.of(property));
        }
        jarDirectory().ifPresent(dir -> {
            candidates.add(dir);
            if (dir.getParent() != null) {
                candidates.add(dir.getParent());
            }
        });
        candidates.add(Path.of("").toAbsolutePath());
        for (Path c : candidates) {
            if (Files.isDirectory(c.resolve("haarcascades"))) {
                return new AppPaths(c.toAbsolutePath().normalize());
            }
        }
        throw new EmolensException("Cannot find the haarcascades/ folder (looked in " + candidates
                + "). Run Emolens from its folder or pass -Demolens.home=<folder>.");
    }

    public Path cascade() {
        return home.resolve("haarcascades").resolve(CASCADE);
    }

    public Path models() {
        return home.resolve("models");
    }

    /** YuNet's ONNX file, in its own subfolder so that the emotion model list does not show it. */
    public Path yunetModel() {
        return models().resolve("yunet").resolve(YUNET_MODEL);
    }

    public Path defaultModel() {
        return models().resolve(DEFAULT_MODEL);
    }

    public Path demoClip() {
        return home.resolve("demo").resolve("demo.mp4");
    }

    private static Optional<Path> jarDirectory() {
        try {
            Path location = Path.of(AppPaths.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Optional.ofNullable(location.getParent());
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
