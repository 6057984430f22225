package io.emolens.archive;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import io.emolens.core.Emotion;
import io.emolens.core.EmotionScores;
import io.emolens.core.FaceBox;
import io.emolens.pipeline.AnalyzedFrame;
import io.emolens.record.FacesCsvWriter;
import io.emolens.track.TrackedFace;

/**
 * One face on one frame of an archived video: {@code analyze}'s faces.csv columns ({@link #COLUMNS}, same names, same
 * order) and then {@code segment}. {@code source} is the video's full URI rather than its file name, since an archive's
 * file names repeat across folders; {@code session_ms} is the video's time, as offline {@code analyze} writes it. Label,
 * confidence, probabilities and valence are null without a model.
 *
 * @param probabilities the seven probabilities in {@link Emotion} order, or null
 */
public record FaceRow(long frame, long timeMs, String source, int faceId, int x, int y, int w, int h, String label,
                      Float confidence, float[] probabilities, long sessionMs, Float valence, int segment) implements Serializable {
    /** The column after faces.csv's. */
    public static final String SEGMENT = "segment";
    /** faces.csv's columns in order, then {@link #SEGMENT}. */
    public static final List<String> COLUMNS;

    static {
        List<String> c = new ArrayList<>(List.of(FacesCsvWriter.FULL_HEADER.split(",")));
        c.add(SEGMENT);
        COLUMNS = List.copyOf(c);
    }

    /** The row of {@code face} on {@code analyzed}, a frame of {@code source}'s segment {@code segment}. */
    public static FaceRow of(AnalyzedFrame analyzed, TrackedFace face, String source, int segment) {
        FaceBox b = face.box();
        EmotionScores s = face.scores().orElse(null);
        float[] p = null;
        if (s != null) {
            p = new float[Emotion.COUNT];
            for (Emotion e : Emotion.values()) {
                p[e.ordinal()] = s.get(e);
            }
        }
        long time = analyzed.frame().timeMs();
        return new FaceRow(analyzed.frame().index(), time, source, face.id(), b.x(), b.y(), b.width(), b.height(),
                s == null ? null : s.top().label(), s == null ? null : s.confidence(), p, time, s == null ? null : s.valence(), segment);
    }

    /** The values in {@link #COLUMNS} order (boxed; null where faces.csv leaves a field empty). */
    public List<Object> values() {
        List<Object> v = new ArrayList<>(COLUMNS.size());
        v.addAll(List.of(frame, timeMs, source, faceId, x, y, w, h));
        v.add(label);
        v.add(confidence);
        for (int i = 0; i < Emotion.COUNT; i++) {
            v.add(probabilities == null ? null : probabilities[i]);
        }
        v.add(sessionMs);
        v.add(valence);
        v.add(segment);
        return v;
    }
}
