package io.emolens.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.emolens.core.Emotion;

/** The heatmap's cells, read back from the written PNG: shaded by their share of the true row, with the count drawn in them. */
class ConfusionHeatmapTest {
    private static final Color EMPTY = new Color(247, 251, 255);
    private static final Color FULL = new Color(8, 48, 107);

    @Test
    void eachCellIsShadedByItsShareOfTheTrueRow(@TempDir Path tmp) throws Exception {
        long[][] cells = new long[7][7];
        cells[Emotion.ANGRY.index()][Emotion.ANGRY.index()] = 8;
        cells[Emotion.ANGRY.index()][Emotion.HAPPY.index()] = 2;
        cells[Emotion.HAPPY.index()][Emotion.HAPPY.index()] = 10;
        Path png = tmp.resolve("heatmap.png");
        ConfusionHeatmap.write(ConfusionMatrix.of(cells), "test", png);
        BufferedImage img = ImageIO.read(png.toFile());

        assertEquals(FULL, fill(img, Emotion.HAPPY, Emotion.HAPPY), "10 of 10: the darkest shade");
        assertEquals(EMPTY, fill(img, Emotion.HAPPY, Emotion.ANGRY), "0 of 10: the lightest shade");
        assertEquals(EMPTY, fill(img, Emotion.ANGRY, Emotion.FEAR), "0 of 10");
        assertEquals(EMPTY, fill(img, Emotion.SAD, Emotion.SAD), "a row without faces");
        int most = brightness(fill(img, Emotion.ANGRY, Emotion.ANGRY));
        int some = brightness(fill(img, Emotion.ANGRY, Emotion.HAPPY));
        assertTrue(brightness(FULL) < most && most < some && some < brightness(EMPTY),
                "8 of 10 darker than 2 of 10, both between the ends: " + most + ", " + some);

        assertTrue(pixels(img, Emotion.HAPPY, Emotion.HAPPY, Color.WHITE) > 10, "the count is written in white on a dark cell");
        assertTrue(darkerThan(img, Emotion.ANGRY, Emotion.FEAR, 100) > 10, "the count is written in black on a light cell");
    }

    /** The cell's fill, a few pixels inside its corner where no text is drawn. */
    private static Color fill(BufferedImage img, Emotion truth, Emotion predicted) {
        Rectangle c = ConfusionHeatmap.cell(truth, predicted);
        return new Color(img.getRGB(c.x + 4, c.y + 4));
    }

    private static int brightness(Color c) {
        return c.getRed() + c.getGreen() + c.getBlue();
    }

    private static int pixels(BufferedImage img, Emotion truth, Emotion predicted, Color colour) {
        Rectangle c = ConfusionHeatmap.cell(truth, predicted);
        int n = 0;
        for (int y = c.y + 1; y < c.y + c.height - 1; y++) {
            for (int x = c.x + 1; x < c.x + c.width - 1; x++) {
                n += img.getRGB(x, y) == colour.getRGB() ? 1 : 0;
            }
        }
        return n;
    }

    private static int darkerThan(BufferedImage img, Emotion truth, Emotion predicted, int level) {
        Rectangle c = ConfusionHeatmap.cell(truth, predicted);
        int n = 0;
        for (int y = c.y + 1; y < c.y + c.height - 1; y++) {
            for (int x = c.x + 1; x < c.x + c.width - 1; x++) {
                n += brightness(new Color(img.getRGB(x, y))) < 3 * level ? 1 : 0;
            }
        }
        return n;
    }
}
