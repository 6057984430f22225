package io.emolens.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.emolens.TestFiles;
import io.emolens.core.EmolensException;
import io.emolens.core.VideoFrame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FrameSourceTest {
    private final DefaultFrameSourceFactory factory = new DefaultFrameSourceFactory();

    @Test
    void decodesEveryFrameOfTheDemoClipInOrder() {
        List<VideoFrame> frames = new ArrayList<>();
        try (FrameSource clip = factory.open(TestFiles.demoClip())) {
            assertFalse(clip.isLive());
            assertEquals(29.97, clip.frameRate(), 0.01);
            Optional<VideoFrame> f;
            while ((f = clip.next()).isPresent()) {
                frames.add(f.get());
            }
        }
        assertEquals(210, frames.size(), "ffprobe counts 210 frames");
        assertEquals(640, frames.get(0).width());
        assertEquals(360, frames.get(0).height());
        for (int i = 1; i < frames.size(); i++) {
            assertEquals(i, frames.get(i).index());
            assertTrue(frames.get(i).timeMs() > frames.get(i - 1).timeMs());
            assertTrue(frames.get(i).image() != frames.get(i - 1).image(), "each frame owns its pixels");
        }
        assertEquals(6973, frames.get(209).timeMs(), 40);
    }

    @Test
    void aFolderYieldsItsImagesSortedByName(@TempDir Path dir) throws IOException {
        Files.copy(TestFiles.resource("faces/two_people.jpg"), dir.resolve("b.jpg"));
        Files.copy(TestFiles.resource("faces/astronaut.png"), dir.resolve("a.png"));
        Files.writeString(dir.resolve("notes.txt"), "not an image");
        try (FrameSource folder = factory.open(dir)) {
            assertEquals(2, folder.frameCount());
            assertEquals("a.png", folder.next().orElseThrow().source());
            assertEquals("b.jpg", folder.next().orElseThrow().source());
            assertTrue(folder.next().isEmpty());
        }
    }

    @Test
    void badInputsFailWithAMessageNamingTheFile(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("nope.mp4");
        assertMessage(() -> factory.open(missing), "File not found", "nope.mp4");
        Path text = Files.writeString(dir.resolve("clip.mp4"), "this is not a video");
        assertMessage(() -> factory.open(text), "Cannot read", "clip.mp4");
        Path brokenImage = Files.writeString(dir.resolve("photo.jpg"), "not a jpeg");
        try (FrameSource s = factory.open(brokenImage)) {
            assertMessage(s::next, "Cannot decode", "photo.jpg");
        }
        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertMessage(() -> factory.open(empty), "contains no images", "empty");
    }

    @Test
    void noCameraIsReportedAtOnce(@TempDir Path fakeDev) {
        DefaultFrameSourceFactory noCameras = TestFiles.sourcesWithoutCameras(fakeDev);
        assertEquals(List.of(), noCameras.cameras());
        long start = System.nanoTime();
        assertMessage(() -> noCameras.camera(0), "No camera found", "demo clip");
        assertTrue(System.nanoTime() - start < 2_000_000_000L, "no 11 s OpenCV timeout");
    }

    @Test
    void listsCameraDevices(@TempDir Path fakeDev) throws IOException {
        Files.createFile(fakeDev.resolve("video2"));
        Files.createFile(fakeDev.resolve("video0"));
        Files.createFile(fakeDev.resolve("tty0"));
        DefaultFrameSourceFactory two = new DefaultFrameSourceFactory(new CameraCatalog(fakeDev.resolve("no-sysfs"), fakeDev, fakeDev));
        assertEquals(List.of(new CameraDevice(0, "Camera 0", "video0"), new CameraDevice(2, "Camera 2", "video2")), two.cameras());
        assertMessage(() -> two.camera(1), "Camera 1 not found", "Camera 0 (video0), Camera 2 (video2)");
    }

    @Test
    void aClosedSourceRefusesToRead() {
        FrameSource clip = factory.open(TestFiles.demoClip());
        clip.close();
        clip.close();
        assertThrows(IllegalStateException.class, clip::next);
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable action, String... parts) {
        EmolensException e = assertThrows(EmolensException.class, action);
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "message '" + e.getMessage() + "' should mention " + p);
        }
    }
}
