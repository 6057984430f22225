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
        requireSession(folder);
        SessionInfo info = SessionJson.read(folder.resolve(SessionRecorder.SESSION_JSON), SessionInfo.class, "Not a session");
        List<Face> faces = new ArrayList<>();
        int skipped = readFaces(folder.resolve(SessionRecorder.FACES_CSV), faces, null);
        return new RecordedSession(folder, info, faces, LabelsCsv.read(folder.resolve(SessionRecorder.LABELS_CSV)), skipped);
    }

    /**
     * Reads what can be read of the session in {@code folder}, for a report of a damaged, interrupted or older
     * session: an unreadable session.json, a missing faces.csv, broken rows or a broken labels.csv are added to
     * {@code problems} (one plain sentence each) instead of failing. Throws {@link EmolensException} only when
     * {@code folder} is not a session at all (not a folder, or no session.json).
     */
    public static RecordedSession openLenient(Path folder, List<String> problems) {
        requireSession(folder);
        SessionInfo info;
        try {
            info = SessionJson.read(folder.resolve(SessionRecorder.SESSION_JSON), SessionInfo.class, "Not a session");
        } catch (EmolensException e) {
            problems.add(e.getMessage() + " Source, model, detector and dates are unknown.");
            info = SessionInfo.unknown();
        }
        List<Face> faces = new ArrayList<>();
        int skipped = 0;
        Path facesCsv = folder.resolve(SessionRecorder.FACES_CSV);
        if (!Files.isRegularFile(facesCsv)) {
            problems.add(SessionRecorder.FACES_CSV + " is missing: there are no face rows to report.");
        } else {
            try {
                skipped = readFaces(facesCsv, faces, problems);
            } catch (EmolensException e) {
                problems.add(e.getMessage());
            }
        }
        List<LabelSegment> labels = List.of();
        try {
            labels = LabelsCsv.read(folder.resolve(SessionRecorder.LABELS_CSV));
        } catch (EmolensException e) {
            problems.add(e.getMessage() + " The report shows no labels.");
        }
        if (SessionInfo.RECORDING.equals(info.status())) {
            problems.add("The recording was interrupted (its process stopped before it was finalized): everything up to its last flush is shown.");
        } else if (SessionInfo.FAILED.equals(info.status())) {
            problems.add("The recording failed: " + info.error());
        }
        if (skipped > 0) {
            problems.add("A half-written last row of " + SessionRecorder.FACES_CSV + " was skipped.");
        }
        return new RecordedSession(folder, info, faces, labels, skipped);
    }

    private static void requireSession(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new EmolensException("Session folder not found: " + folder + ". Choose a folder written by Record or by 'analyze --out DIR'.");
        }
        if (!Files.isRegularFile(folder.resolve(SessionRecorder.SESSION_JSON))) {
            throw new EmolensException(folder + " is not an Emolens session: it has no " + SessionRecorder.SESSION_JSON
                    + ". Choose a folder written by Record or by 'analyze --out DIR'.");
        }
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

    /** The largest face of each frame that has one (the user, nearest the camera), in file order. */
    public List<Face> largestPerFrame() {
        return largestPerFrame(faces);
    }

    /** The largest of each frame's rows ({@code faces} in file order, a frame's rows together). */
    public static List<Face> largestPerFrame(List<Face> faces) {
        List<Face> out = new ArrayList<>();
        int i = 0;
        while (i < faces.size()) {
            Face largest = faces.get(i);
            int j = i + 1;
            while (j < faces.size() && faces.get(j).frame() == largest.frame() && faces.get(j).sessionMs() == faces.get(i).sessionMs()) {
                if (faces.get(j).box().area() > largest.box().area()) {
                    largest = faces.get(j);
                }
                j++;
            }
            out.add(largest);
            i = j;
        }
        return out;
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

    /** Reads the rows of {@code file} into {@code out}; a broken row fails, or with {@code problems} is skipped and noted there. */
    private static int readFaces(Path file, List<Face> out, List<String> problems) {
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
            int broken = 0;
            String first = null;
            for (Csv.Row row : rows) {
                try {
                    out.add(parse(row.fields(), sessionCol));
                } catch (RuntimeException e) {
                    String where = file + " line " + row.line() + ": " + e.getMessage();
                    if (problems == null) {
                        throw new EmolensException(where + ". Fix or delete the line.", e);
                    }
                    broken++;
                    first = first == null ? where : first;
                }
            }
            if (broken > 0) {
                problems.add(broken + " broken row" + (broken == 1 ? "" : "s") + " of " + file.getFileName() + " left out (the first: " + first + ").");
            }
            if (problems != null && sessionCol < 0 && !out.isEmpty()) {
                problems.add(file.getFileName() + " comes from an older version without session_ms: times are the source's own.");
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
