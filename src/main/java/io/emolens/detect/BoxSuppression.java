package io.emolens.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.emolens.core.FaceBox;

/**
 * Non-maximum suppression on overlap and on containment: of candidates that overlap by at least
 * {@link #iouThreshold} IoU, or where at least {@link #containmentThreshold} of the smaller one lies inside the
 * larger, only the best scored is kept. Haar cascades report one face at two scales (a box nested inside a bigger
 * one) whose IoU is low, so IoU alone would keep both and the tracker would see two faces.
 *
 * @param iouThreshold         overlap (IoU) from which two boxes are one face, in (0, 1]
 * @param containmentThreshold fraction of the smaller box inside the larger from which they are one face, in (0, 1]
 */
public record BoxSuppression(double iouThreshold, double containmentThreshold) {
    /** IoU 0.3 or 70% containment: the limits the duplicate-box test of the issue holds detectors to. */
    public static final BoxSuppression FACES = new BoxSuppression(0.3, 0.7);

    /** A candidate box with the detector's confidence in it (Haar: neighbour count; YuNet: score). */
    public record Scored(FaceBox box, double score) {
    }

    public BoxSuppression {
        if (!(iouThreshold > 0 && iouThreshold <= 1) || !(containmentThreshold > 0 && containmentThreshold <= 1)) {
            throw new IllegalArgumentException("thresholds must be in (0, 1], were " + iouThreshold + " and " + containmentThreshold);
        }
    }

    /** The kept boxes, best score first (ties: larger box first). */
    public List<FaceBox> apply(List<Scored> candidates) {
        List<Scored> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparingDouble(Scored::score).reversed()
                .thenComparing(Comparator.comparingInt((Scored s) -> s.box().area()).reversed()));
        List<FaceBox> kept = new ArrayList<>();
        for (Scored c : sorted) {
            if (kept.stream().noneMatch(k -> sameFace(k, c.box()))) {
                kept.add(c.box());
            }
        }
        return kept;
    }

    /** The kept boxes, largest first: the order {@link FaceDetector#detect} promises. */
    public List<FaceBox> largestFirst(List<Scored> candidates) {
        List<FaceBox> kept = new ArrayList<>(apply(candidates));
        kept.sort(Comparator.comparingInt(FaceBox::area).reversed());
        return kept;
    }

    /** Whether two boxes overlap or nest enough to be one face. */
    public boolean sameFace(FaceBox a, FaceBox b) {
        return a.iou(b) >= iouThreshold || a.containment(b) >= containmentThreshold;
    }
}
