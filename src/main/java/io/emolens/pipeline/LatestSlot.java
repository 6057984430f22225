package io.emolens.pipeline;

/**
 * A hand-over of one item between threads where the newest wins: {@link #offer} replaces an item still waiting, so
 * a slow consumer always gets the latest and nothing queues. {@link #stop} ends it for good and wakes the consumer.
 */
final class LatestSlot<T> {
    private T waiting;
    private boolean stopped;

    /** Leaves {@code item} for the consumer; true when it replaced one still waiting. Ignored once stopped. */
    synchronized boolean offer(T item) {
        if (stopped) {
            return false;
        }
        boolean replaced = waiting != null;
        waiting = item;
        notifyAll();
        return replaced;
    }

    /** Waits for an item and takes it; null once stopped. */
    synchronized T take() throws InterruptedException {
        while (!stopped && waiting == null) {
            wait();
        }
        if (stopped) {
            return null;
        }
        T item = waiting;
        waiting = null;
        return item;
    }

    /** Drops the waiting item, if any. */
    synchronized void clear() {
        waiting = null;
    }

    /** Waits {@code ms} milliseconds unless stopped first. */
    synchronized void rest(long ms) throws InterruptedException {
        long deadline = System.nanoTime() + ms * 1_000_000L;
        long left = ms;
        while (!stopped && left > 0) {
            wait(left);
            left = (deadline - System.nanoTime()) / 1_000_000L;
        }
    }

    synchronized void stop() {
        stopped = true;
        waiting = null;
        notifyAll();
    }
}
