package io.emolens.archive;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A work unit: the frames of one video whose times fall in [{@code fromMs}, {@code toMs}) ({@code toMs} 0: to the end),
 * analyzed from {@code warmUpFromMs} on so that its rows are those a whole-video run gives for the same frames
 * ({@link WarmUp}).
 *
 * @param source       the video, as a fully qualified URI
 * @param index        0-based segment number within the video
 * @param count        how many segments the video has
 * @param fromMs       first time included
 * @param toMs         first time excluded, 0 for the last segment
 * @param warmUpFromMs where decoding and analysis start, at most {@code fromMs}: the frames before {@code fromMs} bring
 *                     the face search to where a whole-video run has it and give no rows
 * @param shotStart    the frame number of the first frame of the shot {@code warmUpFromMs} falls in, -1 when a shot
 *                     starts there (the whole-frame scans keep the whole video's rhythm from it)
 */
public record VideoSegment(String source, int index, int count, long fromMs, long toMs, long warmUpFromMs, long shotStart)
        implements Serializable {

    public VideoSegment {
        if (warmUpFromMs < 0 || warmUpFromMs > fromMs) {
            throw new IllegalArgumentException("a segment starting at " + fromMs + " ms cannot warm up from " + warmUpFromMs + " ms");
        }
    }

    /**
     * The segments of a probed video, {@code segmentMs} long: one for a video no longer than that or of unknown length.
     * The last one runs to the end, so frames past the container's stated length are kept. None is warmed up yet.
     */
    public static List<VideoSegment> plan(VideoProbe video, long segmentMs) {
        if (segmentMs <= 0) {
            throw new IllegalArgumentException("segment length must be positive, was " + segmentMs);
        }
        int count = (int) Math.max(1, (video.durationMs() + segmentMs - 1) / segmentMs);
        List<VideoSegment> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long from = i * segmentMs;
            out.add(new VideoSegment(video.source(), i, count, from, i == count - 1 ? 0 : (i + 1) * segmentMs, from, -1));
        }
        return out;
    }

    /** This segment analyzed from {@code warmUpFromMs} on, in a shot that began at frame {@code shotStart}. */
    public VideoSegment warmedUp(long warmUpFromMs, long shotStart) {
        return new VideoSegment(source, index, count, fromMs, toMs, warmUpFromMs, shotStart);
    }

    /** "clip.mp4 2/5", for messages. */
    public String label() {
        return source + (count > 1 ? " segment " + (index + 1) + "/" + count : "");
    }
}
