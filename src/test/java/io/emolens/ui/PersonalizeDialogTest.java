package io.emolens.ui;

import java.awt.GraphicsEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.swing.JButton;
import javax.swing.SwingUtilities;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.emolens.TestFiles;
import io.emolens.core.Emotion;
import io.emolens.session.AgreementReport;
import io.emolens.session.LabeledSessions;
import io.emolens.session.RecordedSession;
import io.emolens.source.DefaultFrameSourceFactory;

import static io.emolens.ui.RecordingWindowTest.onEdt;
import static io.emolens.ui.RecordingWindowTest.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The review window's Personalize… button hands its session to Personalize…, which fine-tunes on a worker with a
 * progress bar; Cancel stops it, offers no model, writes nothing to the models folder and leaves the base as it was.
 */
class PersonalizeDialogTest {
    @TempDir
    Path tmp;

    @Test
    void reviewOffersPersonalizeAndCancelKeepsTheBase() throws Exception {
        Assumptions.assumeFalse(GraphicsEnvironment.isHeadless(), "needs a display: run under xvfb-run");
        Path session = LabeledSessions.record(tmp.resolve("session"),
                ms -> Optional.of(ms < 3500 ? Emotion.NEUTRAL : Emotion.HAPPY));
        RecordedSession s = RecordedSession.open(session);
        List<List<Path>> asked = new ArrayList<>();
        ReviewWindow review = onEdt(() -> new ReviewWindow(null, s, AgreementReport.of(s), new DefaultFrameSourceFactory(), asked::add));
        SwingUtilities.invokeAndWait(() -> button(review.dialog().getContentPane(), "review.personalize").doClick());
        assertEquals(List.of(List.of(session)), asked);

        Path base = TestFiles.repo().resolve("models/emolens-default.zip");
        long baseSize = Files.size(base);
        Path models = Files.createDirectories(tmp.resolve("models"));
        PersonalizeDialog dialog = onEdt(() -> new PersonalizeDialog(null, List.of(session), base, models, tmp.resolve("runs"), null, p -> { }));
        SwingUtilities.invokeAndWait(() -> {
            dialog.show();
            dialog.start();
        });
        waitFor(() -> onEdt(dialog::progressValue) > 0, 120_000, "fine-tuning trains its first batches");
        java.awt.image.BufferedImage shot = onEdt(() -> {
            javax.swing.JComponent c = (javax.swing.JComponent) dialog.dialog().getContentPane();
            java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(c.getWidth(), c.getHeight(), java.awt.image.BufferedImage.TYPE_INT_RGB);
            c.printAll(img.getGraphics());
            return img;
        });
        javax.imageio.ImageIO.write(shot, "png", TestFiles.repo().resolve("target/personalize-dialog.png").toFile());
        JButton cancel = onEdt(() -> button(dialog.dialog().getContentPane(), "personalize.cancel"));
        SwingUtilities.invokeAndWait(cancel::doClick);
        waitFor(() -> onEdt(cancel::getText).equals("Close"), 120_000, "the run stops after its current batch");
        assertFalse(onEdt(dialog::offersModel), "a cancelled run offers no model");
        assertTrue(onEdt(dialog::logText).contains("stopped"), onEdt(dialog::logText));
        try (var files = Files.list(models)) {
            assertEquals(0, files.count(), "nothing is added to the models folder");
        }
        assertEquals(baseSize, Files.size(base));
        SwingUtilities.invokeAndWait(() -> {
            dialog.dialog().dispose();
            review.dialog().dispose();
        });
    }

    static JButton button(java.awt.Container root, String name) {
        for (java.awt.Component c : root.getComponents()) {
            if (c instanceof JButton b && name.equals(b.getName())) {
                return b;
            }
            if (c instanceof java.awt.Container inner) {
                JButton found = button(inner, name);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
