package io.emolens.cli;

import java.io.PrintStream;

/** A one-line progress bar on stderr, redrawn at most ten times a second; silent for short inputs. */
final class ProgressBar {
    private static final int WIDTH = 30;
    private static final long MIN_FRAMES = 20;
    private final PrintStream out;
    private final boolean enabled;
    private long lastDraw;
    private boolean drawn;

    private final String unit;

    ProgressBar(PrintStream out, boolean enabled) {
        this(out, enabled, "frames");
    }

    /** A bar counting {@code unit} ("frames", "photos"). */
    ProgressBar(PrintStream out, boolean enabled, String unit) {
        this.out = out;
        this.enabled = enabled;
        this.unit = unit;
    }

    void update(long done, long total) {
        long now = System.nanoTime();
        if (!enabled || done < MIN_FRAMES || now - lastDraw < 100_000_000L) {
            return;
        }
        lastDraw = now;
        drawn = true;
        if (total > 0) {
            int filled = (int) Math.min(WIDTH, done * WIDTH / total);
            out.printf("\r[%s%s] %d/%d %s", "#".repeat(filled), " ".repeat(WIDTH - filled), done, total, unit);
        } else {
            out.printf("\r%d %s", done, unit);
        }
        out.flush();
    }

    void finish() {
        if (drawn) {
            out.println();
        }
    }
}
