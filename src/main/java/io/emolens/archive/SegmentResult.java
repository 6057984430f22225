package io.emolens.archive;

import java.io.Serializable;
import java.util.List;

import io.emolens.core.Emotion;

/**
 * What the analysis of one segment gave: its counts, the emotion of the largest face per frame, the face rows, or why
 * it failed (then no rows).
 *
 * @param largestFace     frames whose largest face has each emotion as its label, in {@link Emotion} order
 * @param processingMs    wall time the analysis took
 * @param error           the one-line reason the segment failed, or null
 */
public record SegmentResult(VideoSegment segment, long frames, long framesWithFaces, long faceRows, long[] largestFace,
                            long processingMs, long lastTimeMs, String error, List<FaceRow> rows) implements Serializable {

    public static SegmentResult failed(VideoSegment segment, long processingMs, String error) {
        return new SegmentResult(segment, 0, 0, 0, new long[Emotion.COUNT], processingMs, 0, error, List.of());
    }

    public boolean ok() {
        return error == null;
    }

    /** The same result without its rows, to send to the driver. */
    public SegmentResult withoutRows() {
        return new SegmentResult(segment, frames, framesWithFaces, faceRows, largestFace, processingMs, lastTimeMs, error, List.of());
    }
}
