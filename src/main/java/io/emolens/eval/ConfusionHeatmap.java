package io.emolens.eval;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

import io.emolens.core.Emotion;

/**
 * Draws a confusion matrix as a heatmap: true labels down the side, predictions across, each cell shaded by
 * its share of the row (the recall for the diagonal) and labelled with count and percentage. Pure Java2D.
 */
public final class ConfusionHeatmap {
    private static final int CELL = 72;
    private static final int LEFT = 110;
    private static final int TOP = 80;

    private ConfusionHeatmap() {
    }

    public static BufferedImage render(ConfusionMatrix m, String title) {
        int n = Emotion.COUNT;
        int width = LEFT + n * CELL + 20;
        int height = TOP + n * CELL + 60;
        BufferedImage img = Offscreen.rgb(width, height);
        Graphics2D g = Offscreen.titled(img, title);
        try {
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            g.drawString("predicted →", LEFT + n * CELL / 2 - 30, TOP - 32);
            g.drawString("true ↓", 10, TOP - 10);
            Font cellFont = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
            for (Emotion p : Emotion.values()) {
                centered(g, p.label(), LEFT + p.index() * CELL + CELL / 2, TOP - 12);
            }
            for (Emotion t : Emotion.values()) {
                long support = m.support(t);
                int y = TOP + t.index() * CELL;
                g.setColor(Color.BLACK);
                g.setFont(cellFont);
                g.drawString(t.label(), 10, y + CELL / 2 + 5);
                for (Emotion p : Emotion.values()) {
                    Rectangle cell = cell(t, p);
                    int x = cell.x;
                    long c = m.count(t, p);
                    double share = support == 0 ? 0 : (double) c / support;
                    g.setColor(shade(share));
                    g.fill(cell);
                    g.setColor(share > 0.5 ? Color.WHITE : Color.BLACK);
                    centered(g, Long.toString(c), x + CELL / 2, y + CELL / 2 - 2);
                    centered(g, String.format("%.0f%%", 100 * share), x + CELL / 2, y + CELL / 2 + 14);
                }
            }
            g.setColor(Color.DARK_GRAY);
            g.setStroke(new BasicStroke(1));
            g.drawRect(LEFT, TOP, n * CELL, n * CELL);
            g.setColor(Color.BLACK);
            g.drawString(String.format("accuracy %.2f%%   macro-F1 %.4f   n = %d   (cells: share of the true row)",
                    100 * m.accuracy(), m.macroF1(), m.total()), 10, TOP + n * CELL + 35);
        } finally {
            g.dispose();
        }
        return img;
    }

    /** Where the cell of true label {@code truth} and prediction {@code predicted} is drawn. */
    static Rectangle cell(Emotion truth, Emotion predicted) {
        return new Rectangle(LEFT + predicted.index() * CELL, TOP + truth.index() * CELL, CELL, CELL);
    }

    /** Renders and writes a PNG, creating the folder. */
    public static void write(ConfusionMatrix m, String title, Path png) {
        Offscreen.writePng(render(m, title), png, "heatmap");
    }

    private static Color shade(double share) {
        float s = (float) Math.max(0, Math.min(1, share));
        int r = Math.round(247 - s * (247 - 8));
        int gr = Math.round(251 - s * (251 - 48));
        int b = Math.round(255 - s * (255 - 107));
        return new Color(r, gr, b);
    }

    private static void centered(Graphics2D g, String text, int cx, int baseline) {
        FontMetrics fm = g.getFontMetrics();
        g.drawString(text, cx - fm.stringWidth(text) / 2, baseline);
    }
}
