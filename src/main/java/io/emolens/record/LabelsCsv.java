package io.emolens.record;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import io.emolens.core.EmolensException;
import io.emolens.core.Emotion;

/**
 * {@code labels.csv}: the user's label segments, header {@link #HEADER}, label as {@link Emotion#label()}.
 * Rewritten whole and atomically (temporary file, then rename), so a reader never sees half a file.
 */
public final class LabelsCsv {
    public static final String HEADER = "start_ms,end_ms,label";

    private LabelsCsv() {
    }

    public static void write(Path file, List<LabelSegment> segments) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (LabelSegment s : segments) {
            sb.append(s.startMs()).append(',').append(s.endMs()).append(',').append(s.label().label()).append('\n');
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.writeString(tmp, sb, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw RecordingException.writing(file, e);
        }
    }

    /** The segments of {@code file}; an empty list when it does not exist (a session without labels). */
    public static List<LabelSegment> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new EmolensException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        List<LabelSegment> out = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] cols = line.split(",", -1);
            try {
                out.add(new LabelSegment(Long.parseLong(cols[0].trim()), Long.parseLong(cols[1].trim()), Emotion.parse(cols[2])));
            } catch (RuntimeException e) {
                throw new EmolensException(file + " line " + (i + 1) + ": '" + line + "' is not start_ms,end_ms,label ("
                        + e.getMessage() + "). Fix or delete the line.", e);
            }
        }
        return out;
    }
}
