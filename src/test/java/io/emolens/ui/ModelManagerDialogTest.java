package io.emolens.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;
import javax.swing.SwingUtilities;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.emolens.TestFiles;
import io.emolens.core.EmolensException;
import io.emolens.data.Dataset;
import io.emolens.data.DatasetReader;
import io.emolens.data.ReadOptions;
import io.emolens.session.ModelLibrary;
import io.emolens.train.TinyNetworks;
import io.emolens.train.TrainConfig;
import io.emolens.train.TrainServices;
import io.emolens.train.Trainer;
import io.emolens.train.TrainingControl;
import io.emolens.train.TrainingListener;

/**
 * Model → Manage models… over a models folder holding a plain model and an ensemble of two real (tiny) networks
 * built by the library: the ensemble is one row, and selecting it lists both members and its inference.
 */
class ModelManagerDialogTest {

    private static Path train(Dataset data, Path dir, double lr) {
        return new Trainer(TinyNetworks.FACTORY, TrainServices.exporter()).train(data, TrainConfig.defaults("default").withMaxEpochs(1)
                .withLearningRate(lr), dir, TrainingListener.NONE, new TrainingControl()).model();
    }

    @Test
    void anEnsembleIsOneModelWithItsMembersListed(@TempDir Path tmp) throws Exception {
        Dataset data = DatasetReader.readAny(TestFiles.resource("fer2013/fixture_fer2013.csv"), ReadOptions.STRICT);
        Path a = train(data, tmp.resolve("run-a"), 1e-3);
        Path b = train(data, tmp.resolve("run-b"), 3e-3);
        ModelLibrary library = new ModelLibrary(tmp.resolve("models"));
        library.install(a, "plain");
        library.addToEnsemble(a, "pair", data, line -> { });
        library.addToEnsemble(b, "pair", data, line -> { });
        EmolensException twice = assertThrows(EmolensException.class, () -> library.addToEnsemble(b, "pair", data, line -> { }));
        assertTrue(twice.getMessage().contains("is listed twice"), twice.getMessage());
        List<ModelLibrary.Entry> entries = library.entries();
        assertEquals(List.of("pair", "plain"), entries.stream().map(ModelLibrary.Entry::name).toList());
        assertEquals(2, entries.get(0).ensemble().members().size());
        assertEquals(null, entries.get(1).ensemble());

        Assumptions.assumeFalse(GraphicsEnvironment.isHeadless(), "the dialog needs a display: run under xvfb-run");
        ModelManagerDialog[] dialog = new ModelManagerDialog[1];
        SwingUtilities.invokeAndWait(() -> {
            Themes.apply(false);
            dialog[0] = new ModelManagerDialog(null, library, path -> { });
            dialog[0].show();
        });
        String[] cells = new String[4];
        int[] memberRows = new int[2];
        SwingUtilities.invokeAndWait(() -> {
            var table = dialog[0].table();
            cells[0] = table.getValueAt(0, 1).toString();
            cells[1] = table.getValueAt(0, 2).toString();
            memberRows[0] = dialog[0].members().memberRows();
            cells[2] = dialog[0].members().summaryText();
            table.setRowSelectionInterval(1, 1);
            memberRows[1] = dialog[0].members().memberRows();
            cells[3] = dialog[0].members().summaryText();
            table.setRowSelectionInterval(0, 0);
        });
        assertEquals("ensemble: 2 × default", cells[0]);
        assertEquals("2", cells[1]);
        assertEquals(2, memberRows[0], "both members listed");
        assertTrue(cells[2].contains("pair: ensemble of 2, mean of the members' probabilities over each face and its mirror image,<br>temperature "), cells[2]);
        assertEquals(1, memberRows[1]);
        assertTrue(cells[3].startsWith("plain: one network"), cells[3]);
        Thread.sleep(300);
        BufferedImage[] shot = new BufferedImage[1];
        SwingUtilities.invokeAndWait(() -> {
            java.awt.Container c = dialog[0].window().getContentPane();
            shot[0] = new BufferedImage(c.getWidth(), c.getHeight(), BufferedImage.TYPE_INT_RGB);
            java.awt.Graphics2D g = shot[0].createGraphics();
            c.paint(g);
            g.dispose();
        });
        ImageIO.write(shot[0], "png", TestFiles.repo().resolve("target/model-manager.png").toFile());
        SwingUtilities.invokeAndWait(() -> dialog[0].window().dispose());
    }
}
