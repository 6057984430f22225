package io.emolens.eval;

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
