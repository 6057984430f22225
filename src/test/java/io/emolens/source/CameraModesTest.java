package io.emolens.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.emolens.TestFiles;
import io.emolens.core.EmolensException;

/**
 * Modes as a Logitech C920 lists them to {@code ffmpeg -f v4l2 -list_formats all} (YUYV to 2304x1536, H.264 and MJPEG
 * to 1920x1080), what the settings dialog offers from them, and the negotiation with a camera that refuses a mode.
 */
class CameraModesTest {
    private static final String C920 = """
            [video4linux2,v4l2 @ 0x5581c0a0f600] Raw       :     yuyv422 :           YUYV 4:2:2 : 640x480 160x90 160x120 176x144 320x180 320x240 352x288 432x240 640x360 800x448 800x600 864x480 960x720 1024x576 1280x720 1600x896 1920x1080 2304x1296 2304x1536
            [video4linux2,v4l2 @ 0x5581c0a0f600] Compressed:       h264 :                H.264 : 640x480 160x90 160x120 176x144 320x180 320x240 352x288 432x240 640x360 800x448 800x600 864x480 960x720 1024x576 1280x720 1600x896 1920x1080
            [video4linux2,v4l2 @ 0x5581c0a0f600] Compressed:      mjpeg :          Motion-JPEG : 640x480 160x90 160x120 176x144 320x180 320x240 352x288 432x240 640x360 800x448 800x600 864x480 960x720 1024x576 1280x720 1600x896 1920x1080
            /dev/video0: Immediate exit requested
            """;

    @Test
    void readsEveryFormatAndSizeTheCameraLists() {
        List<CameraMode> listed = CameraModes.parse(C920, 30);
        assertEquals(19 + 17 + 17, listed.size());
        assertEquals(new CameraMode(640, 480, 30, "yuyv422"), listed.get(0));
        assertEquals(new CameraMode(1920, 1080, 30, "mjpeg"), listed.get(listed.size() - 1));
    }

    @Test
    void leavesOutStepwiseRangesItCannotNameASizeFor() {
        assertEquals(List.of(), CameraModes.parse("[video4linux2,v4l2 @ 0x1] Raw       :     yuyv422 :  YUYV 4:2:2 : {32-1280, 8}x{32-720, 8}", 30));
    }

    @Test
    void offersEachSizeOnceMjpegAbove640x480AndRawAtOrBelow() {
        List<CameraMode> offered = CameraMode.offered(CameraModes.parse(C920, 30), 30);
        assertEquals(19, offered.size());
        assertEquals(new CameraMode(2304, 1536, 30, "yuyv422"), offered.get(0), "no MJPEG at that size: raw");
        assertTrue(offered.contains(new CameraMode(1280, 720, 30, "mjpeg")));
        assertTrue(offered.contains(new CameraMode(1920, 1080, 30, "mjpeg")));
        assertTrue(offered.contains(new CameraMode(640, 480, 30, "yuyv422")));
        assertTrue(offered.contains(new CameraMode(320, 240, 30, "yuyv422")));
        assertFalse(offered.stream().anyMatch(m -> m.format().equals("h264")));
        assertEquals("1280x720 MJPEG, 30 fps", new CameraMode(1280, 720, 30, "mjpeg").label());
    }

    @Test
    void aModeIsRememberedAndReadBack() {
        CameraMode mode = new CameraMode(1280, 720, 29.97, "mjpeg");
        assertEquals("1280x720@29.97/mjpeg", mode.key());
        assertEquals(Optional.of(mode), CameraMode.parse(mode.key()));
        assertEquals(Optional.empty(), CameraMode.parse("720p"));
    }

    /** A camera that streams the demo clip at its default mode and takes only the modes it has. */
    private static final class FakeCamera implements CameraNegotiation.Device {
        final List<CameraMode> has;
        final List<String> opened = new ArrayList<>();

        FakeCamera(List<CameraMode> has) {
            this.has = has;
        }

        @Override
        public FrameSource open(CameraMode mode) {
            if (!has.contains(mode)) {
                throw new EmolensException("HD Pro Webcam C920 (video0) refused " + mode.label() + " (Invalid argument)");
            }
            opened.add(mode.key());
            return new DefaultFrameSourceFactory().open(TestFiles.demoClip());
        }

        @Override
        public FrameSource openDefault() {
            opened.add("default");
            return new DefaultFrameSourceFactory().open(TestFiles.demoClip());
        }
    }

    @Test
    void aModeTheCameraHasIsOpenedAsAsked() {
        FakeCamera camera = new FakeCamera(CameraModes.parse(C920, 30));
        try (FrameSource s = CameraNegotiation.open(Optional.of(new CameraMode(1280, 720, 30, "mjpeg")), camera)) {
            assertTrue(s.next().isPresent());
            assertEquals(Optional.empty(), s.notice());
        }
        assertEquals(List.of("1280x720@30/mjpeg"), camera.opened);
    }

    @Test
    void aRefusedModeFallsBackToTheDefaultAndSaysWhy() {
        FakeCamera camera = new FakeCamera(CameraModes.parse(C920, 30));
        try (FrameSource s = CameraNegotiation.open(Optional.of(new CameraMode(3840, 2160, 30, "mjpeg")), camera)) {
            assertTrue(s.next().isPresent(), "the default mode plays");
            assertEquals(Optional.of("HD Pro Webcam C920 (video0) refused 3840x2160 MJPEG, 30 fps (Invalid argument); opened at its default mode"
                    + " instead."), s.notice());
        }
        assertEquals(List.of("default"), camera.opened);
    }

    @Test
    void noModeChosenOpensTheDefault() {
        FakeCamera camera = new FakeCamera(List.of());
        try (FrameSource s = CameraNegotiation.open(Optional.empty(), camera)) {
            assertEquals(Optional.empty(), s.notice());
        }
        assertEquals(List.of("default"), camera.opened);
    }
}
