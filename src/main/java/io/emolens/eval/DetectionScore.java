package io.emolens.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.emolens.core.FaceBox;

/**
 * Face detection counts at an IoU threshold: each detection is matched to at most one ground-truth face and each
 * face to at most one detection, best IoU first. A matched required face is a true positive, an unmatched required
 * face a miss, an unmatched detection a false positive; a detection matched to an ignore region counts as neither.
 * recall = tp / (tp + fn), precision = tp / (tp + fp); both are 1 when their denominator is 0.
 */
public record DetectionScore(long truePositives, long falsePositives, long misses) {
    public static final DetectionScore ZERO = new DetectionScore(0, 0, 0);

    /** Scores one frame's detections against its ground truth. */
    public static DetectionScore of(List<FaceAnnotations.Truth> truth, List<FaceBox> detected, double iouThreshold) {
        record Pair(int truth, int detection, double iou) {
        }
        List<Pair> pairs = new ArrayList<>();
        for (int t = 0; t < truth.size(); t++) {
            for (int d = 0; d < detected.size(); d++) {
                double iou = truth.get(t).box().iou(detected.get(d));
                if (iou >= iouThreshold) {
                    pairs.add(new Pair(t, d, iou));
                }
            }
        }
        pairs.sort(Comparator.comparingDouble(Pair::iou).reversed()
                .thenComparing(p -> !truth.get(p.truth()).required()));
        boolean[] truthUsed = new boolean[truth.size()];
        boolean[] detectionUsed = new boolean[detected.size()];
        long tp = 0;
        for (Pair p : pairs) {
            if (!truthUsed[p.truth()] && !detectionUsed[p.detection()]) {
                truthUsed[p.truth()] = true;
                detectionUsed[p.detection()] = true;
                if (truth.get(p.truth()).required()) {
                    tp++;
                }
            }
        }
        long required = truth.stream().filter(FaceAnnotations.Truth::required).count();
        long fp = 0;
        for (boolean used : detectionUsed) {
            if (!used) {
                fp++;
            }
        }
        return new DetectionScore(tp, fp, required - tp);
    }

    public DetectionScore plus(DetectionScore o) {
        return new DetectionScore(truePositives + o.truePositives, falsePositives + o.falsePositives, misses + o.misses);
    }

    public double recall() {
        return truePositives + misses == 0 ? 1 : (double) truePositives / (truePositives + misses);
    }

    public double precision() {
        return truePositives + falsePositives == 0 ? 1 : (double) truePositives / (truePositives + falsePositives);
    }
}
