package io.emolens.session;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

import io.emolens.core.EmolensException;
import io.emolens.core.Emotion;
import io.emolens.preprocess.FaceTensor;
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
        try (BufferedReader in = Files.newBufferedReader(session.crops(), StandardCharsets.US_ASCII);
             BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.US_ASCII)) {
            w.write(HEADER);
            w.write('\n');
            String line = in.readLine();
            if (line == null || !line.equals(CropsCsvWriter.HEADER)) {
                throw new EmolensException(session.crops() + " line 1: expected '" + CropsCsvWriter.HEADER + "'.");
            }
            while ((line = in.readLine()) != null) {
                String[] c = line.split(",", 4);
                if (c.length < 4 || !completePixels(c[3])) {
                    continue;
                }
                Optional<Emotion> label = AgreementReport.labelAt(labels, Long.parseLong(c[0]));
                if (label.isPresent()) {
                    w.write(label.get().index() + "," + c[3] + ",Training\n");
                    counts[label.get().index()]++;
                }
            }
        } catch (NoSuchFileException e) {
            throw new EmolensException(session.folder() + " has no " + session.crops().getFileName()
                    + ": it was recorded before crops were saved. Record the session again to export crops.", e);
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

    /** A crops.csv pixel field is complete when it holds all 2304 values (a killed recording may cut the last one). */
    private static boolean completePixels(String pixels) {
        int spaces = 0;
        for (int i = 0; i < pixels.length(); i++) {
            if (pixels.charAt(i) == ' ') {
                spaces++;
            }
        }
        return spaces == FaceTensor.PIXELS - 1 && !pixels.endsWith(" ");
    }
}
