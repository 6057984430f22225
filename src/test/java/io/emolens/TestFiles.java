package io.emolens;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

import java.awt.image.BufferedImage;

import io.emolens.source.CameraCatalog;
import io.emolens.source.DefaultFrameSourceFactory;
import io.emolens.source.FrameSource;

/** Locations of committed test inputs and shipped files. */
public final class TestFiles {
    private TestFiles() {
    }

    public static Path resource(String name) {
        try {
            return Path.of(TestFiles.class.getResource("/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test resource " + name, e);
        }
    }

    /** The repository root (where pom.xml is). */
    public static Path repo() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("pom.xml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("pom.xml not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    /** A photo from src/test/resources/faces/, decoded as a frame. */
    public static BufferedImage photo(String name) {
        try (FrameSource s = new DefaultFrameSourceFactory().open(resource("faces/" + name))) {
            return s.next().orElseThrow().image();
        }
    }

    public static Path cascade() {
        return repo().resolve("haarcascades/haarcascade_frontalface_alt2.xml");
    }

    public static Path demoClip() {
        return repo().resolve("demo/demo.mp4");
    }

    /** Sources as the app opens them, on a machine with no camera (an empty device folder under {@code dir}, no sysfs). */
    public static DefaultFrameSourceFactory sourcesWithoutCameras(Path dir) {
        return new DefaultFrameSourceFactory(new CameraCatalog(dir.resolve("no-sysfs"), dir.resolve("no-udev"), dir));
    }
}
