package io.emolens.archive;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A work unit: the frames of one video whose times fall in [{@code fromMs}, {@code toMs}) ({@code toMs} 0: to the end).
 *
 * @param source  the video, as a fully qualified URI
 * @param index   0-based segment number within the video
 * @param count   how many segments the video has
 * @param fromMs  first time included
 * @param toMs    first time excluded, 0 for the last segment
 */
public record VideoSegment(String source, int index, int count, long fromMs, long toMs) implements Serializable {

    /**
     * The segments of a probed video, {@code segmentMs} long: one for a video no longer than that or of unknown length.
     * The last one runs to the end, so frames past the container's stated length are kept.
     */
    public static List<VideoSegment> plan(VideoProbe video, long segmentMs) {
        if (segmentMs <= 0) {
            throw new IllegalArgumentException("segment length must be positive, was " + segmentMs);
        }
        int count = (int) Math.max(1, (video.durationMs() + segmentMs - 1) / segmentMs);
        List<VideoSegment> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(new VideoSegment(video.source(), i, count, i * segmentMs, i == count - 1 ? 0 : (i + 1) * segmentMs));
        }
        return out;
    }

    /** "clip.mp4 2/5", for messages. */
    public String label() {
        return source + (count > 1 ? " segment " + (index + 1) + "/" + count : "");
    }
}
