package io.emolens.cli;

import java.util.function.Function;

import io.emolens.session.AnalysisControl;

/**
 * Runs an analysis with a shutdown hook, so Ctrl+C (or a plain {@code kill}) stops it cleanly: the hook asks the
 * analysis to stop and waits, at most {@value #WAIT_MS} ms, until its session and summary are finalized.
 */
final class AnalysisInterrupt {
    static final long WAIT_MS = 20_000;

    private AnalysisInterrupt() {
    }

    static <T> T run(Function<AnalysisControl, T> analysis) {
        AnalysisControl control = new AnalysisControl();
        Thread hook = new Thread(() -> {
            control.requestStop();
            try {
                control.awaitFinished(WAIT_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "emolens-analyze-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return analysis.apply(control);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it returns once the outputs are final
            }
        }
    }
}
