package io.emolens.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The capture cameras of a Linux machine, by name, from sysfs ({@code /sys/class/video4linux/videoN/name}). A UVC
 * webcam makes two nodes, one that captures and one for metadata that cannot stream; only capture nodes are listed.
 * Whether a node captures comes from udev's probe ({@code ID_V4L_CAPABILITIES=:capture:} in
 * {@code /run/udev/data/c81:MINOR}, written by v4l_id for every video node); where udev left no record, from the
 * node's {@code index} attribute (0 for the first node of a device, the one UVC and most drivers stream on). Without
 * sysfs (a container), the {@code /dev/video*} nodes are listed by number.
 */
public final class CameraCatalog {
    private static final Pattern VIDEO_NODE = Pattern.compile("video(\\d+)");
    private final Path sysClass;
    private final Path udevData;
    private final Path devDir;

    /** @param sysClass {@code /sys/class/video4linux}; @param udevData {@code /run/udev/data}; @param devDir {@code /dev} */
    public CameraCatalog(Path sysClass, Path udevData, Path devDir) {
        this.sysClass = sysClass;
        this.udevData = udevData;
        this.devDir = devDir;
    }

    /** This machine's. */
    public static CameraCatalog system() {
        return new CameraCatalog(Path.of("/sys/class/video4linux"), Path.of("/run/udev/data"), Path.of("/dev"));
    }

    /** Where the device nodes live, for messages. */
    public Path devDir() {
        return devDir;
    }

    /** The capture cameras, by index. */
    public List<CameraDevice> cameras() {
        List<CameraDevice> out = new ArrayList<>();
        if (Files.isDirectory(sysClass)) {
            for (int index : nodes(sysClass)) {
                Path node = sysClass.resolve("video" + index);
                if (captures(node)) {
                    out.add(new CameraDevice(index, read(node.resolve("name")).orElse("Camera " + index), "video" + index));
                }
            }
        } else {
            for (int index : nodes(devDir)) {
                out.add(new CameraDevice(index, "Camera " + index, "video" + index));
            }
        }
        out.sort(Comparator.comparingInt(CameraDevice::index));
        return out;
    }

    private boolean captures(Path node) {
        Optional<String> udev = read(node.resolve("dev")).flatMap(dev -> read(udevData.resolve("c" + dev)));
        if (udev.isPresent()) {
            for (String line : udev.get().split("\n")) {
                if (line.startsWith("E:ID_V4L_CAPABILITIES=")) {
                    return line.contains(":capture:");
                }
            }
        }
        return read(node.resolve("index")).map(i -> i.equals("0")).orElse(true);
    }

    private static List<Integer> nodes(Path dir) {
        List<Integer> found = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir)) {
            entries.forEach(p -> {
                Matcher m = VIDEO_NODE.matcher(p.getFileName().toString());
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

    private static Optional<String> read(Path file) {
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip()).filter(s -> !s.isEmpty());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
