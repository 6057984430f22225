package io.emolens.ui;

import java.awt.Component;
import java.awt.Container;
import java.awt.GraphicsEnvironment;
import java.awt.Window;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import javax.swing.JDialog;
import javax.swing.JOptionPane;
import javax.swing.JPasswordField;
import javax.swing.SwingUtilities;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.emolens.TestFiles;
import io.emolens.app.AppPaths;
import io.emolens.app.Main;
import io.emolens.app.Wiring;
import io.emolens.detect.DetectorConfig;
import io.emolens.secret.NoSecretStore;
import io.emolens.secret.StreamPasswords;
import io.emolens.source.MjpegServer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The window reopens a remembered network camera (ffmpeg serving the demo clip as MJPEG) whose password no keyring
 * keeps: it asks for the password, plays the stream, and shows and remembers the address without it.
 */
class StreamPasswordDialogTest {
    private final Preferences node = Preferences.userRoot().node("io/emolens-test/" + System.nanoTime());

    @AfterEach
    void removePreferences() throws BackingStoreException {
        node.removeNode();
    }

    @Test
    void aRememberedStreamWithoutAKeptPasswordAsksForItAndNeverStoresIt(@TempDir Path tmp) throws Exception {
        Assumptions.assumeFalse(GraphicsEnvironment.isHeadless(), "needs a display: run under xvfb-run");
        try (MjpegServer server = MjpegServer.start()) {
            String remembered = server.url().replace("http://", "http://viewer@");
            node.put("last.source", UiPreferences.STREAM_SOURCE + remembered);
            node.put("streams.recent", remembered);
            AppPaths paths = new AppPaths(TestFiles.repo());
            Wiring wiring = new Wiring(paths, DetectorConfig.DEFAULT, Main.modelLoader());
            DesktopServices services = new DesktopServices(TestFiles.sourcesWithoutCameras(tmp), wiring, paths.demoClip(), tmp.resolve("models"),
                    wiring.trainer(), tmp, paths.models(), new StreamPasswords(new NoSecretStore("a test")));
            MainWindow[] window = new MainWindow[1];
            SwingUtilities.invokeAndWait(() -> {
                Themes.apply(true);
                window[0] = new MainWindow(services, new UiPreferences(node), () -> { });
                window[0].show();
            });
            try {
                JDialog dialog = awaitDialog("Stream password", System.currentTimeMillis() + 60_000);
                assertNotNull(dialog, "the window asks for the password of the remembered stream");
                SwingUtilities.invokeAndWait(() -> {
                    ((JPasswordField) find(dialog, "stream.password")).setText("hunter2");
                    ((JOptionPane) find(dialog, null)).setValue(JOptionPane.OK_OPTION);
                });
                long deadline = System.currentTimeMillis() + 60_000;
                while (window[0].framesShown() < 10 && System.currentTimeMillis() < deadline) {
                    Thread.sleep(100);
                }
                assertTrue(window[0].framesShown() >= 10, "the stream plays: " + window[0].framesShown() + " frames");
                String[] source = new String[1];
                SwingUtilities.invokeAndWait(() -> source[0] = window[0].status().sourceText());
                assertEquals(server.url().replace("http://", "http://viewer:***@"), source[0]);
                assertEquals(UiPreferences.STREAM_SOURCE + remembered, new UiPreferences(node).lastSource());
                ByteArrayOutputStream xml = new ByteArrayOutputStream();
                node.flush();
                node.exportSubtree(xml);
                assertFalse(xml.toString(StandardCharsets.UTF_8).contains("hunter2"), xml.toString(StandardCharsets.UTF_8));
            } finally {
                SwingUtilities.invokeAndWait(() -> window[0].quit());
            }
        }
    }

    private static JDialog awaitDialog(String title, long deadline) throws Exception {
        while (System.currentTimeMillis() < deadline) {
            for (Window w : Window.getWindows()) {
                if (w instanceof JDialog d && d.isShowing() && title.equals(d.getTitle())) {
                    return d;
                }
            }
            Thread.sleep(100);
        }
        return null;
    }

    /** The component named {@code name} in {@code root}, or its option pane when {@code name} is null. */
    private static Component find(Container root, String name) {
        for (Component c : root.getComponents()) {
            if (name == null ? c instanceof JOptionPane : name.equals(c.getName())) {
                return c;
            }
            if (c instanceof Container inner) {
                Component found = find(inner, name);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
