package io.emolens.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.emolens.source.CameraMode;

/** What the settings dialog's two lists turn into: the offered mode of the size picked, at the rate picked, or the default. */
class CameraSettingsDialogTest {
    private static final List<CameraMode> OFFERED = List.of(new CameraMode(1920, 1080, 30, "mjpeg"), new CameraMode(1280, 720, 30, "mjpeg"),
            new CameraMode(640, 480, 30, "yuyv422"));

    @Test
    void aSizeAndARateMakeTheModeAskedFor() {
        assertEquals("1280x720 MJPEG", CameraSettingsDialog.sizeLabel(OFFERED.get(1)));
        assertEquals(Optional.of(new CameraMode(1280, 720, 15, "mjpeg")), CameraSettingsDialog.chosen(OFFERED, "1280x720 MJPEG", 15));
        assertEquals(Optional.of(new CameraMode(640, 480, 30, "yuyv422")), CameraSettingsDialog.chosen(OFFERED, "640x480 YUYV", 30));
    }

    @Test
    void theCamerasDefaultIsNoMode() {
        assertEquals(Optional.empty(), CameraSettingsDialog.chosen(OFFERED, CameraSettingsDialog.DEFAULT, 30));
    }
}
