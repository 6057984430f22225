package io.emolens.eval;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

/**
 * Draws a reliability diagram: per top-1 confidence bin, a bar of the accuracy of the faces in it, the
 * diagonal a perfectly calibrated model would follow, the gap to the bin's mean confidence shaded, and a strip
 * of how many faces fall in each bin. Pure Java2D.
 */
public final class ReliabilityDiagram {
    private static final int LEFT = 60;
    private static final int TOP = 50;
    private static final int PLOT = 420;
    private static final int STRIP = 70;

    private ReliabilityDiagram() {
    }

    public static BufferedImage render(Evaluation e, String title) {
        if (e.reliability() == null) {
            throw new IllegalArgumentException("the evaluation of " + e.split() + " has no confidence bins");
        }
        int width = LEFT + PLOT + 60;
        int height = TOP + PLOT + STRIP + 94;
        BufferedImage img = Offscreen.rgb(width, height);
        Graphics2D g = Offscreen.titled(img, title);
        try {
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            var bins = e.reliability().bins();
            long most = Math.max(1, bins.stream().mapToLong(Reliability.Bin::count).max().orElse(1));
            int bottom = TOP + PLOT;
            for (Reliability.Bin b : bins) {
                int x0 = LEFT + (int) Math.round(b.lower() * PLOT);
                int x1 = LEFT + (int) Math.round(b.upper() * PLOT);
                if (b.count() > 0) {
                    int accY = bottom - (int) Math.round(b.accuracy() * PLOT);
                    int confY = bottom - (int) Math.round(b.meanConfidence() * PLOT);
                    g.setColor(new Color(214, 39, 40, 90));
                    g.fillRect(x0 + 1, Math.min(accY, confY), x1 - x0 - 2, Math.abs(confY - accY));
                    g.setColor(new Color(8, 48, 107));
                    g.fillRect(x0 + 1, accY, x1 - x0 - 2, bottom - accY);
                    g.setColor(new Color(214, 39, 40));
                    g.setStroke(new BasicStroke(2));
                    g.drawRect(x0 + 1, Math.min(accY, confY), x1 - x0 - 2, Math.abs(confY - accY));
                    g.setStroke(new BasicStroke(1));
                }
                int h = (int) Math.round((double) b.count() / most * (STRIP - 12));
                g.setColor(Color.GRAY);
                g.fillRect(x0 + 1, bottom + 30 + STRIP - 12 - h, x1 - x0 - 2, h);
            }
            g.setColor(Color.DARK_GRAY);
            g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0));
            g.drawLine(LEFT, bottom, LEFT + PLOT, TOP);
            g.setStroke(new BasicStroke(1));
            g.drawRect(LEFT, TOP, PLOT, PLOT);
            g.setColor(Color.BLACK);
            for (int i = 0; i <= 5; i++) {
                double v = i / 5.0;
                String label = String.format("%.1f", v);
                g.drawString(label, LEFT + (int) (v * PLOT) - 8, bottom + 16);
                g.drawString(label, LEFT - 28, bottom - (int) (v * PLOT) + 4);
            }
            g.drawString("top-1 confidence →", LEFT + PLOT / 2 - 50, bottom + 28 + STRIP + 8);
            g.drawString("accuracy", 6, TOP - 8);
            g.drawString("faces per bin", LEFT + 4, bottom + 40);
            g.drawString(String.format("%s: ECE %.4f (%d bins)   log-loss %.4f   accuracy %.2f%%   n = %d",
                    e.split(), e.ece(), bins.size(), e.logLoss(), 100 * e.accuracy(), e.confusion().total()), 10, height - 26);
            g.drawString("blue: accuracy per bin; red box: gap to its mean confidence; dashed: perfect calibration", 10, height - 10);
        } finally {
            g.dispose();
        }
        return img;
    }

    /** Renders and writes a PNG, creating the folder. */
    public static void write(Evaluation e, String title, Path png) {
        Offscreen.writePng(render(e, title), png, "reliability diagram");
    }
}
