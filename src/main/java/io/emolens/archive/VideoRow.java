package io.emolens.archive;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import io.emolens.core.Emotion;

/**
 * One video of an archive run, as videos.csv and videos.parquet hold it ({@link #COLUMNS}): {@code status}
 * {@value #COMPLETE} or {@value #FAILED}; frames, frames with a face, face rows (the video's rows in faces/);
 * {@code duration_s} the video's length, {@code processing_s} the analysis time of its segments added up; for each
 * emotion the share of the frames with a classified face whose largest face has that label ({@code share_angry} …,
 * summing to 1, empty when there is none); {@code error} the one-line reason a video failed. A failed video keeps no
 * face rows.
 */
public record VideoRow(String source, String status, long frames, long framesWithFaces, long faceRows, double durationS,
                       double processingS, double[] shares, String error) {
    public static final String COMPLETE = "complete";
    public static final String FAILED = "failed";
    public static final List<String> COLUMNS;

    static {
        List<String> c = new ArrayList<>(List.of("source", "status", "frames", "frames_with_faces", "face_rows", "duration_s", "processing_s"));
        for (Emotion e : Emotion.values()) {
            c.add("share_" + e.label().toLowerCase(Locale.ROOT));
        }
        c.add("error");
        COLUMNS = List.copyOf(c);
    }

    public boolean complete() {
        return COMPLETE.equals(status);
    }

    public static VideoRow failed(String source, double durationS, double processingS, String error) {
        return new VideoRow(source, FAILED, 0, 0, 0, durationS, processingS, null, error);
    }

    /** The row of a probed video from the results of all its segments: failed when the probe or any segment failed. */
    public static VideoRow of(VideoProbe probe, List<SegmentResult> segments) {
        double durationS = probe.durationMs() / 1000.0;
        double processingS = segments.stream().mapToLong(SegmentResult::processingMs).sum() / 1000.0;
        if (!probe.ok()) {
            return failed(probe.source(), durationS, processingS, probe.error());
        }
        List<SegmentResult> sorted = segments.stream().sorted(Comparator.comparingInt(r -> r.segment().index())).toList();
        int expected = sorted.isEmpty() ? 0 : sorted.get(0).segment().count();
        if (sorted.size() != expected || expected == 0) {
            return failed(probe.source(), durationS, processingS, "only " + sorted.size() + " of " + expected + " segments were analyzed");
        }
        for (SegmentResult r : sorted) {
            if (!r.ok()) {
                return failed(probe.source(), durationS, processingS, r.segment().label() + ": " + r.error());
            }
        }
        long[] largest = new long[Emotion.COUNT];
        long frames = 0;
        long withFaces = 0;
        long rows = 0;
        for (SegmentResult r : sorted) {
            frames += r.frames();
            withFaces += r.framesWithFaces();
            rows += r.faceRows();
            for (int i = 0; i < largest.length; i++) {
                largest[i] += r.largestFace()[i];
            }
        }
        long labelled = java.util.Arrays.stream(largest).sum();
        double[] shares = null;
        if (labelled > 0) {
            shares = new double[Emotion.COUNT];
            for (int i = 0; i < shares.length; i++) {
                shares[i] = (double) largest[i] / labelled;
            }
        }
        long lastMs = sorted.get(sorted.size() - 1).lastTimeMs();
        return new VideoRow(probe.source(), COMPLETE, frames, withFaces, rows, durationS > 0 ? durationS : lastMs / 1000.0, processingS, shares, null);
    }

    /** The values in {@link #COLUMNS} order, null for empty fields. */
    public List<Object> values() {
        List<Object> v = new ArrayList<>(COLUMNS.size());
        v.addAll(List.of(source, status, frames, framesWithFaces, faceRows, round(durationS), round(processingS)));
        for (int i = 0; i < Emotion.COUNT; i++) {
            v.add(shares == null ? null : round(shares[i]));
        }
        v.add(error);
        return v;
    }

    /** The row of videos.csv's fields (as {@link #values()} writes them); IllegalArgumentException when they do not fit. */
    public static VideoRow parse(List<String> f) {
        if (f.size() != COLUMNS.size()) {
            throw new IllegalArgumentException("expected " + COLUMNS.size() + " fields, found " + f.size());
        }
        double[] shares = null;
        if (!f.get(7).isEmpty()) {
            shares = new double[Emotion.COUNT];
            for (int i = 0; i < shares.length; i++) {
                shares[i] = Double.parseDouble(f.get(7 + i));
            }
        }
        String error = f.get(7 + Emotion.COUNT);
        return new VideoRow(f.get(0), f.get(1), Long.parseLong(f.get(2)), Long.parseLong(f.get(3)), Long.parseLong(f.get(4)),
                Double.parseDouble(f.get(5)), Double.parseDouble(f.get(6)), shares, error.isEmpty() ? null : error);
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}
