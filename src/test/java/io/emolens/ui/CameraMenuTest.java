package io.emolens.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.swing.JMenu;
import javax.swing.JMenuItem;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.emolens.source.CameraCatalog;
import io.emolens.source.CameraDevice;

/** File → Camera on a laptop (built-in camera and IR camera) with a USB webcam, each with a metadata node, as sysfs shows them. */
class CameraMenuTest {
    @Test
    void listsExactlyTheCaptureCamerasByNameThenTheSettings(@TempDir Path root) throws IOException {
        String[][] nodes = {{"Integrated Camera: Integrated C", "0"}, {"Integrated Camera: Integrated C", "1"},
                {"Integrated Camera: Integrated I", "0"}, {"Integrated Camera: Integrated I", "1"}, {"HD Pro Webcam C920", "0"},
                {"HD Pro Webcam C920", "1"}};
        for (int n = 0; n < nodes.length; n++) {
            Path sys = Files.createDirectories(root.resolve("sys/video" + n));
            Files.writeString(sys.resolve("name"), nodes[n][0] + "\n");
            Files.writeString(sys.resolve("index"), nodes[n][1] + "\n");
            Files.writeString(sys.resolve("dev"), "81:" + n + "\n");
        }
        List<CameraDevice> cameras = new CameraCatalog(root.resolve("sys"), root.resolve("no-udev"), root.resolve("dev")).cameras();
        JMenu menu = new JMenu("Camera");
        List<CameraDevice> opened = new ArrayList<>();
        Menus.fillCameras(menu, cameras, opened::add, () -> { });
        List<String> items = new ArrayList<>();
        for (int i = 0; i < menu.getItemCount(); i++) {
            JMenuItem item = menu.getItem(i);
            items.add(item == null ? "---" : item.getText());
        }
        assertEquals(List.of("Integrated Camera: Integrated C (video0)", "Integrated Camera: Integrated I (video2)", "HD Pro Webcam C920 (video4)",
                "---", "Camera settings…"), items);
        menu.getItem(2).doClick();
        assertEquals(List.of(new CameraDevice(4, "HD Pro Webcam C920", "video4")), opened);
    }

    @Test
    void noCameraIsSaid() {
        JMenu menu = new JMenu("Camera");
        Menus.fillCameras(menu, List.of(), c -> { }, () -> { });
        assertEquals(1, menu.getItemCount());
        assertEquals("No camera found", menu.getItem(0).getText());
        assertEquals(false, menu.getItem(0).isEnabled());
    }
}
