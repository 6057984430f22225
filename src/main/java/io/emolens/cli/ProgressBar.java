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

    ProgressBar(PrintStream out, boolean enabled) {
        this.out = out;
        this.enabled = enabled;
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
            out.printf("\r[%s%s] %d/%d frames", "#".repeat(filled), " ".repeat(WIDTH - filled), done, total);
        } else {
            out.printf("\r%d frames", done);
        }
        out.flush();
    }

    void finish() {
        if (drawn) {
            out.println();
        }
    }
}
