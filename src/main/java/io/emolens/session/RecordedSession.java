package io.emolens.session;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.emolens.core.Csv;
import io.emolens.core.EmolensException;
import io.emolens.core.Emotion;
import io.emolens.core.EmotionScores;
import io.emolens.core.FaceBox;
import io.emolens.record.FacesCsvWriter;
import io.emolens.record.LabelSegment;
import io.emolens.record.LabelsCsv;

/**
 * A recorded session folder read back for review: session.json, every faces.csv row and the label segments.
 * A session cut short by a killed process is read up to its last complete row (a half-written last line is
 * skipped and counted). Immutable.
 */
public final class RecordedSession {
    /**
     * One faces.csv row.
     *
     * @param scores    the probabilities, empty when the session ran without a model
     * @param predicted the model's label as recorded in the {@code label} column, empty without a model
     * @param sessionMs the row's session time (its {@code time_ms} in files written before {@code session_ms} existed)
     */
    public record Face(long frame, long timeMs, int faceId, FaceBox box, Optional<EmotionScores> scores,
                       Optional<Emotion> predicted, long sessionMs) {
    }

    private final Path folder;
    private final SessionInfo info;
    private final List<Face> faces;
    private final List<LabelSegment> labels;
    private final int skippedRows;

    private RecordedSession(Path folder, SessionInfo info, List<Face> faces, List<LabelSegment> labels, int skippedRows) {
        this.folder = folder;
        this.info = info;
        this.faces = List.copyOf(faces);
        this.labels = List.copyOf(labels);
        this.skippedRows = skippedRows;
    }

    /** Reads the session in {@code folder}; throws {@link EmolensException} saying what is missing or broken. */
    public static RecordedSession open(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new EmolensException("Session folder not found: " + folder + ". Choose a folder written by Record or by 'analyze --out DIR'.");
        }
        if (!Files.isRegularFile(folder.resolve(SessionRecorder.SESSION_JSON))) {
            throw new EmolensException(folder + " is not an Emolens session: it has no " + SessionRecorder.SESSION_JSON
                    + ". Choose a folder written by Record or by 'analyze --out DIR'.");
        }
        SessionInfo info = SessionJson.read(folder.resolve(SessionRecorder.SESSION_JSON), SessionInfo.class, "Not a session");
        List<Face> faces = new ArrayList<>();
        int skipped = readFaces(folder.resolve(SessionRecorder.FACES_CSV), faces);
        return new RecordedSession(folder, info, faces, LabelsCsv.read(folder.resolve(SessionRecorder.LABELS_CSV)), skipped);
    }

    public Path folder() {
        return folder;
    }

    public SessionInfo info() {
        return info;
    }

    /** Every faces.csv row, in file order. */
    public List<Face> faces() {
        return faces;
    }

    public List<LabelSegment> labels() {
        return labels;
    }

    /** Half-written rows at the end of faces.csv that were skipped (a killed recording), usually 0. */
    public int skippedRows() {
        return skippedRows;
    }

    /** True when at least one face has probabilities (a model was loaded). */
    public boolean hasPredictions() {
        return faces.stream().anyMatch(f -> f.scores().isPresent());
    }

    /** The rows of each face id, ids in order of first appearance. */
    public Map<Integer, List<Face>> byFace() {
        Map<Integer, List<Face>> out = new LinkedHashMap<>();
        for (Face f : faces) {
            out.computeIfAbsent(f.faceId(), k -> new ArrayList<>()).add(f);
        }
        return out;
    }

    /** The annotated video, when one was written and is present. */
    public Optional<Path> video() {
        Path v = folder.resolve(info.video() != null ? info.video() : SessionRecorder.ANNOTATED_VIDEO);
        return Files.isRegularFile(v) ? Optional.of(v) : Optional.empty();
    }

    public Path crops() {
        return folder.resolve(SessionRecorder.CROPS_CSV);
    }

    /** The session's length: the longest of session.json's duration, the last row and the last label. */
    public long durationMs() {
        long d = info.durationMs();
        for (Face f : faces) {
            d = Math.max(d, f.sessionMs());
        }
        for (LabelSegment s : labels) {
            d = Math.max(d, s.endMs());
        }
        return d;
    }

    private static int readFaces(Path file, List<Face> out) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new EmolensException("Cannot read " + file + ": " + e.getMessage() + ". The session folder is incomplete.", e);
        }
        int skipped = 0;
        if (!text.isEmpty() && !text.endsWith("\n") && text.indexOf('\n') >= 0) {
            text = text.substring(0, text.lastIndexOf('\n') + 1);
            skipped++;
        }
        try (Csv.Rows rows = Csv.parse(text, file.toString())) {
            if (!String.join(",", rows.header()).startsWith(FacesCsvWriter.HEADER)) {
                throw new EmolensException(file + " line 1: the header is not '" + FacesCsvWriter.HEADER + "…'. Is this an Emolens faces.csv?");
            }
            int sessionCol = rows.column(FacesCsvWriter.SESSION_MS);
            for (Csv.Row row : rows) {
                try {
                    out.add(parse(row.fields(), sessionCol));
                } catch (RuntimeException e) {
                    throw new EmolensException(file + " line " + row.line() + ": " + e.getMessage() + ". Fix or delete the line.", e);
                }
            }
        }
        return skipped;
    }

    private static Face parse(List<String> c, int sessionCol) {
        if (c.size() < 17) {
            throw new IllegalArgumentException(c.size() + " columns, expected at least 17");
        }
        Optional<EmotionScores> scores = Optional.empty();
        Optional<Emotion> predicted = Optional.empty();
        if (!c.get(8).isEmpty()) {
            predicted = Optional.of(Emotion.parse(c.get(8)));
            float[] p = new float[Emotion.COUNT];
            for (int k = 0; k < Emotion.COUNT; k++) {
                p[k] = Float.parseFloat(c.get(10 + k));
            }
            scores = Optional.of(new EmotionScores(p));
        }
        long timeMs = Long.parseLong(c.get(1));
        long sessionMs = sessionCol >= 0 && sessionCol < c.size() ? Long.parseLong(c.get(sessionCol)) : timeMs;
        FaceBox box = new FaceBox(Integer.parseInt(c.get(4)), Integer.parseInt(c.get(5)), Integer.parseInt(c.get(6)), Integer.parseInt(c.get(7)));
        return new Face(Long.parseLong(c.get(0)), timeMs, Integer.parseInt(c.get(3)), box, scores, predicted, sessionMs);
    }
}
