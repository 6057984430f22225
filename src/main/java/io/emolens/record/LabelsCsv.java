package io.emolens.record;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import io.emolens.core.Csv;
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
            sb.append(Csv.line(s.startMs(), s.endMs(), s.label().label())).append('\n');
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
        if (!Files.exists(file)) {
            return List.of();
        }
        List<LabelSegment> out = new ArrayList<>();
        try (Csv.Rows rows = Csv.open(file)) {
            for (Csv.Row row : rows) {
                try {
                    out.add(new LabelSegment(Long.parseLong(row.get(0).trim()), Long.parseLong(row.get(1).trim()), Emotion.parse(row.get(2))));
                } catch (RuntimeException e) {
                    throw new EmolensException(file + " line " + row.line() + ": '" + Csv.line(row.fields()) + "' is not start_ms,end_ms,label ("
                            + e.getMessage() + "). Fix or delete the line.", e);
                }
            }
        }
        return out;
    }
}
