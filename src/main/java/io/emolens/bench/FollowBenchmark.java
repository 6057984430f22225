package io.emolens.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import io.emolens.core.FaceBox;
import io.emolens.core.VideoFrame;
import io.emolens.pipeline.AnalyzedFrame;
import io.emolens.pipeline.FrameAnalyzer;
import io.emolens.source.FrameSource;
import io.emolens.track.BoxMotion;
import io.emolens.track.TrackedFace;

/**
 * How well boxes follow faces on frames the live analysis skipped: every frame of a clip is analyzed once (the
 * reference boxes); then the live view is replayed as if the analysis finished every {@code period} frames, each
 * result arriving {@code period} frames after its frame (the worker takes the newest frame when it is free), and
 * each shown frame's box, moved by {@link BoxMotion}, is compared with that frame's own detection of the same face.
 */
public final class FollowBenchmark {

    /** Mean IoU and mean centre error (pixels) of the shown boxes against the frame's own detection. */
    public record Score(BoxMotion.Mode mode, long maxAheadMs, int period, double meanIou, double meanCentreErrorPx, long boxes) {
    }

    /** Extrapolation horizons compared besides holding. */
    static final long[] HORIZONS_MS = {100, 250};

    public List<Score> run(Supplier<FrameSource> clip, FrameAnalyzer analyzer, int[] periods) {
        List<AnalyzedFrame> reference = new ArrayList<>();
        analyzer.reset();
        try (FrameSource source = clip.get()) {
            Optional<VideoFrame> next;
            while ((next = source.next()).isPresent()) {
                reference.add(analyzer.analyze(next.get()));
            }
        }
        List<Score> scores = new ArrayList<>();
        for (int period : periods) {
            scores.add(replay(reference, BoxMotion.Mode.HOLD, 0, period));
            for (long horizon : HORIZONS_MS) {
                scores.add(replay(reference, BoxMotion.Mode.VELOCITY, horizon, period));
            }
        }
        return scores;
    }

    private static Score replay(List<AnalyzedFrame> reference, BoxMotion.Mode mode, long horizon, int period) {
        BoxMotion motion = new BoxMotion(mode, horizon);
        AnalyzedFrame shownAnalysis = null;
        double iou = 0;
        double centre = 0;
        long n = 0;
        for (int t = 0; t < reference.size(); t++) {
            int analyzedAt = t - period;
            if (analyzedAt >= 0 && analyzedAt % period == 0) {
                shownAnalysis = reference.get(analyzedAt);
                List<Integer> ids = new ArrayList<>();
                for (TrackedFace f : shownAnalysis.faces()) {
                    motion.observe(f.id(), f.box(), shownAnalysis.frame().timeMs());
                    ids.add(f.id());
                }
                motion.retain(ids);
            }
            if (shownAnalysis == null) {
                continue;
            }
            AnalyzedFrame truth = reference.get(t);
            for (TrackedFace f : shownAnalysis.faces()) {
                FaceBox shown = motion.predict(f.id(), f.box(), truth.frame().timeMs(), truth.frame().width(), truth.frame().height());
                for (TrackedFace g : truth.faces()) {
                    if (g.id() == f.id()) {
                        iou += shown.iou(g.box());
                        centre += Math.hypot(shown.centerX() - g.box().centerX(), shown.centerY() - g.box().centerY());
                        n++;
                    }
                }
            }
        }
        return new Score(mode, horizon, period, n == 0 ? Double.NaN : iou / n, n == 0 ? Double.NaN : centre / n, n);
    }
}
