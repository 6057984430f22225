package io.emolens.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A fake sysfs/udev/dev tree under a folder, with video nodes as a webcam's driver and udev's v4l_id create them. */
public final class FakeSysfs {
    private final Path root;

    public FakeSysfs(Path root) {
        this.root = root;
    }

    /** The catalog that reads this tree. */
    public CameraCatalog catalog() {
        return new CameraCatalog(root.resolve("sys/class/video4linux"), root.resolve("run/udev/data"), root.resolve("dev"));
    }

    /** One video node: its sysfs name, index and dev numbers, and (if {@code capabilities} is not null) udev's record. */
    public void node(int n, String name, int index, String capabilities) throws IOException {
        Path sys = Files.createDirectories(root.resolve("sys/class/video4linux/video" + n));
        Files.writeString(sys.resolve("name"), name + "\n");
        Files.writeString(sys.resolve("index"), index + "\n");
        Files.writeString(sys.resolve("dev"), "81:" + n + "\n");
        Files.createDirectories(root.resolve("dev"));
        Files.createFile(root.resolve("dev/video" + n));
        if (capabilities != null) {
            Path udev = Files.createDirectories(root.resolve("run/udev/data"));
            Files.writeString(udev.resolve("c81:" + n), "I:4412000\nE:ID_V4L_VERSION=2\nE:ID_V4L_PRODUCT=" + name
                    + "\nE:ID_V4L_CAPABILITIES=" + capabilities + "\nG:uaccess\n");
        }
    }
}
