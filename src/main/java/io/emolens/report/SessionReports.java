package io.emolens.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.emolens.core.BuildInfo;
import io.emolens.core.EmolensException;
import io.emolens.session.RecordedSession;
import io.emolens.session.SessionInfo;
import io.emolens.source.FrameSourceFactory;

/**
 * Writes the HTML report of a recorded session or an {@code analyze} output folder (for {@code review --report} and
 * the review window's Export report…). A damaged, interrupted or older session still gets a report: what is
 * missing is said at the top and the rest is shown. Only a folder that is not a session fails.
 */
public final class SessionReports {
    /** Faces followed for less than this are left out of the per-face shares (passers-by, false detections). */
    public static final long MIN_TRACK_MS = 3000;

    /**
     * What was written.
     *
     * @param file       the HTML file
     * @param charts     charts in it
     * @param thumbnails thumbnails in it
     * @param notes      what is missing or shown with care, one sentence each (also at the top of the report)
     */
    public record Written(Path file, int charts, int thumbnails, List<String> notes) {
    }

    private final FrameSourceFactory sources;

    public SessionReports(FrameSourceFactory sources) {
        this.sources = sources;
    }

    /** Writes the report of {@code sessionFolder} to {@code html}, replacing it atomically. */
    public Written write(Path sessionFolder, Path html) {
        List<String> notes = new ArrayList<>();
        RecordedSession session = RecordedSession.openLenient(sessionFolder, notes);
        SessionFigures figures = new SessionFigures(session, MIN_TRACK_MS);
        if (!session.faces().isEmpty() && !session.hasPredictions()) {
            notes.add("No probabilities: the session was recorded without a model (detection only), so there are no emotion charts, "
                    + "valence or agreement.");
        } else if (session.faces().isEmpty() && session.info().frames() > 0) {
            notes.add("No face was found in any of the " + session.info().frames() + " frames.");
        }
        String thumbnailNote = null;
        Map<SessionFigures.Moment, String> thumbnails = Map.of();
        SessionInfo info = session.info();
        if (info.settings() != null && info.settings().dataOnly()) {
            thumbnailNote = "Data-only session: no video was stored, so there are no thumbnails (by the study's choice).";
        } else if (info.settings() != null && info.settings().blurFaces()) {
            thumbnailNote = "Faces are blurred in this session, so the report shows no thumbnails.";
        } else if (figures.moments.isEmpty()) {
            thumbnailNote = "No moments to show: no face rows with probabilities and no labels.";
        } else if (session.video().isEmpty()) {
            thumbnailNote = "No video in this session folder (recorded or analyzed without video, or the file was removed), so there are no thumbnails.";
            notes.add(thumbnailNote);
        } else {
            try {
                thumbnails = Thumbnails.of(sources, session.video().get(), figures.moments);
            } catch (RuntimeException e) {
                thumbnailNote = "The video could not be read for thumbnails: " + e.getMessage();
                notes.add(thumbnailNote);
            }
            int labelMoments = (int) figures.moments.stream().filter(m -> m.title().startsWith("You: ")).count();
            if (labelMoments < session.labels().size()) {
                thumbnailNote = "Thumbnails of " + labelMoments + " of the " + session.labels().size() + " label segments.";
            }
        }
        HtmlReport.Document doc = new HtmlReport(figures, notes, thumbnails, thumbnailNote, BuildInfo.current().version(),
                ZonedDateTime.now()).render();
        writeAtomically(html, doc.html());
        return new Written(html, doc.charts(), thumbnails.size(), List.copyOf(notes));
    }

    private static void writeAtomically(Path file, String text) {
        Path folder = file.toAbsolutePath().getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            throw new EmolensException("Cannot write the report " + file + ": the folder " + folder + " does not exist.");
        }
        Path tmp = file.toAbsolutePath().resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the original error says what matters
            }
            throw new EmolensException("Cannot write the report " + file + ": " + e + ".", e);
        }
    }
}
