package io.emolens.session;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

import io.emolens.core.Csv;
import io.emolens.core.EmolensException;
import io.emolens.core.Emotion;
import io.emolens.record.CropsCsvReader;
import io.emolens.record.CropsCsvWriter;
import io.emolens.record.LabelSegment;

/**
 * Exports a session's labeled face crops as FER2013 CSV rows ({@link #HEADER}, Usage {@code Training}), which
 * the training dialog and {@code train --data} read, to fine-tune on one's own face. The crops were saved at
 * record time by the classifier's own preprocessor; a crop is exported when its session time lies in a label
 * segment, with that label.
 */
public final class FerExport {
    public static final String HEADER = "emotion,pixels,Usage";

    private FerExport() {
    }

    /**
     * Writes {@code out} (atomically) and returns the number of rows per emotion, FER order.
     *
     * @throws EmolensException when the session has no crops file or no crop lies in a label segment
     */
    public static long[] export(RecordedSession session, Path out) {
        List<LabelSegment> labels = session.labels();
        long[] counts = new long[Emotion.COUNT];
        Path tmp = out.toAbsolutePath().resolveSibling(out.getFileName() + ".tmp");
        if (!Files.isRegularFile(session.crops())) {
            throw new EmolensException(session.folder() + " has no " + session.crops().getFileName()
                    + ": it was recorded before crops were saved. Record the session again to export crops.");
        }
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.US_ASCII)) {
            w.write(HEADER);
            w.write('\n');
            CropsCsvReader.forEach(session.crops(), crop -> {
                Optional<Emotion> label = AgreementReport.labelAt(labels, crop.sessionMs());
                if (label.isPresent()) {
                    write(w, out, Csv.line(label.get().index(), CropsCsvWriter.pixelText(crop.pixels()), "Training"));
                    counts[label.get().index()]++;
                }
            });
        } catch (IOException e) {
            throw new EmolensException("Cannot export crops to " + out + ": " + e.getMessage(), e);
        }
        long total = java.util.Arrays.stream(counts).sum();
        try {
            if (total == 0) {
                Files.deleteIfExists(tmp);
                throw new EmolensException("No face crops lie in a labeled stretch of " + session.folder()
                        + ": press 1-7 while recording to say what you feel, then export.");
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new EmolensException("Cannot write " + out + ": " + e.getMessage(), e);
        }
        return counts;
    }

    private static void write(BufferedWriter w, Path file, String line) {
        try {
            w.write(line);
            w.write('\n');
        } catch (IOException e) {
            throw new EmolensException("Cannot export crops to " + file + ": " + e.getMessage(), e);
        }
    }
}
