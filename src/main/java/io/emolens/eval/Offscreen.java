package io.emolens.eval;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import io.emolens.core.EmolensException;

/**
 * Off-screen drawing (heatmaps, learning-curve charts) must work on machines without a display: when no
 * {@code DISPLAY} is set and nobody chose otherwise, switch AWT to headless before its first use, since a
 * failed X11 connection would break every later image operation in this JVM.
 */
public final class Offscreen {
    private Offscreen() {
    }

    /** Call before the first AWT use of a drawing code path. */
    public static void prepare() {
        String display = System.getenv("DISPLAY");
        boolean windows = System.getProperty("os.name", "").startsWith("Windows");
        boolean mac = System.getProperty("os.name", "").startsWith("Mac");
        if (!windows && !mac && (display == null || display.isBlank())) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /** A new RGB image, after {@link #prepare()}. */
    public static BufferedImage rgb(int width, int height) {
        prepare();
        return new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    }

    /** A graphics context on {@code img}, anti-aliased, cleared to white, with {@code title} drawn at the top left; dispose it. */
    public static Graphics2D titled(BufferedImage img, String title) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString(title, 10, 24);
        return g;
    }

    /** Writes {@code image} as a PNG, creating the folder; {@code what} names it in the error ("heatmap"). */
    public static void writePng(BufferedImage image, Path png, String what) {
        try {
            Files.createDirectories(png.toAbsolutePath().getParent());
            ImageIO.write(image, "png", png.toFile());
        } catch (IOException e) {
            throw new EmolensException("cannot write " + what + " " + png.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }
}
