package io.emolens.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import io.emolens.core.EmolensException;

/**
 * Opens files by kind (image extensions → still image, folder → its images sorted by name, anything else →
 * video) and cameras by index. Cameras are listed by name, capture devices only ({@link CameraCatalog}), so a machine
 * without one gets "no camera found" at once instead of after OpenCV's long timeout.
 */
public final class DefaultFrameSourceFactory implements FrameSourceFactory {
    /** Image file extensions opened as stills. */
    public static final Set<String> IMAGE_EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp", "tif", "tiff", "webp", "pgm", "ppm");
    private final CameraCatalog cameras;

    public DefaultFrameSourceFactory() {
        this(CameraCatalog.system());
    }

    /** @param cameras where cameras are looked up (a fake sysfs tree in tests) */
    public DefaultFrameSourceFactory(CameraCatalog cameras) {
        this.cameras = cameras;
    }

    @Override
    public FrameSource open(Path path) {
        if (Files.isDirectory(path)) {
            List<Path> images = imagesIn(path);
            if (images.isEmpty()) {
                throw new EmolensException("The folder " + path + " contains no images (" + String.join(", ", sorted(IMAGE_EXTENSIONS)) + ").");
            }
            return new ImageFilesSource(images, path.getFileName() + "/ (" + images.size() + " images)");
        }
        if (!Files.exists(path)) {
            throw new EmolensException("File not found: " + path);
        }
        if (isImage(path)) {
            return new ImageFilesSource(List.of(path), path.getFileName().toString());
        }
        return new VideoFileSource(path);
    }

    @Override
    public FrameSource openRange(Path video, long fromMs, long toMs) {
        if (fromMs < 0 || toMs < 0 || toMs > 0 && toMs <= fromMs) {
            throw new IllegalArgumentException("bad range " + fromMs + ".." + toMs + " ms");
        }
        if (!Files.exists(video)) {
            throw new EmolensException("File not found: " + video);
        }
        return new VideoFileSource(video, fromMs, toMs);
    }

    @Override
    public FrameSource stream(StreamUrl url) {
        return new NetworkStreamSource(url);
    }

    @Override
    public FrameSource camera(int index) {
        present(index);
        return CameraSource.atDefault(index, "Camera " + index);
    }

    @Override
    public FrameSource camera(CameraDevice camera, Optional<CameraMode> mode) {
        present(camera.index());
        if (!isLinux()) {
            return CameraSource.atDefault(camera.index(), camera.label());
        }
        return CameraNegotiation.open(mode, new CameraNegotiation.Device() {
            @Override
            public FrameSource open(CameraMode m) {
                return CameraSource.inMode(camera, m);
            }

            @Override
            public FrameSource openDefault() {
                return CameraSource.atDefault(camera.index(), camera.label());
            }
        });
    }

    @Override
    public List<CameraMode> modes(CameraDevice camera, double fps) {
        return isLinux() ? CameraMode.offered(CameraModes.list(camera.node(), fps), fps) : List.of();
    }

    private void present(int index) {
        if (!isLinux()) {
            return;
        }
        List<CameraDevice> present = cameras();
        if (present.isEmpty()) {
            throw new EmolensException("No camera found (no capture device among " + this.cameras.devDir()
                    + "/video*). Open a video or image file instead, or the demo clip.");
        }
        if (present.stream().noneMatch(c -> c.index() == index)) {
            throw new EmolensException("Camera " + index + " not found; cameras present: "
                    + String.join(", ", present.stream().map(CameraDevice::label).toList()) + ".");
        }
    }

    @Override
    public List<CameraDevice> cameras() {
        if (!isLinux()) {
            return List.of(new CameraDevice(0, "Default camera", "0"));
        }
        return cameras.cameras();
    }

    static boolean isImage(Path path) {
        String name = path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot >= 0 && IMAGE_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static List<Path> imagesIn(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isRegularFile).filter(DefaultFrameSourceFactory::isImage).sorted().toList();
        } catch (IOException e) {
            throw new EmolensException("Cannot list folder " + dir + ": " + e.getMessage(), e);
        }
    }

    private static List<String> sorted(Set<String> s) {
        return s.stream().sorted().toList();
    }

    private static boolean isLinux() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
    }
}
