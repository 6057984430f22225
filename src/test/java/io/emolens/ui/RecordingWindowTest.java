package io.emolens.ui;

import java.awt.Color;
import java.awt.GraphicsEnvironment;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import javax.imageio.ImageIO;
import javax.swing.JComponent;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;

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
import io.emolens.data.Fer2013CsvReader;
import io.emolens.data.ReadOptions;
import io.emolens.detect.DetectorConfig;
import io.emolens.record.LabelSegment;
import io.emolens.session.AgreementReport;
import io.emolens.session.RecordedSession;
import io.emolens.session.SessionInfo;
import io.emolens.source.CameraDevice;
import io.emolens.source.DefaultFrameSourceFactory;
import io.emolens.source.FrameSource;
import io.emolens.source.FrameSourceFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real window under Xvfb on the demo clip: Ctrl+R starts recording, keys 4 (Happy) and 5 (Sad) label it,
 * 0 clears, Ctrl+R stops; the session folder is then reopened in the review window, played and exported.
 * Keys go through Swing's own key-binding dispatch (menu accelerators included), so no window focus is needed.
 */
class RecordingWindowTest {
    private static final StreamPasswords NO_KEYRING = new StreamPasswords(new NoSecretStore("a test"));
    private final Preferences node = Preferences.userRoot().node("io/emolens-test/" + System.nanoTime());

    @AfterEach
    void removePreferences() throws BackingStoreException {
        node.removeNode();
    }

    @Test
    void recordsWithKeyLabelsAndReviewsTheSession(@TempDir Path tmp) throws Exception {
        Assumptions.assumeFalse(GraphicsEnvironment.isHeadless(), "needs a display: run under xvfb-run");
        AppPaths paths = new AppPaths(TestFiles.repo());
        Wiring wiring = new Wiring(paths, DetectorConfig.DEFAULT, Main.modelLoader());
        DefaultFrameSourceFactory sources = TestFiles.sourcesWithoutCameras(tmp);
        DesktopServices services = new DesktopServices(sources, wiring, paths.demoClip(), tmp.resolve("models"), wiring.trainer(), tmp, paths.models(), NO_KEYRING);
        UiPreferences prefs = new UiPreferences(node);
        Path sessions = tmp.resolve("sessions");
        prefs.sessionsFolder(sessions.toString());
        MainWindow[] window = new MainWindow[1];
        SwingUtilities.invokeAndWait(() -> {
            Themes.apply(true);
            window[0] = new MainWindow(services, prefs, () -> { });
            window[0].show();
        });
        MainWindow w = window[0];
        waitFor(() -> w.framesShown() >= 10, 30_000, "frames advance");
        waitFor(() -> onEdt(() -> w.status().modelText()).startsWith("Model: "), 30_000, "the shipped model loads");
        waitFor(() -> !onEdt(() -> w.status().facesText()).trim().startsWith("0 "), 60_000,
                "the analysis, on its own thread, finds the performer");

        press(w, KeyEvent.VK_R, InputEvent.CTRL_DOWN_MASK);
        waitFor(() -> onEdt(() -> w.recording().isRecording()), 10_000, "Ctrl+R starts recording");
        Path recording = onEdt(() -> w.recording().folder()).orElseThrow();
        press(w, KeyEvent.VK_4, 0);
        long happyFrom = System.nanoTime();
        Thread.sleep(1500);
        // a loaded machine analyzes few frames a second: each label is held until crops of it were saved
        waitFor(() -> dataLines(recording.resolve("crops.csv")) >= 2, 60_000, "face crops saved while Happy is held");
        press(w, KeyEvent.VK_5, 0);
        long sadFrom = System.nanoTime();
        long before = dataLines(recording.resolve("crops.csv"));
        Thread.sleep(1200);
        waitFor(() -> dataLines(recording.resolve("crops.csv")) >= before + 2, 60_000, "face crops saved while Sad is held");
        BufferedImage shot = onEdt(w::snapshot);
        String statusText = onEdt(() -> w.status().recordingText());
        ImageIO.write(shot, "png", TestFiles.repo().resolve("target/recording-window.png").toFile());
        press(w, KeyEvent.VK_0, 0);
        long clearedAt = System.nanoTime();
        Thread.sleep(500);
        Path folder = onEdt(() -> w.recording().folder()).orElseThrow();
        waitFor(() -> Files.readAllLines(folder.resolve("faces.csv")).size() > 3, 60_000,
                "shown frames carry the analysis thread's faces into faces.csv");
        press(w, KeyEvent.VK_R, InputEvent.CTRL_DOWN_MASK);
        waitFor(() -> Files.readString(folder.resolve("session.json")).contains("\"complete\""), 20_000, "Ctrl+R stops and finalizes");

        assertTrue(statusText.matches(".*REC \\d\\d:\\d\\d.*") && statusText.contains("You: Sad"), statusText);
        Color red = UIManager.getColor("Actions.Red");
        assertTrue(count(shot, red.getRGB()) > 100, "the REC badge is on the video");
        assertTrue(count(shot, Emotion.SAD.rgb()) > 100, "the Sad label badge is on the video");

        RecordedSession s = RecordedSession.open(folder);
        assertEquals(folder.getParent(), sessions, "recorded into the remembered sessions folder");
        SessionInfo info = s.info();
        assertEquals("demo.mp4", info.source());
        assertTrue(info.frames() >= 5, "frames recorded over ~3 s, even on a loaded machine: " + info.frames());
        assertTrue(s.faces().size() >= 3, "face rows: " + s.faces().size());
        List<LabelSegment> labels = s.labels();
        assertEquals(List.of(Emotion.HAPPY, Emotion.SAD), labels.stream().map(LabelSegment::label).toList());
        assertEquals(labels.get(0).endMs(), labels.get(1).startMs(), "pressing 5 ends Happy where Sad starts");
        long happyMs = (sadFrom - happyFrom) / 1_000_000;
        long sadMs = (clearedAt - sadFrom) / 1_000_000;
        assertEquals(happyMs, labels.get(0).durationMs(), 400.0, "Happy lasted as long as it was held");
        assertEquals(sadMs, labels.get(1).durationMs(), 400.0, "0 ended Sad");
        assertTrue(labels.get(1).endMs() < info.durationMs());
        long decoded;
        try (FrameSource video = sources.open(folder.resolve("annotated.mp4"))) {
            decoded = 0;
            while (video.next().isPresent()) {
                decoded++;
            }
        }
        assertEquals(info.frames() - info.droppedFrames(), decoded, "every frame not dropped is in the video");

        ReviewWindow[] review = new ReviewWindow[1];
        SwingUtilities.invokeAndWait(() -> {
            review[0] = new ReviewWindow(w.frame(), s, AgreementReport.of(s), sources);
            review[0].show();
            review[0].togglePlay();
        });
        waitFor(() -> review[0].playback().framesShown() >= 10, 20_000, "the review plays the video");
        assertEquals(2, onEdt(() -> review[0].timeline().bands()), "one band per label segment");
        long scoredRows = s.faces().stream().filter(f -> f.scores().isPresent()).count();
        assertTrue(scoredRows >= 3, "the shipped model scored the recorded faces: " + scoredRows);
        int plotted = onEdt(() -> review[0].timeline().points());
        assertTrue(plotted > 0 && plotted <= scoredRows, "the timeline plots the shown face's scored rows: " + plotted + " of " + scoredRows);
        Path fer = tmp.resolve("mine.csv");
        SwingUtilities.invokeAndWait(() -> review[0].export(fer));
        waitFor(() -> onEdt(() -> review[0].messageText()).startsWith("Exported"), 60_000, "export finishes");
        var data = new Fer2013CsvReader().read(fer, ReadOptions.STRICT);
        assertTrue(data.faces().size() >= 3, "labeled crops exported: " + data.faces().size());
        assertTrue(data.faces().stream().allMatch(f -> f.emotion() == Emotion.HAPPY || f.emotion() == Emotion.SAD));
        BufferedImage reviewShot = onEdt(() -> {
            JComponent c = (JComponent) review[0].dialog().getContentPane();
            BufferedImage img = new BufferedImage(c.getWidth(), c.getHeight(), BufferedImage.TYPE_INT_RGB);
            c.printAll(img.getGraphics());
            return img;
        });
        ImageIO.write(reviewShot, "png", TestFiles.repo().resolve("target/review-window.png").toFile());

        SwingUtilities.invokeAndWait(() -> review[0].dialog().dispose());
        waitFor(() -> !review[0].playback().isPlaying(), 5_000, "closing the review stops playback");
        SwingUtilities.invokeAndWait(w::quit);
        assertFalse(w.isPipelineRunning());
    }

    @Test
    void losingTheSourceStopsTheRecordingWithAMessageAndKeepsIt(@TempDir Path tmp) throws Exception {
        Assumptions.assumeFalse(GraphicsEnvironment.isHeadless(), "needs a display: run under xvfb-run");
        AppPaths paths = new AppPaths(TestFiles.repo());
        Wiring wiring = new Wiring(paths, DetectorConfig.DEFAULT, Main.modelLoader());
        DefaultFrameSourceFactory real = TestFiles.sourcesWithoutCameras(tmp);
        FrameSourceFactory unplugging = new FrameSourceFactory() {
            @Override
            public FrameSource open(Path path) {
                return new UnpluggedAfter(real.open(path), 200);
            }

            @Override
            public FrameSource camera(int index) {
                return real.camera(index);
            }

            @Override
            public List<CameraDevice> cameras() {
                return List.of();
            }
        };
        DesktopServices services = new DesktopServices(unplugging, wiring, paths.demoClip(), tmp.resolve("models"), wiring.trainer(), tmp, paths.models(), NO_KEYRING);
        UiPreferences prefs = new UiPreferences(node);
        prefs.sessionsFolder(tmp.resolve("sessions").toString());
        MainWindow[] window = new MainWindow[1];
        SwingUtilities.invokeAndWait(() -> {
            Themes.apply(true);
            window[0] = new MainWindow(services, prefs, () -> { });
            window[0].show();
        });
        MainWindow w = window[0];
        waitFor(() -> w.framesShown() >= 3, 30_000, "frames advance");
        SwingUtilities.invokeAndWait(() -> w.recording().recordAction().actionPerformed(null));
        waitFor(() -> onEdt(() -> w.recording().isRecording()), 10_000, "the toolbar's Record starts recording");
        Path folder = onEdt(() -> w.recording().folder()).orElseThrow();
        waitFor(() -> onEdt(() -> !w.recording().isRecording()), 60_000, "the lost source stops the recording");
        waitFor(() -> Files.readString(folder.resolve("session.json")).contains("\"failed\""), 20_000, "finalized as failed");
        assertTrue(Files.readString(folder.resolve("session.json")).contains("demo.mp4 was lost: Camera unplugged"),
                "session.json names the lost source and why");
        waitFor(() -> onEdt(() -> w.status().messageText()).contains("frames"), 10_000, "the status bar reports the saved session");
        String message = onEdt(() -> w.status().messageText());
        assertTrue(message.startsWith("Recording stopped because demo.mp4 stopped (Camera unplugged") && message.contains(folder.toString()),
                message);
        RecordedSession s = RecordedSession.open(folder);
        assertTrue(s.info().frames() >= 1 && s.info().frames() <= 200, "frames kept: " + s.info().frames());
        waitFor(() -> onEdt(() -> w.sources().lostDialog() != null && w.sources().lostDialog().isShowing()), 10_000,
                "a dialog that does not block the window offers Reconnect");
        assertFalse(onEdt(() -> w.sources().lostDialog().isModal()));
        long before = w.framesShown();
        SwingUtilities.invokeAndWait(() -> {
            javax.swing.JOptionPane pane = (javax.swing.JOptionPane) w.sources().lostDialog().getContentPane().getComponent(0);
            pane.setValue("Reconnect");
        });
        waitFor(() -> w.framesShown() >= before + 3, 30_000, "Reconnect plays the source again");
        SwingUtilities.invokeAndWait(() -> {
            for (java.awt.Window open : java.awt.Window.getWindows()) {
                if (open instanceof javax.swing.JDialog) {
                    open.dispose();
                }
            }
            w.quit();
        });
    }

    /** A real source that fails like an unplugged camera after {@code frames} frames. */
    private static final class UnpluggedAfter implements FrameSource {
        private final FrameSource inner;
        private final int frames;
        private int served;

        UnpluggedAfter(FrameSource inner, int frames) {
            this.inner = inner;
            this.frames = frames;
        }

        @Override
        public java.util.Optional<io.emolens.core.VideoFrame> next() {
            if (++served > frames) {
                throw new io.emolens.core.EmolensException("Camera unplugged: no frame for 2 s. Plug it in and choose it from File → Camera.");
            }
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
        }
    }

    /** Delivers a key press as Swing does for a focused window: component bindings, window bindings, menu accelerators. */
    private static void press(MainWindow w, int key, int modifiers) throws Exception {
        SwingUtilities.invokeAndWait(() -> {
            JComponent root = w.frame().getRootPane();
            KeyEvent e = new KeyEvent(root, KeyEvent.KEY_PRESSED, System.currentTimeMillis(), modifiers, key, KeyEvent.CHAR_UNDEFINED);
            assertTrue(SwingUtilities.processKeyBindings(e), "a binding handles key " + KeyEvent.getKeyText(key));
        });
    }

    static <T> T onEdt(Callable<T> c) throws Exception {
        Object[] out = new Object[1];
        Exception[] err = new Exception[1];
        SwingUtilities.invokeAndWait(() -> {
            try {
                out[0] = c.call();
            } catch (Exception e) {
                err[0] = e;
            }
        });
        if (err[0] != null) {
            throw err[0];
        }
        @SuppressWarnings("unchecked")
        T t = (T) out[0];
        return t;
    }

    static void waitFor(Callable<Boolean> condition, long timeoutMs, String what) throws Exception {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < deadline) {
            try {
                if (condition.call()) {
                    return;
                }
            } catch (java.io.IOException e) {
                // not written yet
            }
            Thread.sleep(50);
        }
        assertTrue(condition.call(), what);
    }

    private static int count(BufferedImage image, int rgb) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int c = image.getRGB(x, y);
                if (Math.abs(((c >> 16) & 255) - ((rgb >> 16) & 255)) < 8 && Math.abs(((c >> 8) & 255) - ((rgb >> 8) & 255)) < 8
                        && Math.abs((c & 255) - (rgb & 255)) < 8) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Rows after the header of a CSV being written (0 before it exists). */
    private static long dataLines(Path csv) throws java.io.IOException {
        if (!Files.exists(csv)) {
            return 0;
        }
        try (var lines = Files.lines(csv)) {
            return Math.max(0, lines.count() - 1);
        }
    }
}
