package io.emolens.pipeline;

import java.util.ArrayDeque;

/** Frames per second over the last second of ticks. */
public final class FpsMeter {
    private final ArrayDeque<Long> ticks = new ArrayDeque<>();

    /** Records a frame now and returns the current rate. */
    public double tick() {
        long now = System.nanoTime();
        ticks.addLast(now);
        while (ticks.size() > 2 && now - ticks.peekFirst() > 1_000_000_000L) {
            ticks.removeFirst();
        }
        if (ticks.size() < 2) {
            return 0;
        }
        return (ticks.size() - 1) * 1e9 / (now - ticks.peekFirst());
    }
}
