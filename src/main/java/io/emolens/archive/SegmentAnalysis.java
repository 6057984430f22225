package io.emolens.archive;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.emolens.core.EmolensException;
import io.emolens.core.Emotion;
import io.emolens.core.FileKinds;
import io.emolens.core.VideoFrame;
import io.emolens.pipeline.AnalyzedFrame;
import io.emolens.pipeline.OfflineAnalysis;
import io.emolens.pipeline.FrameAnalyzer;
import io.emolens.pipeline.SceneCuts;
import io.emolens.source.FrameSource;
import io.emolens.source.FrameSourceFactory;
import io.emolens.track.TrackedFace;

/**
 * Analyzes one segment of a video as {@code analyze} analyzes a whole one ({@link OfflineAnalysis}, every
 * {@value OfflineAnalysis#DEFAULT_SCAN_EVERY}th frame and each new shot scanned whole, the faces followed between, every
 * face classified), on one analyzer: a Spark task has one core. The segment is analyzed from its warm-up on
 * ({@link WarmUp}, the frames before its start give no rows), so its rows are a whole-video run's apart from track ids
 * (from 1 in each segment). Anything that goes wrong becomes a failed result with a one-line reason, never an exception,
 * so one broken video never fails the job.
 */
public final class SegmentAnalysis {
    /** How far before a segment's start its cuts are looked for from: the frame before the start must be decoded. */
    private static final long CUT_CONTEXT_MS = 1000;
    private final FrameSourceFactory sources;

    public SegmentAnalysis(FrameSourceFactory sources) {
        this.sources = sources;
    }

    /** What opening {@code local} (the video {@code source}, as a file here) tells about it. */
    public VideoProbe probe(String source, Path local) {
        try (FrameSource s = sources.open(local)) {
            if (s.frameRate() <= 0 || s.isLive()) {
                return VideoProbe.failed(source, local + " is not a video");
            }
            return new VideoProbe(source, s.durationMs(), s.frameRate(), null);
        } catch (RuntimeException e) {
            return VideoProbe.failed(source, reason(e));
        }
    }

    /** Analyzes {@code segment} of the video, read from {@code local}, with {@code analyzer} (reset first). */
    public SegmentResult analyze(VideoSegment segment, Path local, FrameAnalyzer analyzer) {
        long start = System.nanoTime();
        List<FaceRow> rows = new ArrayList<>();
        long[] counts = new long[3];
        long[] largest = new long[Emotion.COUNT];
        try {
            analyzer.reset();
            FrameSource source = sources.openRange(local, segment.warmUpFromMs(), segment.toMs());
            OfflineAnalysis.Outcome outcome = new OfflineAnalysis(analyzer, List.of(analyzer), OfflineAnalysis.DEFAULT_SCAN_EVERY, segment.shotStart())
                    .run(source, 0, () -> false, () -> false, OfflineAnalysis.Sink.keepingNoFrames((AnalyzedFrame frame) -> {
                        if (frame.frame().timeMs() < segment.fromMs()) {
                            return;
                        }
                        counts[0]++;
                        counts[2] = frame.frame().timeMs();
                        List<TrackedFace> faces = frame.faces();
                        if (!faces.isEmpty()) {
                            counts[1]++;
                            faces.get(0).scores().ifPresent(s -> largest[s.top().ordinal()]++);
                        }
                        for (TrackedFace face : faces) {
                            rows.add(FaceRow.of(frame, face, segment.source(), segment.index()));
                        }
                    }));
            if (outcome.error().isPresent()) {
                return SegmentResult.failed(segment, elapsedMs(start), "decoding stopped at frame " + outcome.framesRead() + ": "
                        + reason(outcome.error().get()));
            }
            return new SegmentResult(segment, counts[0], counts[1], rows.size(), largest, elapsedMs(start), counts[2], null, rows);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SegmentResult.failed(segment, elapsedMs(start), "interrupted");
        } catch (RuntimeException | LinkageError e) {
            return SegmentResult.failed(segment, elapsedMs(start), reason(e));
        }
    }

    /**
     * The cuts (first frames of new shots, {@link SceneCuts}) among the segment's frames, each told against the frame
     * before it, as a whole-video run finds them. A video that cannot be read gives the cuts found before the error;
     * its analysis reports the error.
     */
    public List<WarmUp.Cut> cuts(VideoSegment segment, Path local) {
        List<WarmUp.Cut> found = new ArrayList<>();
        SceneCuts cuts = new SceneCuts();
        try (FrameSource source = sources.openRange(local, Math.max(0, segment.fromMs() - CUT_CONTEXT_MS), segment.toMs())) {
            Optional<VideoFrame> next;
            while ((next = source.next()).isPresent()) {
                VideoFrame frame = next.get();
                if (cuts.isCut(frame.image()) && frame.timeMs() >= segment.fromMs()) {
                    found.add(new WarmUp.Cut(segment.source(), frame.index(), frame.timeMs()));
                }
                source.recycle(frame);
            }
        } catch (RuntimeException e) {
            return found;
        }
        return found;
    }

    private static long elapsedMs(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** A one-line reason: the message of an {@link EmolensException}, else the type and message. */
    public static String reason(Throwable e) {
        String m = e.getMessage();
        String text = e instanceof EmolensException && m != null ? m
                : e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
        return FileKinds.oneLine(text, 300);
    }
}
