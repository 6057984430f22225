package io.emolens.record;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.emolens.core.Emotion;

/**
 * The user's ground-truth labels as they change during a recording: setting a label closes the open segment
 * and opens a new one; clearing closes it. Zero-length segments are dropped. Not thread-safe.
 */
public final class LabelTrack {
    private final List<LabelSegment> closed = new ArrayList<>();
    private Emotion open;
    private long openSince;

    /** Sets the label from {@code ms} on ({@code null} clears); setting the current label again changes nothing. */
    public void set(Emotion label, long ms) {
        if (label == open) {
            return;
        }
        closeAt(ms);
        open = label;
        openSince = ms;
    }

    public Optional<Emotion> current() {
        return Optional.ofNullable(open);
    }

    /** Closed segments plus the open one ending at {@code nowMs}, in time order. */
    public List<LabelSegment> segments(long nowMs) {
        List<LabelSegment> all = new ArrayList<>(closed);
        if (open != null && nowMs > openSince) {
            all.add(new LabelSegment(openSince, nowMs, open));
        }
        return all;
    }

    /** Closes the open segment at {@code ms}; the label stays cleared. */
    public void closeAt(long ms) {
        if (open != null && ms > openSince) {
            closed.add(new LabelSegment(openSince, ms, open));
        }
        open = null;
    }
}
