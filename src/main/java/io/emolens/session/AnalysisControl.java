package io.emolens.session;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Stops a running analysis from another thread (Ctrl+C's shutdown hook) and lets that thread wait until the
 * outputs are final. {@link #requestStop()} ends reading and finalizes what was analyzed.
 */
public final class AnalysisControl {
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile boolean stop;

    /** Stops at once: frames read but not yet analyzed are left out, the session and summary are finalized. */
    public void requestStop() {
        stop = true;
    }

    public boolean stopRequested() {
        return stop;
    }

    boolean abortRequested() {
        return stop;
    }

    void finished() {
        done.countDown();
    }

    /** Waits until the analysis has finalized its outputs (or failed); false on timeout. */
    public boolean awaitFinished(long timeoutMs) throws InterruptedException {
        return done.await(timeoutMs, TimeUnit.MILLISECONDS);
    }
}
