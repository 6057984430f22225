package io.emolens.ui;

import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import javax.imageio.ImageIO;
import javax.swing.SwingUtilities;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.emolens.secret.NoSecretStore;
import io.emolens.secret.StreamPasswords;
import io.emolens.TestFiles;
import io.emolens.app.AppPaths;
import io.emolens.app.Main;
import io.emolens.app.Wiring;
import io.emolens.core.Emotion;
import io.emolens.core.VideoFrame;
import io.emolens.detect.DetectorConfig;
import io.emolens.source.CameraDevice;
import io.emolens.source.FrameSource;
import io.emolens.source.FrameSourceFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real window on a machine without a camera, under Xvfb (skipped where there is no display). */
class MainWindowSmokeTest {
    private static final StreamPasswords NO_KEYRING = new StreamPasswords(new NoSecretStore("a test"));
    private final Preferences node = Preferences.userRoot().node("io/emolens-test/" + System.nanoTime());

    @AfterEach
    void removePreferences() throws BackingStoreException {
        node.removeNode();
    }

    @Test
    void playsTheDemoClipWithOverlayAndReleasesItOnClose(@TempDir Path noDevices) throws Exception {
        Assumptions.assumeFalse(GraphicsEnvironment.isHeadless(), "needs a display: run under xvfb-run");
        List<ClosingSource> opened = new CopyOnWriteArrayList<>();
        FrameSourceFactory real = TestFiles.sourcesWithoutCameras(noDevices);
        FrameSourceFactory recording = new FrameSourceFactory() {
            @Override
            public FrameSource open(Path path) {
                ClosingSource s = new ClosingSource(real.open(path));
                opened.add(s);
                return s;
            }

            @Override
            public FrameSource camera(int index) {
                return real.camera(index);
            }

            @Override
            public List<CameraDevice> cameras() {
                return real.cameras();
            }
        };
        AppPaths paths = new AppPaths(TestFiles.repo());
        Wiring wiring = new Wiring(paths, DetectorConfig.DEFAULT, Main.modelLoader());
        DesktopServices services = new DesktopServices(recording, wiring, paths.demoClip(), noDevices.resolve("models"), wiring.trainer(), noDevices,
                paths.models(), NO_KEYRING);
        AtomicBoolean closed = new AtomicBoolean();
        MainWindow[] window = new MainWindow[1];
        SwingUtilities.invokeAndWait(() -> {
            Themes.apply(true);
            window[0] = new MainWindow(services, new UiPreferences(node), () -> closed.set(true));
            window[0].show();
        });
        long deadline = System.currentTimeMillis() + 60_000;
        while ((window[0].framesShown() < 30 || !onEdt(() -> window[0].status().modelText()).startsWith("Model: "))
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(window[0].framesShown() >= 30, "frames advance: " + window[0].framesShown());
        assertEquals("Model: " + AppPaths.DEFAULT_MODEL, onEdt(() -> window[0].status().modelText()), "the shipped model is loaded at start");
        long withModel = window[0].framesShown();
        assertFramesAdvance(window[0], withModel, 30, deadline, "with the model");
        BufferedImage shot = latestFrameWithAFace(window[0], deadline,
                img -> Arrays.stream(Emotion.values()).mapToInt(e -> countColour(img, e.rgb())).sum() > 100);
        ImageIO.write(shot, "png", TestFiles.repo().resolve("target/smoke-window.png").toFile());
        assertTrue(onEdt(() -> window[0].status().sourceText()).contains("demo"));
        assertTrue(onEdt(() -> window[0].status().messageText()).contains("No camera found"));
        assertTrue(distinctColours(shot) > 1000, "the video is drawn, not a blank panel");
        int emotionColoured = Arrays.stream(Emotion.values()).mapToInt(e -> countColour(shot, e.rgb())).sum();
        assertTrue(emotionColoured > 100, "box, label and bars are drawn in emotion colours: " + emotionColoured + " pixels");

        SwingUtilities.invokeAndWait(() -> window[0].applyDetector(new DetectorConfig(1.2, 3, 1000, 640)));
        long strict = window[0].framesShown();
        while ((window[0].framesShown() < strict + 20 || !onEdt(() -> window[0].status().facesText()).equals("0 faces"))
                && System.currentTimeMillis() < deadline + 30_000) {
            Thread.sleep(100);
        }
        assertTrue(window[0].framesShown() >= strict + 20, "frames advance with the strict detector: " + (window[0].framesShown() - strict));
        assertEquals("0 faces", onEdt(() -> window[0].status().facesText()), "no face in a 640x360 clip is 1000 px wide");
        assertEquals(1000, new UiPreferences(node).detector().minFaceSize(), "face detection settings are remembered");
        SwingUtilities.invokeAndWait(() -> window[0].applyDetector(DetectorConfig.DEFAULT));

        SwingUtilities.invokeAndWait(() -> window[0].detectionOnly());
        long detectionOnly = window[0].framesShown();
        assertFramesAdvance(window[0], detectionOnly, 30, deadline + 30_000, "detection only");
        BufferedImage plain = latestFrameWithAFace(window[0], deadline + 30_000, img -> countColour(img, 0x26C6DA) > 50);
        ImageIO.write(plain, "png", TestFiles.repo().resolve("target/smoke-window-no-model.png").toFile());
        assertEquals(ModelController.NO_MODEL, onEdt(() -> window[0].status().modelText()));
        assertTrue(countColour(plain, 0x26C6DA) > 50, "without a model, face boxes are drawn in the no-model colour");

        SwingUtilities.invokeAndWait(() -> window[0].quit());
        assertTrue(closed.get());
        assertFalse(window[0].isPipelineRunning());
        assertFalse(opened.isEmpty());
        assertTrue(opened.stream().allMatch(s -> s.closed), "every opened source was released");
        assertEquals(false, window[0].frame().isDisplayable());
    }

    /**
     * The panel's current image once the overlay shows at least one face drawn as {@code drawn} expects (labels come
     * from the analysis thread, so the first frames after a model change may still lack them).
     */
    private static BufferedImage latestFrameWithAFace(MainWindow window, long deadline, java.util.function.Predicate<BufferedImage> drawn)
            throws Exception {
        BufferedImage[] shot = new BufferedImage[1];
        while (shot[0] == null && System.currentTimeMillis() < deadline) {
            SwingUtilities.invokeAndWait(() -> {
                if (!window.status().facesText().trim().startsWith("0 ")) {
                    BufferedImage img = window.snapshot();
                    shot[0] = drawn.test(img) ? img : null;
                }
            });
            Thread.sleep(50);
        }
        if (shot[0] == null) {
            throw new AssertionError("no frame with a face was shown");
        }
        return shot[0];
    }

    /** Waits until {@code count} frames more than {@code from} were shown, or {@code deadline}, and asserts they were. */
    private static void assertFramesAdvance(MainWindow window, long from, int count, long deadline, String what) throws InterruptedException {
        while (window.framesShown() < from + count && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(window.framesShown() >= from + count, "frames advance " + what + ": " + (window.framesShown() - from) + " of " + count);
    }

    private static String onEdt(java.util.function.Supplier<String> value) throws Exception {
        String[] out = new String[1];
        SwingUtilities.invokeAndWait(() -> out[0] = value.get());
        return out[0];
    }

    private static int distinctColours(BufferedImage image) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                colours.add(image.getRGB(x, y) & 0xFFFFFF);
            }
        }
        return colours.size();
    }

    private static int countColour(BufferedImage image, int rgb) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int c = image.getRGB(x, y) & 0xFFFFFF;
                if (Math.abs(((c >> 16) & 255) - ((rgb >> 16) & 255)) < 12 && Math.abs(((c >> 8) & 255) - ((rgb >> 8) & 255)) < 12
                        && Math.abs((c & 255) - (rgb & 255)) < 12) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Wraps a real source to observe that the window closes it. */
    private static final class ClosingSource implements FrameSource {
        private final FrameSource inner;
        volatile boolean closed;

        ClosingSource(FrameSource inner) {
            this.inner = inner;
        }

        @Override
        public Optional<VideoFrame> next() {
            return inner.next();
        }

        @Override
        public String description() {
            return inner.description();
        }

        @Override
        public double frameRate() {
            return inner.frameRate();
        }

        @Override
        public boolean isLive() {
            return inner.isLive();
        }

        @Override
        public void close() {
            inner.close();
            closed = true;
        }
    }
}
