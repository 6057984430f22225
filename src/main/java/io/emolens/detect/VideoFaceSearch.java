package io.emolens.detect;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import io.emolens.core.FaceBox;

/**
 * Finds the faces of a video frame by frame at a fraction of the cost of scanning every whole frame: each frame is
 * searched only near the faces of the frames before ({@link FaceDetector#detectNear}), including faces missed for up
 * to {@code keepMissed} frames (a blink, a turn of the head), and near the faces a whole-frame scan found (new faces).
 * The caller scans every few frames ({@link #scanned}, offline) or on another thread ({@link #search} with its
 * result as hints, live). On 640x360 video a Haar search near one face costs about 5 ms, a whole-frame scan about 120.
 * Thread-confined (the detector's thread); one per source.
 */
public final class VideoFaceSearch {
    /** Frames a face missed is still searched for by default: a blink or a quick turn at 30 frames/s. */
    public static final int KEEP_MISSED = 5;
    private final FaceDetector detector;
    private final int keepMissed;
    private final List<Known> known = new ArrayList<>();

    /** A face found on an earlier frame, and the frames since it was last found. */
    private record Known(FaceBox box, int missed) {
    }

    /**
     * @param detector   searches near known faces (thread-confined to the caller's thread)
     * @param keepMissed frames a known face is still searched for after it was last found
     */
    public VideoFaceSearch(FaceDetector detector, int keepMissed) {
        if (keepMissed < 0) {
            throw new IllegalArgumentException("keepMissed must be >= 0, was " + keepMissed);
        }
        this.detector = detector;
        this.keepMissed = keepMissed;
    }

    /**
     * The faces of the next frame, searched near the known faces and near {@code hints} (faces a whole-frame scan of
     * an earlier frame found; empty when no scan finished since the last call).
     */
    public List<FaceBox> search(BufferedImage frame, List<FaceBox> hints) {
        List<FaceBox> around = new ArrayList<>();
        known.forEach(k -> around.add(k.box()));
        for (FaceBox hint : hints) {
            if (around.stream().noneMatch(a -> BoxSuppression.FACES.sameFace(a, hint))) {
                around.add(hint);
            }
        }
        List<FaceBox> found = detector.detectNear(frame, around);
        remember(found);
        return found;
    }

    /**
     * The faces of a frame that was scanned whole ({@code scan}: what the scan found): those, and the known faces the
     * scan missed where a search near them finds them.
     */
    public List<FaceBox> scanned(BufferedImage frame, List<FaceBox> scan) {
        List<FaceBox> missedByScan = new ArrayList<>();
        for (Known k : known) {
            if (scan.stream().noneMatch(s -> BoxSuppression.FACES.sameFace(s, k.box()))) {
                missedByScan.add(k.box());
            }
        }
        List<BoxSuppression.Scored> all = new ArrayList<>();
        scan.forEach(s -> all.add(new BoxSuppression.Scored(s, 1)));
        if (!missedByScan.isEmpty()) {
            detector.detectNear(frame, missedByScan).forEach(n -> all.add(new BoxSuppression.Scored(n, 0)));
        }
        List<FaceBox> found = BoxSuppression.FACES.largestFirst(all);
        remember(found);
        return found;
    }

    /** Forgets the known faces (a new source). */
    public void reset() {
        known.clear();
    }

    private void remember(List<FaceBox> found) {
        List<Known> next = new ArrayList<>();
        found.forEach(f -> next.add(new Known(f, 0)));
        for (Known k : known) {
            if (k.missed() < keepMissed && found.stream().noneMatch(f -> BoxSuppression.FACES.sameFace(f, k.box()))) {
                next.add(new Known(k.box(), k.missed() + 1));
            }
        }
        known.clear();
        known.addAll(next);
    }
}
