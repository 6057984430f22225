package io.emolens.pipeline;

/**
 * A hand-over of one item between threads where the newest wins: {@link #offer} replaces an item still waiting, so
 * a slow consumer always gets the latest and nothing queues. {@link #stop} ends it for good and wakes the consumer.
 */
final class LatestSlot<T> {
    private T waiting;
    private boolean stopped;
    private boolean urgent;

    /** Leaves {@code item} for the consumer; true when it replaced one still waiting. Ignored once stopped. */
    synchronized boolean offer(T item) {
        return offer(item, false);
    }

    /** As {@link #offer(Object)}; {@code urgent} also ends a consumer's {@link #rest} at once. */
    synchronized boolean offer(T item, boolean urgent) {
        if (stopped) {
            return false;
        }
        this.urgent |= urgent;
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
        urgent = false;
        return item;
    }

    /** Drops the waiting item, if any. */
    synchronized void clear() {
        waiting = null;
    }

    /** Waits {@code ms} milliseconds unless stopped or an urgent item comes first. */
    synchronized void rest(long ms) throws InterruptedException {
        long deadline = System.nanoTime() + ms * 1_000_000L;
        long left = ms;
        while (!stopped && !urgent && left > 0) {
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
