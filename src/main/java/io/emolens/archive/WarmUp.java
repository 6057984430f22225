package io.emolens.archive;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each segment of a video starts analyzing, so that its rows equal a whole-video run's for the same frames apart
 * from track ids. What a whole-video run carries into a segment's first frame is the whole-frame scan rhythm (counted
 * from the first frame of the shot), the faces the face search follows, and track ids (offline probabilities are not
 * smoothed); a new shot (a cut) resets all of it. So a segment starts at the last cut before it when that is at most
 * {@code warmUpMs} back, where its state is the whole run's exactly; else {@code warmUpMs} before it, in the scan
 * rhythm of its shot, which starts at the last cut before (or the video's first frame). docs/ARCHITECTURE.md says why
 * {@value #DEFAULT_MS} ms.
 */
public final class WarmUp {
    /** How far before its start a segment starts analyzing when no cut is nearer. */
    public static final long DEFAULT_MS = 5000;

    private WarmUp() {
    }

    /** A cut: the first frame of a new shot, by number and time, in {@code source}. */
    public record Cut(String source, long frame, long timeMs) implements Serializable {
    }

    /**
     * {@code segments} warmed up: each, except a video's first, from the later of {@code warmUpMs} before its start and
     * its video's last cut at or before its start, in the shot of the last cut at or before that.
     *
     * @param cuts every cut of the videos that have more than one segment (in any order)
     */
    public static List<VideoSegment> plan(List<VideoSegment> segments, List<Cut> cuts, long warmUpMs) {
        if (warmUpMs < 0) {
            throw new IllegalArgumentException("warm-up must be >= 0 ms, was " + warmUpMs);
        }
        Map<String, List<Cut>> bySource = new HashMap<>();
        for (Cut c : cuts) {
            bySource.computeIfAbsent(c.source(), k -> new ArrayList<>()).add(c);
        }
        bySource.values().forEach(list -> list.sort(Comparator.comparingLong(Cut::timeMs)));
        List<VideoSegment> out = new ArrayList<>(segments.size());
        for (VideoSegment s : segments) {
            out.add(s.index() == 0 ? s : warm(s, bySource.getOrDefault(s.source(), List.of()), warmUpMs));
        }
        return out;
    }

    private static VideoSegment warm(VideoSegment segment, List<Cut> cuts, long warmUpMs) {
        long from = Math.max(0, segment.fromMs() - warmUpMs);
        Cut nearest = lastAtOrBefore(cuts, segment.fromMs());
        if (nearest != null && nearest.timeMs() > from) {
            from = nearest.timeMs();
        }
        Cut shot = lastAtOrBefore(cuts, from);
        return segment.warmedUp(from, shot == null ? 0 : shot.frame());
    }

    private static Cut lastAtOrBefore(List<Cut> sorted, long timeMs) {
        Cut last = null;
        for (Cut c : sorted) {
            if (c.timeMs() > timeMs) {
                break;
            }
            last = c;
        }
        return last;
    }
}
