package io.emolens.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.emolens.core.Emotion;
import io.emolens.core.EmotionScores;
import io.emolens.record.LabelSegment;
import io.emolens.session.AgreementReport;
import io.emolens.session.RecordedSession;
import io.emolens.session.RecordedSession.Face;

/**
 * The numbers a session report shows, computed from a {@link RecordedSession}: the share of time per emotion for
 * the largest face and for each face tracked long enough, the emotion and valence timelines (averaged into at
 * most {@value #MAX_BINS} time bins so an hour-long session stays a small file), the agreement with the user's
 * labels, and the moments worth a thumbnail.
 */
final class SessionFigures {
    static final int MAX_BINS = 600;
    static final int MAX_LABEL_MOMENTS = 12;
    static final int MAX_TRACKS = 20;

    /** How often each emotion was the top one, over rows that had probabilities. */
    record Share(long[] counts, long scored, long unscored) {
        double fraction(Emotion e) {
            return scored == 0 ? 0 : counts[e.index()] / (double) scored;
        }

        Emotion top() {
            Emotion best = Emotion.values()[0];
            for (Emotion e : Emotion.values()) {
                if (counts[e.index()] > counts[best.index()]) {
                    best = e;
                }
            }
            return best;
        }
    }

    /** One tracked face: its id, when it was seen and its share. */
    record Track(int id, long firstMs, long lastMs, int rows, Share share) {
        long durationMs() {
            return lastMs - firstMs;
        }
    }

    /** One time bin of the largest face's timeline: mean probabilities and valence over its scored rows. */
    record Bin(double startS, double endS, float[] probabilities, double valence) {
        double midS() {
            return (startS + endS) / 2;
        }
    }

    /** A moment worth a thumbnail: what it is, when, and the largest face's row there. */
    record Moment(String title, Face face) {
    }

    final RecordedSession session;
    final List<Face> largest;
    final Share largestShare;
    /** The {@value #MAX_TRACKS} longest faces followed for at least the minimum, longest first. */
    final List<Track> tracks;
    /** How many faces were followed for at least the minimum. */
    final int trackCount;
    final List<Bin> bins;
    final AgreementReport agreement;
    final List<Moment> moments;
    final long minTrackMs;

    SessionFigures(RecordedSession session, long minTrackMs) {
        this.session = session;
        this.minTrackMs = minTrackMs;
        this.largest = session.largestPerFrame();
        this.largestShare = share(largest);
        List<Track> all = tracks(session, minTrackMs);
        this.trackCount = all.size();
        this.tracks = all.subList(0, Math.min(MAX_TRACKS, all.size()));
        this.bins = bins(largest, session.durationMs());
        this.agreement = AgreementReport.of(session);
        this.moments = moments(largest, session.labels());
    }

    double durationS() {
        return Math.max(1, session.durationMs()) / 1000.0;
    }

    static Share share(List<Face> rows) {
        long[] counts = new long[Emotion.COUNT];
        long scored = 0;
        long unscored = 0;
        for (Face f : rows) {
            if (f.scores().isPresent()) {
                counts[f.scores().get().top().index()]++;
                scored++;
            } else {
                unscored++;
            }
        }
        return new Share(counts, scored, unscored);
    }

    private static List<Track> tracks(RecordedSession session, long minMs) {
        List<Track> out = new ArrayList<>();
        for (Map.Entry<Integer, List<Face>> e : session.byFace().entrySet()) {
            List<Face> rows = e.getValue();
            long first = rows.stream().mapToLong(Face::sessionMs).min().orElse(0);
            long last = rows.stream().mapToLong(Face::sessionMs).max().orElse(0);
            Share share = share(rows);
            if (last - first >= minMs && share.scored() > 0) {
                out.add(new Track(e.getKey(), first, last, rows.size(), share));
            }
        }
        out.sort(Comparator.comparingLong(Track::durationMs).reversed().thenComparingInt(Track::id));
        return out;
    }

    private static List<Bin> bins(List<Face> rows, long durationMs) {
        List<Face> scored = rows.stream().filter(f -> f.scores().isPresent()).toList();
        if (scored.isEmpty()) {
            return List.of();
        }
        int n = Math.min(MAX_BINS, scored.size());
        double width = Math.max(1, durationMs) / 1000.0 / n;
        double[][] sums = new double[n][Emotion.COUNT + 1];
        int[] counts = new int[n];
        for (Face f : scored) {
            int b = Math.min(n - 1, (int) (f.sessionMs() / 1000.0 / width));
            EmotionScores s = f.scores().get();
            for (Emotion e : Emotion.values()) {
                sums[b][e.index()] += s.get(e);
            }
            sums[b][Emotion.COUNT] += s.valence();
            counts[b]++;
        }
        List<Bin> out = new ArrayList<>();
        for (int b = 0; b < n; b++) {
            if (counts[b] == 0) {
                continue;
            }
            float[] p = new float[Emotion.COUNT];
            for (int k = 0; k < Emotion.COUNT; k++) {
                p[k] = (float) (sums[b][k] / counts[b]);
            }
            out.add(new Bin(b * width, (b + 1) * width, p, sums[b][Emotion.COUNT] / counts[b]));
        }
        return out;
    }

    private static List<Moment> moments(List<Face> rows, List<LabelSegment> labels) {
        List<Moment> out = new ArrayList<>();
        List<Face> scored = rows.stream().filter(f -> f.scores().isPresent()).toList();
        if (!scored.isEmpty()) {
            Face high = scored.stream().max(Comparator.comparingDouble(f -> f.scores().get().valence())).get();
            Face low = scored.stream().min(Comparator.comparingDouble(f -> f.scores().get().valence())).get();
            out.add(new Moment("Highest valence", high));
            if (low != high) {
                out.add(new Moment("Lowest valence", low));
            }
        }
        int n = 0;
        for (LabelSegment s : labels) {
            if (n == MAX_LABEL_MOMENTS) {
                break;
            }
            long mid = (s.startMs() + s.endMs()) / 2;
            Optional<Face> nearest = rows.stream().filter(f -> s.contains(f.sessionMs()))
                    .min(Comparator.comparingLong(f -> Math.abs(f.sessionMs() - mid)));
            if (nearest.isPresent()) {
                out.add(new Moment("You: " + s.label().label(), nearest.get()));
                n++;
            }
        }
        return out;
    }
}
