package io.emolens.record;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.emolens.core.Csv;
import io.emolens.core.Emotion;
import io.emolens.core.EmotionScores;
import io.emolens.core.FaceBox;
import io.emolens.pipeline.AnalyzedFrame;
import io.emolens.track.TrackedFace;

/**
 * Writes {@code faces.csv}: one row per face per frame, header {@link #FULL_HEADER}: the 17 columns of
 * {@link #HEADER} (a contract other tools read; never renamed or reordered) followed by the appended
 * {@code session_ms} (milliseconds since the recording started) and {@code valence} ({@link EmotionScores#valence()}).
 * Faces without scores (no model loaded) leave label, confidence, probabilities and valence empty. Flushed at least every second while frames arrive (call
 * {@link #flush()} from a timer when they may not) so a killed process loses at most a second of rows.
 */
public final class FacesCsvWriter implements AutoCloseable {
    public static final String HEADER = "frame,time_ms,source,face_id,x,y,w,h,label,confidence,"
            + "angry,disgust,fear,happy,sad,surprise,neutral";
    /** Milliseconds since the recording started; the first column appended after {@link #HEADER}. */
    public static final String SESSION_MS = "session_ms";
    /** Valence of the face ({@link EmotionScores#valence()}), empty without scores; appended after {@link #SESSION_MS}. */
    public static final String VALENCE = "valence";
    /** Columns appended after {@link #HEADER}; new ones go at the end. */
    public static final String APPENDED = SESSION_MS + "," + VALENCE;
    /** The header as written: {@link #HEADER} then {@link #APPENDED}. */
    public static final String FULL_HEADER = HEADER + "," + APPENDED;
    private static final int HEADER_COLUMNS = HEADER.split(",").length;
    private static final long FLUSH_NANOS = 1_000_000_000L;
    private final Path file;
    private final BufferedWriter out;
    private long lastFlush = System.nanoTime();
    private long rows;

    public FacesCsvWriter(Path file) {
        this.file = file;
        try {
            this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            out.write(FULL_HEADER);
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw RecordingException.writing(file, e);
        }
    }

    /** Writes one row per face of {@code analyzed}, stamped with {@code sessionMs}. */
    public void write(AnalyzedFrame analyzed, long sessionMs) {
        try {
            for (TrackedFace face : analyzed.faces()) {
                out.write(row(analyzed, face));
                out.write(',');
                out.write(Long.toString(sessionMs));
                out.write(',');
                out.write(face.scores().map(s -> decimal(s.valence())).orElse(""));
                out.write('\n');
                rows++;
            }
            if (System.nanoTime() - lastFlush >= FLUSH_NANOS) {
                out.flush();
                lastFlush = System.nanoTime();
            }
        } catch (IOException e) {
            throw RecordingException.writing(file, e);
        }
    }

    /** Hands buffered rows to the operating system (they survive a killed process from then on). */
    public void flush() {
        try {
            out.flush();
            lastFlush = System.nanoTime();
        } catch (IOException e) {
            throw RecordingException.writing(file, e);
        }
    }

    public long rows() {
        return rows;
    }

    static String row(AnalyzedFrame analyzed, TrackedFace face) {
        FaceBox b = face.box();
        List<Object> fields = new ArrayList<>(HEADER_COLUMNS);
        fields.addAll(List.of(analyzed.frame().index(), analyzed.frame().timeMs(), analyzed.frame().source(), face.id(),
                b.x(), b.y(), b.width(), b.height()));
        if (face.scores().isPresent()) {
            EmotionScores s = face.scores().get();
            fields.add(s.top().label());
            fields.add(decimal(s.confidence()));
            for (Emotion e : Emotion.values()) {
                fields.add(decimal(s.get(e)));
            }
        } else {
            while (fields.size() < HEADER_COLUMNS) {
                fields.add("");
            }
        }
        return Csv.line(fields);
    }

    private static String decimal(float v) {
        return String.format(Locale.ROOT, "%.6f", v);
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw RecordingException.writing(file, e);
        }
    }
}
