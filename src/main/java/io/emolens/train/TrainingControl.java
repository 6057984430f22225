package io.emolens.train;

/**
 * Lets another thread pause, resume or stop a run. The trainer checks it between minibatches; a stop ends
 * the run after the current batch, keeping the last completed epoch's checkpoint and the best model. Thread-safe.
 */
public final class TrainingControl {
    private boolean paused;
    private volatile boolean stopRequested;

    public synchronized void pause() {
        paused = true;
    }

    public synchronized void resume() {
        paused = false;
        notifyAll();
    }

    /** Asks the run to stop; also releases a pause. */
    public synchronized void stop() {
        stopRequested = true;
        paused = false;
        notifyAll();
    }

    public synchronized boolean isPaused() {
        return paused;
    }

    public boolean isStopRequested() {
        return stopRequested;
    }

    /** Blocks while paused; returns true when the run should stop. */
    synchronized boolean awaitGo() throws InterruptedException {
        while (paused && !stopRequested) {
            wait();
        }
        return stopRequested;
    }
}
