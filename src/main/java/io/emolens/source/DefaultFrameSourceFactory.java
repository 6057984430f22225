package io.emolens.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.emolens.core.EmolensException;

/**
 * Opens files by kind (image extensions → still image, folder → its images sorted by name, anything else →
 * video) and cameras by index. Cameras are found through {@code /dev/video*} on Linux, so a machine without
 * one gets "no camera found" at once instead of after OpenCV's long timeout.
 */
public final class DefaultFrameSourceFactory implements FrameSourceFactory {
    /** Image file extensions opened as stills. */
    public static final Set<String> IMAGE_EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp", "tif", "tiff", "webp", "pgm", "ppm");
    private static final Pattern VIDEO_DEVICE = Pattern.compile("video(\\d+)");
    private final Path deviceDir;

    public DefaultFrameSourceFactory() {
        this(Path.of("/dev"));
    }

    /** @param deviceDir where camera device nodes live (for tests; {@code /dev} in the app) */
    public DefaultFrameSourceFactory(Path deviceDir) {
        this.deviceDir = deviceDir;
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
    public FrameSource stream(StreamUrl url) {
        return new NetworkStreamSource(url);
    }

    @Override
    public FrameSource camera(int index) {
        if (isLinux()) {
            List<Integer> present = cameras();
            if (present.isEmpty()) {
                throw new EmolensException("No camera found (no " + deviceDir + "/video* device). Open a video or image file instead, or the demo clip.");
            }
            if (!present.contains(index)) {
                throw new EmolensException("Camera " + index + " not found; cameras present: " + present + ".");
            }
        }
        return new CameraSource(index);
    }

    @Override
    public List<Integer> cameras() {
        if (!isLinux()) {
            return List.of(0);
        }
        List<Integer> found = new ArrayList<>();
        try (Stream<Path> entries = Files.list(deviceDir)) {
            entries.forEach(p -> {
                Matcher m = VIDEO_DEVICE.matcher(p.getFileName().toString());
                if (m.matches()) {
                    found.add(Integer.parseInt(m.group(1)));
                }
            });
        } catch (IOException e) {
            return List.of();
        }
        found.sort(null);
        return found;
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
