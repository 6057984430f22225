package io.emolens.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.emolens.core.VideoFrame;
import io.emolens.track.BoxMotion;
import io.emolens.track.TrackedFace;

/**
 * Puts the latest analysis on a newer frame for display: the same face ids and probabilities, each box moved to
 * the frame's time by {@link BoxMotion}, and the age of each drawn label counted in {@link LiveStats}.
 * Thread-confined to the display (source) thread.
 */
final class FaceFollower {
    private final BoxMotion motion;
    private AnalysisWorker.Result seen;

    FaceFollower(BoxMotion.Mode mode) {
        this.motion = new BoxMotion(mode);
    }

    void reset() {
        motion.reset();
        seen = null;
    }

    /**
     * The frame to show: {@code frame} with {@code result}'s faces following it ({@code result} may be null). When the
     * classifier changed since the result was computed ({@code modelGeneration} differs), its probabilities are
     * dropped: no label outlives the model that gave it.
     */
    AnalyzedFrame follow(AnalysisWorker.Result result, VideoFrame frame, long captureNanos, LiveStats stats,
                         String model, io.emolens.detect.DetectorSettings detector, long modelGeneration) {
        if (result == null) {
            return new AnalyzedFrame(frame, List.of(), 0, 0, model, detector);
        }
        AnalyzedFrame analyzed = result.analyzed();
        if (result != seen) {
            seen = result;
            List<Integer> ids = new ArrayList<>();
            for (TrackedFace f : analyzed.faces()) {
                motion.observe(f.id(), f.box(), analyzed.frame().timeMs());
                ids.add(f.id());
            }
            motion.retain(ids);
        }
        boolean same = analyzed.frame() == frame;
        boolean stale = result.model() != modelGeneration;
        List<TrackedFace> faces = new ArrayList<>(analyzed.faces().size());
        for (TrackedFace f : analyzed.faces()) {
            TrackedFace shown = same && !stale ? f : new TrackedFace(f.id(), same ? f.box()
                    : motion.predict(f.id(), f.box(), frame.timeMs(), frame.width(), frame.height()), stale ? Optional.empty() : f.scores(), false);
            faces.add(shown);
            Long at = result.classifiedAt().get(f.id());
            if (at != null && shown.scores().isPresent()) {
                stats.labelAge(Math.max(0, captureNanos - at) / 1e6);
            }
        }
        return new AnalyzedFrame(frame, faces, same ? analyzed.detectMs() : 0, same ? analyzed.classifyMs() : 0,
                stale ? model : analyzed.model(), analyzed.detector());
    }
}
