package io.emolens.record;

import io.emolens.core.Emotion;

/**
 * A stretch of a session during which the user said they showed {@code label}: {@code startMs <= t < endMs},
 * in session milliseconds.
 */
public record LabelSegment(long startMs, long endMs, Emotion label) {

    public LabelSegment {
        if (startMs < 0 || endMs < startMs) {
            throw new IllegalArgumentException("label segment must have 0 <= start <= end, was " + startMs + ".." + endMs);
        }
    }

    public boolean contains(long ms) {
        return ms >= startMs && ms < endMs;
    }

    public long durationMs() {
        return endMs - startMs;
    }
}
