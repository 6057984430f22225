package io.emolens.ui;

import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import javax.imageio.ImageIO;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.emolens.TestFiles;
import io.emolens.classify.ModelStore;
import io.emolens.session.ModelLibrary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Model → Import Keras model… on real files: the preview lists the layers, input and parameters; a bad file says why
 * in the dialog; importing an alphabetical model with its labels and the FER2013 fixture as "data loaded before"
 * installs it in the models folder with its PrivateTest accuracy, and "Use this model" hands it to the app.
 */
class KerasImportDialogTest {
    @Test
    void previewsImportsAndMeasuresAccuracy(@TempDir Path tmp) throws Exception {
        Assumptions.assumeFalse(GraphicsEnvironment.isHeadless(), "needs a display: run under xvfb-run");
        Path models = tmp.resolve("models");
        Path[] used = new Path[1];
        KerasImportDialog[] dialog = new KerasImportDialog[1];
        SwingUtilities.invokeAndWait(() -> {
            Themes.apply(true);
            dialog[0] = new KerasImportDialog(new JFrame(), new ModelLibrary(models), TestFiles.resource("fer2013/fixture_fer2013.csv"),
                    p -> used[0] = p);
            dialog[0].show();
            dialog[0].choose(TestFiles.resource("keras/weights_only.h5"));
        });
        KerasImportDialog d = dialog[0];
        waitFor(() -> onEdt(() -> d.report().getText().startsWith("Not imported")), 60);
        assertTrue(onEdt(() -> d.report().getText().contains("has weights but no architecture")));

        SwingUtilities.invokeAndWait(() -> d.choose(TestFiles.resource("keras/tiny_functional_alpha.h5")));
        waitFor(() -> onEdt(() -> d.report().getText().contains("separable_conv2d_1")), 60);
        String preview = onEdt(() -> d.report().getText());
        assertTrue(preview.contains("Keras 2.4.0 (tensorflow), functional model, 10 layers, 387 parameters"), preview);
        assertTrue(preview.contains("input 32x32x3 (channels_last): the gray face is repeated"), preview);

        SwingUtilities.invokeAndWait(() -> {
            d.setChoices("tiny-alpha", "signed", "angry,disgust,fear,happy,neutral,sad,surprise");
            d.importModel();
        });
        waitFor(() -> onEdt(() -> d.report().getText().startsWith("Imported")), 120);
        BufferedImage shot = screenshot(d);
        ImageIO.write(shot, "png", TestFiles.repo().resolve("target/keras-import-dialog.png").toFile());
        String report = onEdt(() -> d.report().getText());
        assertTrue(report.contains("PrivateTest accuracy") && report.contains("on 50 faces of fixture_fer2013.csv"), report);
        assertTrue(report.contains("outputs in the model's order: Angry, Disgust, Fear, Happy, Neutral, Sad, Surprise"), report);
        Path installed = models.resolve("tiny-alpha.zip");
        assertTrue(Files.isRegularFile(installed), report);
        var metadata = new ModelStore().metadata(installed);
        assertEquals("Neutral", metadata.labels().get(4), "labels as imported");
        assertTrue(metadata.accuracy().containsKey("PrivateTest"));
        SwingUtilities.invokeAndWait(d::useImported);
        assertEquals(installed, used[0]);

        Path peer = TestFiles.repo().resolve("../shared/models/keras/fer2013_mini_XCEPTION.102-0.66.hdf5").normalize();
        if (Files.isRegularFile(peer)) {
            SwingUtilities.invokeAndWait(() -> {
                dialog[0] = new KerasImportDialog(new JFrame(), new ModelLibrary(models), null, p -> { });
                dialog[0].show();
                dialog[0].choose(peer);
            });
            KerasImportDialog p = dialog[0];
            waitFor(() -> onEdt(() -> p.report().getText().contains("predictions")), 120);
            assertTrue(onEdt(() -> p.report().getText().contains("Keras 2.0.5 (tensorflow), functional model, 46 layers, 58,423 parameters")));
            ImageIO.write(screenshot(p), "png", TestFiles.repo().resolve("target/keras-import-preview.png").toFile());
        }
    }

    static BufferedImage screenshot(KerasImportDialog d) throws Exception {
        BufferedImage[] shot = new BufferedImage[1];
        SwingUtilities.invokeAndWait(() -> {
            java.awt.Container c = d.window().getContentPane();
            shot[0] = new BufferedImage(c.getWidth(), c.getHeight(), BufferedImage.TYPE_INT_RGB);
            java.awt.Graphics2D g = shot[0].createGraphics();
            c.paint(g);
            g.dispose();
        });
        return shot[0];
    }

    private static void waitFor(Callable<Boolean> condition, int seconds) throws Exception {
        RecordingWindowTest.waitFor(condition, seconds * 1000L, "dialog state within " + seconds + " s");
    }

    private static <T> T onEdt(Callable<T> c) throws Exception {
        return RecordingWindowTest.onEdt(c);
    }
}
