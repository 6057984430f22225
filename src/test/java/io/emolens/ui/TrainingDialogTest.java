package io.emolens.ui;

import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
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
import io.emolens.detect.DetectorConfig;
import io.emolens.session.ModelLibrary;
import io.emolens.train.TinyNetworks;
import io.emolens.train.TrainServices;
import io.emolens.train.Trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Drives Model → Train model… on the committed FER2013 fixture with a tiny real CNN: the split report shows,
 * training finishes, the charts hold one point per epoch, "Use this model" installs the model into the
 * models folder and makes it the live classifier, a new dialog resumes the run without checking data first, and
 * "Start from a model…" fine-tunes the trained model on the same faces, replaying FER2013 rows, and reports before and after.
 */
class TrainingDialogTest {
    private static final StreamPasswords NO_KEYRING = new StreamPasswords(new NoSecretStore("a test"));
    private final Preferences node = Preferences.userRoot().node("io/emolens-test/" + System.nanoTime());

    @AfterEach
    void removePreferences() throws BackingStoreException {
        node.removeNode();
    }

    @Test
    void trainsOnTheFixtureAndSwitchesTheLiveModel(@TempDir Path tmp) throws Exception {
        Assumptions.assumeFalse(GraphicsEnvironment.isHeadless(), "needs a display: run under xvfb-run");
        Path models = Files.createDirectory(tmp.resolve("models"));
        AppPaths paths = new AppPaths(TestFiles.repo());
        Wiring wiring = new Wiring(paths, DetectorConfig.DEFAULT, Main.modelLoader());
        DesktopServices services = new DesktopServices(TestFiles.sourcesWithoutCameras(tmp), wiring, paths.demoClip(), models,
                new Trainer(TinyNetworks.FACTORY, TrainServices.exporter()), tmp.resolve("runs"), paths.models(), NO_KEYRING);
        MainWindow[] window = new MainWindow[1];
        SwingUtilities.invokeAndWait(() -> {
            Themes.apply(true);
            window[0] = new MainWindow(services, new UiPreferences(node), () -> { });
            window[0].show();
            window[0].trainModel();
            TrainingDialog d = window[0].trainingDialog();
            d.setData(TestFiles.resource("fer2013/fixture_fer2013.csv"));
            d.settings().setMaxEpochs(3);
            d.settings().setVotes(TestFiles.resource("fer2013/fixture_ferplus.csv"), "votes");
            d.checkData();
        });
        TrainingDialog dialog = window[0].trainingDialog();
        waitFor(() -> onEdt(() -> dialog.dataText().length() > 0 && readyToStart(dialog)), 60);
        assertEquals(TestFiles.resource("fer2013/fixture_fer2013.csv").toAbsolutePath().toString(), new UiPreferences(node).lastTrainingData(),
                "the data read is offered again next time");
        SwingUtilities.invokeAndWait(() -> dialog.startRun(null));
        waitFor(() -> onEdt(() -> dialog.curves().epochPoints() >= 1), 120);
        BufferedImage midRun = screenshot(dialog);
        ImageIO.write(midRun, "png", TestFiles.repo().resolve("target/training-dialog.png").toFile());
        waitFor(() -> onEdt(() -> dialog.result() != null), 180);

        int epochs = onEdtInt(() -> dialog.result().history().size());
        assertEquals(epochs, onEdtInt(() -> dialog.curves().epochPoints()), "one chart point per epoch");
        assertEquals(epochs, onEdtInt(() -> dialog.curves().ferPlusPoints()), "the PublicTest agreement with the FER+ majority, per epoch");
        assertEquals(epochs, onEdtInt(() -> dialog.curves().labelsAgreePoints()), "and the accuracy where FER2013 and FER+ agree");
        assertEquals("votes", new com.fasterxml.jackson.databind.ObjectMapper().readTree(dialog.result().runDir().resolve("run.json").toFile())
                .get("config").get("labels").get("mode").asText(), "the run trained on the votes chosen in the dialog");
        assertTrue(epochs >= 1 && epochs <= 3);
        assertTrue(onEdtInt(() -> dialog.curves().bestEpoch()) >= 1);
        assertNotNull(dialog.result().test(), "the fixture has PrivateTest rows, so the run ends with their evaluation");
        String summary = onEdtString(dialog::progressText);
        assertTrue(summary.matches("(Finished|Early-stopped) after \\d+ epochs?: best epoch \\d+ kept, PrivateTest accuracy .*%.*"), summary);
        assertEquals(0, dialog.curves().accuracyAxis().getLowerBound());
        assertEquals(1, dialog.curves().accuracyAxis().getUpperBound(), "accuracy runs 0-100%, not 0-1.05");
        assertEquals("60%", dialog.curves().accuracyAxis().getTickUnit().valueToString(0.6));

        SwingUtilities.invokeAndWait(() -> window[0].installModel(dialog.result().model()));
        assertEquals(1, new ModelLibrary(models).models().size(), "the trained model is in the models folder");
        String modelStatus = onEdtString(() -> window[0].status().modelText());
        assertTrue(modelStatus.startsWith("Model: ") && modelStatus.contains(".zip"), modelStatus);
        Path runDir = dialog.result().model().getParent();
        SwingUtilities.invokeAndWait(dialog::close);

        SwingUtilities.invokeAndWait(() -> {
            window[0].trainModel();
            TrainingDialog again = window[0].trainingDialog();
            again.settings().setMaxEpochs(epochs + 1);
            again.resume(runDir);
        });
        TrainingDialog resumed = window[0].trainingDialog();
        assertTrue(resumed != dialog, "a new dialog, as after restarting the app");
        waitFor(() -> onEdt(() -> resumed.result() != null), 180);
        assertEquals(TestFiles.resource("fer2013/fixture_fer2013.csv").toString(), onEdtString(resumed::dataText),
                "resuming without checked data reads the data the run was started on");
        assertEquals(epochs + 1, onEdtInt(() -> resumed.result().history().size()), "the resumed run continued for one more epoch");
        assertEquals(epochs + 1, onEdtInt(() -> resumed.curves().epochPoints()), "the charts redraw the epochs before the resume");
        assertEquals(epochs + 1, onEdtInt(() -> resumed.curves().ferPlusPoints()), "and their FER+ agreement");

        Path fixture = TestFiles.resource("fer2013/fixture_fer2013.csv");
        SwingUtilities.invokeAndWait(() -> resumed.fineTune(resumed.result().model(), fixture));
        waitFor(() -> onEdt(() -> resumed.tuned() != null), 180);
        String tunedText = onEdtString(resumed::progressText);
        assertTrue(tunedText.startsWith("Fine-tuned: held-out faces "), tunedText);
        assertTrue(resumed.tuned().format().contains("FER2013 PublicTest, faces in general (the guard's) (50 faces)"), resumed.tuned().format());
        assertEquals(resumed.tuned().improved(), !tunedText.endsWith("not offered"), "offered only when better on the held-out faces");
        SwingUtilities.invokeAndWait(() -> {
            resumed.close();
            window[0].quit();
        });
    }

    private static boolean readyToStart(TrainingDialog d) {
        return d.curves() != null && d.window().isShowing() && d.isReadyToStart();
    }

    private static BufferedImage screenshot(TrainingDialog d) throws Exception {
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

    interface Check {
        boolean ok() throws Exception;
    }

    private static void waitFor(Check check, int seconds) throws Exception {
        long deadline = System.currentTimeMillis() + seconds * 1000L;
        while (!check.ok()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out after " + seconds + " s");
            }
            Thread.sleep(200);
        }
    }

    private static boolean onEdt(java.util.function.BooleanSupplier s) throws Exception {
        boolean[] out = new boolean[1];
        SwingUtilities.invokeAndWait(() -> out[0] = s.getAsBoolean());
        return out[0];
    }

    private static int onEdtInt(java.util.function.IntSupplier s) throws Exception {
        int[] out = new int[1];
        SwingUtilities.invokeAndWait(() -> out[0] = s.getAsInt());
        return out[0];
    }

    private static String onEdtString(java.util.function.Supplier<String> s) throws Exception {
        String[] out = new String[1];
        SwingUtilities.invokeAndWait(() -> out[0] = s.get());
        return out[0];
    }
}
