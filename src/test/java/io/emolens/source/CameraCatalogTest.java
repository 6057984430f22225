package io.emolens.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The camera menu on a laptop with a USB webcam and an IR camera, as sysfs and udev describe them (the files and
 * values a Logitech C920 and a ThinkPad's IR camera create): only capture nodes, by name; the remembered camera is
 * found again after a replug renumbers it.
 */
class CameraCatalogTest {
    @TempDir
    Path root;

    private CameraCatalog catalog() {
        return new FakeSysfs(root).catalog();
    }

    private void node(int n, String name, int index, String capabilities) throws IOException {
        new FakeSysfs(root).node(n, name, index, capabilities);
    }

    @Test
    void listsOnlyCaptureNodesByTheNameTheDeviceGives() throws IOException {
        node(0, "Integrated Camera: Integrated C", 0, ":capture:");
        node(1, "Integrated Camera: Integrated C", 1, ":");
        node(2, "Integrated Camera: Integrated I", 0, ":capture:");
        node(3, "Integrated Camera: Integrated I", 1, ":");
        node(4, "HD Pro Webcam C920", 0, ":capture:");
        node(5, "HD Pro Webcam C920", 1, ":");
        assertEquals(List.of("Integrated Camera: Integrated C (video0)", "Integrated Camera: Integrated I (video2)", "HD Pro Webcam C920 (video4)"),
                catalog().cameras().stream().map(CameraDevice::label).toList());
        assertEquals(List.of(0, 2, 4), catalog().cameras().stream().map(CameraDevice::index).toList());
    }

    @Test
    void withoutUdevsRecordTheFirstNodeOfADeviceIsTheCaptureNode() throws IOException {
        node(0, "HD Pro Webcam C920", 0, null);
        node(1, "HD Pro Webcam C920", 1, null);
        assertEquals(List.of(new CameraDevice(0, "HD Pro Webcam C920", "video0")), catalog().cameras());
    }

    @Test
    void theRememberedCameraSurvivesRenumberingAfterAReplug() throws IOException {
        node(0, "Integrated Camera: Integrated C", 0, ":capture:");
        node(1, "Integrated Camera: Integrated C", 1, ":");
        node(2, "HD Pro Webcam C920", 0, ":capture:");
        node(3, "HD Pro Webcam C920", 1, ":");
        String remembered = catalog().cameras().get(1).key();
        assertEquals("HD Pro Webcam C920|video2", remembered);

        Files.move(root.resolve("sys"), root.resolve("sys-before"));
        Files.move(root.resolve("dev"), root.resolve("dev-before"));
        Files.move(root.resolve("run"), root.resolve("run-before"));
        node(0, "Integrated Camera: Integrated C", 0, ":capture:");
        node(1, "Integrated Camera: Integrated C", 1, ":");
        node(4, "HD Pro Webcam C920", 0, ":capture:");
        node(5, "HD Pro Webcam C920", 1, ":");
        List<CameraDevice> now = catalog().cameras();
        assertEquals(Optional.of(new CameraDevice(4, "HD Pro Webcam C920", "video4")), CameraDevice.find(remembered, now));
        assertEquals(Optional.of(now.get(0)), CameraDevice.find("0", now), "what older versions remembered: an index");
        assertEquals(Optional.empty(), CameraDevice.find("Logitech BRIO|video6", now), "a camera no longer plugged in");
    }

    @Test
    void twoCamerasOfOneModelAreToldApartByTheirNode() throws IOException {
        node(0, "HD Pro Webcam C920", 0, ":capture:");
        node(2, "HD Pro Webcam C920", 0, ":capture:");
        List<CameraDevice> now = catalog().cameras();
        assertEquals(Optional.of(now.get(1)), CameraDevice.find("HD Pro Webcam C920|video2", now));
    }

    @Test
    void noSysfsListsTheDeviceNodesByNumber() throws IOException {
        Files.createDirectories(root.resolve("dev"));
        Files.createFile(root.resolve("dev/video1"));
        Files.createFile(root.resolve("dev/tty0"));
        assertEquals(List.of(new CameraDevice(1, "Camera 1", "video1")), catalog().cameras());
    }
}
