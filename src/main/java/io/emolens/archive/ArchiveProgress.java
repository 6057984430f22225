package io.emolens.archive;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The console's progress line of an archive run: videos and segments done, frames analyzed per second of wall time and
 * the time left, estimated from the video time still to analyze at the rate so far. Thread-safe.
 */
public final class ArchiveProgress {
    private final long startNanos;
    private final int videos;
    private final long totalVideoMs;
    private final Map<String, Integer> segmentsLeft = new HashMap<>();
    private final Set<String> seen = new HashSet<>();
    private int segments;
    private int segmentsDone;
    private int videosDone;
    private long frames;
    private long videoMsDone;

    /** Progress over {@code probes}' videos cut into {@code plan}, started now. */
    public ArchiveProgress(List<VideoProbe> probes, List<VideoSegment> plan, long startNanos) {
        this.startNanos = startNanos;
        this.videos = probes.size();
        this.totalVideoMs = probes.stream().mapToLong(VideoProbe::durationMs).sum();
        this.segments = plan.size();
        for (VideoSegment s : plan) {
            segmentsLeft.merge(s.source(), 1, Integer::sum);
        }
        this.videosDone = (int) probes.stream().filter(p -> !p.ok()).count();
    }

    /** Counts a finished segment once, however often it is reported. */
    public synchronized void segmentDone(VideoSegment segment, long segmentFrames, long durationMs) {
        if (!seen.add(segment.source() + "#" + segment.index())) {
            return;
        }
        segmentsDone++;
        frames += segmentFrames;
        long end = segment.toMs() > 0 ? segment.toMs() : Math.max(segment.fromMs(), durationMs);
        videoMsDone += end - segment.fromMs();
        if (segmentsLeft.merge(segment.source(), -1, Integer::sum) == 0) {
            videosDone++;
        }
    }

    /** "archive: 2/5 videos, 7/20 segments, 3120 frames, 41.5 frames/s, about 4 min 10 s left". */
    public synchronized String line(long nowNanos) {
        double seconds = Math.max(1e-3, (nowNanos - startNanos) / 1e9);
        String eta = "";
        if (videoMsDone > 0 && totalVideoMs > videoMsDone) {
            eta = ", about " + duration((totalVideoMs - videoMsDone) / (videoMsDone / seconds)) + " left";
        }
        return String.format(Locale.ROOT, "archive: %d/%d videos, %d/%d segments, %d frames, %.1f frames/s%s",
                videosDone, videos, segmentsDone, segments, frames, frames / seconds, eta);
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min " + s % 60 + " s";
        }
        return s / 3600 + " h " + s % 3600 / 60 + " min";
    }
}
