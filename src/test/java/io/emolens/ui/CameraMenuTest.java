package io.emolens.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.swing.JMenu;
import javax.swing.JMenuItem;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.emolens.source.FakeSysfs;
import io.emolens.source.CameraDevice;

/** File → Camera on a laptop (built-in camera and IR camera) with a USB webcam, each with a metadata node, as sysfs shows them. */
class CameraMenuTest {
    @Test
    void listsExactlyTheCaptureCamerasByNameThenTheSettings(@TempDir Path root) throws IOException {
        FakeSysfs sysfs = new FakeSysfs(root);
        String[] names = {"Integrated Camera: Integrated C", "Integrated Camera: Integrated I", "HD Pro Webcam C920"};
        for (int n = 0; n < 6; n++) {
            sysfs.node(n, names[n / 2], n % 2, null);
        }
        List<CameraDevice> cameras = sysfs.catalog().cameras();
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
