package io.emolens.track;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.emolens.core.EmotionScores;
import io.emolens.core.FaceBox;

/**
 * Gives detections stable ids by greedy best-overlap matching with the previous frame's tracks, and smooths
 * each face's probabilities over time so labels do not flicker. Thread-confined; one per source.
 */
public final class FaceTracker {
    private final TrackerConfig config;
    private final List<Track> tracks = new ArrayList<>();
    private int nextId = 1;

    public FaceTracker(TrackerConfig config) {
        this.config = config;
    }

    /** Matches this frame's detections to tracks; returns one id per box, in box order. */
    public List<Integer> assign(List<FaceBox> boxes) {
        record Pair(int track, int box, double iou) {
        }
        List<Pair> pairs = new ArrayList<>();
        for (int t = 0; t < tracks.size(); t++) {
            for (int b = 0; b < boxes.size(); b++) {
                double iou = tracks.get(t).box.iou(boxes.get(b));
                if (iou >= config.minIou()) {
                    pairs.add(new Pair(t, b, iou));
                }
            }
        }
        pairs.sort(Comparator.comparingDouble(Pair::iou).reversed());
        Track[] matched = new Track[boxes.size()];
        boolean[] trackUsed = new boolean[tracks.size()];
        for (Pair p : pairs) {
            if (matched[p.box] == null && !trackUsed[p.track]) {
                matched[p.box] = tracks.get(p.track);
                trackUsed[p.track] = true;
            }
        }
        List<Track> survivors = new ArrayList<>();
        for (int t = 0; t < tracks.size(); t++) {
            Track track = tracks.get(t);
            if (!trackUsed[t] && ++track.missed <= config.maxMissed()) {
                survivors.add(track);
            }
        }
        List<Integer> ids = new ArrayList<>(boxes.size());
        for (int b = 0; b < boxes.size(); b++) {
            Track track = matched[b] != null ? matched[b] : new Track(nextId++);
            track.box = boxes.get(b);
            track.missed = 0;
            survivors.add(track);
            ids.add(track.id);
        }
        tracks.clear();
        tracks.addAll(survivors);
        return ids;
    }

    /** Folds new probabilities for face {@code id} into its moving average and returns the smoothed value. */
    public EmotionScores update(int id, EmotionScores fresh) {
        Track track = find(id);
        if (track.scores == null) {
            track.scores = fresh.toArray();
        } else {
            float[] f = fresh.toArray();
            float a = (float) config.smoothing();
            for (int i = 0; i < f.length; i++) {
                track.scores[i] = a * f[i] + (1 - a) * track.scores[i];
            }
        }
        return new EmotionScores(track.scores);
    }

    /** The smoothed probabilities of face {@code id}, empty before its first classification. */
    public Optional<EmotionScores> scores(int id) {
        Track track = find(id);
        return track.scores == null ? Optional.empty() : Optional.of(new EmotionScores(track.scores));
    }

    /** Builds the frame's tracked faces from {@link #assign} ids, marking those scored this frame. */
    public List<TrackedFace> faces(List<FaceBox> boxes, List<Integer> ids, Map<Integer, ?> classifiedNow) {
        List<TrackedFace> faces = new ArrayList<>(boxes.size());
        for (int i = 0; i < boxes.size(); i++) {
            int id = ids.get(i);
            faces.add(new TrackedFace(id, boxes.get(i), scores(id), classifiedNow.containsKey(id)));
        }
        return faces;
    }

    /** Forgets every face's probabilities (another model, or none), keeping the faces and their ids. */
    public void clearScores() {
        tracks.forEach(t -> t.scores = null);
    }

    /** Forgets all faces (new source); ids keep counting up. */
    public void reset() {
        tracks.clear();
    }

    private Track find(int id) {
        for (Track t : tracks) {
            if (t.id == id) {
                return t;
            }
        }
        throw new IllegalArgumentException("no face with id " + id + " in the current frame");
    }

    private static final class Track {
        final int id;
        FaceBox box;
        int missed;
        float[] scores;

        Track(int id) {
            this.id = id;
        }
    }
}
