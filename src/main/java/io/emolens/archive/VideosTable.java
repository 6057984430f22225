package io.emolens.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.emolens.core.Csv;
import io.emolens.core.EmolensException;

/**
 * videos.csv, the state of an archive: one {@link VideoRow} per video, by source. Read at the start of a run (videos
 * already complete are skipped) and rewritten after each batch of videos, through streams so any Hadoop filesystem
 * can hold it.
 */
public final class VideosTable {
    public static final String FILE = "videos.csv";
    private final Map<String, VideoRow> rows = new LinkedHashMap<>();

    /** Reads a videos.csv ({@code name} for messages); EmolensException naming the line that does not fit. */
    public static VideosTable read(InputStream in, String name) {
        VideosTable table = new VideosTable();
        try (Csv.Rows csv = Csv.open(in, name)) {
            if (!csv.header().equals(VideoRow.COLUMNS)) {
                throw new EmolensException(name + " is not an archive's videos.csv (header " + String.join(",", csv.header())
                        + "). Choose another --out folder.");
            }
            for (Csv.Row row : csv) {
                try {
                    table.put(VideoRow.parse(row.fields()));
                } catch (IllegalArgumentException e) {
                    throw new EmolensException(name + " line " + row.line() + ": " + e.getMessage(), e);
                }
            }
        }
        return table;
    }

    public void put(VideoRow row) {
        rows.put(row.source(), row);
    }

    /** The row of {@code source}; IllegalArgumentException when the table has none. */
    public VideoRow get(String source) {
        VideoRow r = rows.get(source);
        if (r == null) {
            throw new IllegalArgumentException("no row for " + source);
        }
        return r;
    }

    public boolean complete(String source) {
        VideoRow r = rows.get(source);
        return r != null && r.complete();
    }

    public Collection<VideoRow> rows() {
        return List.copyOf(rows.values());
    }

    /** Writes the table as CSV, sorted by source. */
    public void write(OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write(Csv.line(new ArrayList<Object>(VideoRow.COLUMNS)));
        w.write('\n');
        for (VideoRow r : rows.values().stream().sorted(java.util.Comparator.comparing(VideoRow::source)).toList()) {
            List<Object> v = new ArrayList<>(r.values());
            v.replaceAll(x -> x == null ? "" : x);
            w.write(Csv.line(v));
            w.write('\n');
        }
        w.flush();
    }
}
