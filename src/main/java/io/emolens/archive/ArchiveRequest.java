package io.emolens.archive;

import java.util.List;

/**
 * What {@code archive} was asked to do: the inputs (files or folders, local paths or any Hadoop filesystem URI), the
 * output folder, the Spark master (null: the one spark-submit set, else {@code local[*]}) and the segment length.
 */
public record ArchiveRequest(List<String> inputs, String out, String master, double segmentMinutes) {
    public ArchiveRequest {
        inputs = List.copyOf(inputs);
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("no input");
        }
        if (!(segmentMinutes > 0)) {
            throw new IllegalArgumentException("segment length must be positive, was " + segmentMinutes);
        }
    }

    /** Segment length in milliseconds. */
    public long segmentMs() {
        return Math.max(1, Math.round(segmentMinutes * 60_000));
    }
}
