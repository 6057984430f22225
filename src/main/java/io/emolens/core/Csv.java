package io.emolens.core;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.QuoteMode;

/**
 * The one CSV dialect Emolens reads and writes, so every file it writes reads back the same everywhere: RFC 4180
 * as spreadsheets save it (commas; double quotes around a field that holds a comma, quote or line break; {@code ""}
 * for a quote inside one), read with or without a UTF-8 byte-order mark and with LF or CRLF line ends, written
 * with LF. Backed by commons-csv; this class only fixes the dialect and says where a broken file breaks.
 */
public final class Csv {
    private static final CSVFormat WRITE = CSVFormat.RFC4180.builder()
            .setRecordSeparator('\n').setQuoteMode(QuoteMode.MINIMAL).get();
    private static final CSVFormat READ = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();
    private static final char BOM = '\uFEFF';
    /** Where commons-csv says an unclosed quoted field began. */
    private static final Pattern START_LINE = Pattern.compile("startline (\\d+)");

    private Csv() {
    }

    /** One record's text, without a line end: each field quoted only where it needs it; null is an empty field. */
    public static String line(List<?> fields) {
        return WRITE.format(fields.stream().map(f -> f == null ? "" : f).toArray());
    }

    /** {@link #line(List)} of {@code fields}. */
    public static String line(Object... fields) {
        return line(java.util.Arrays.asList(fields));
    }

    /**
     * The fields of one line, for files whose records never span lines (a FER2013 row): a leading byte-order mark
     * is dropped.
     *
     * @throws IllegalArgumentException when a quoted field is not closed on the line, with the reason in words
     */
    public static List<String> fields(String line) {
        String text = !line.isEmpty() && line.charAt(0) == BOM ? line.substring(1) : line;
        if (text.isEmpty()) {
            return List.of("");
        }
        try (CSVParser parser = CSVParser.parse(text, READ)) {
            List<CSVRecord> records = parser.getRecords();
            if (records.size() != 1) {
                throw new IllegalArgumentException(text.indexOf('\r') >= 0 ? "a carriage return (CR) in the middle of the line"
                        : "a quoted field holds a line break");
            }
            return records.get(0).toList();
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalArgumentException("a quoted field is not closed (an odd number of \" characters)", e);
        }
    }

    /** Opens a UTF-8 CSV file whose first record is its header. */
    public static Rows open(Path file) {
        try {
            return new Rows(Files.newBufferedReader(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new EmolensException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads UTF-8 CSV from {@code in} (closed with the rows), first record the header; {@code name} names it in messages. */
    public static Rows open(InputStream in, String name) {
        return new Rows(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16), name);
    }

    /** Reads CSV text already in memory, first record the header; {@code name} names it in messages. */
    public static Rows parse(String text, String name) {
        return new Rows(new java.io.StringReader(text), name);
    }

    /** One record and the 1-based file line it starts on (the header is line 1). */
    public record Row(long line, List<String> fields) {
        public String get(int column) {
            return column < fields.size() ? fields.get(column) : "";
        }

        public int size() {
            return fields.size();
        }
    }

    /**
     * The records after the header, read as they are iterated (a long recording's CSV is never held whole).
     * Blank lines are skipped. A quoted field left open fails with the line it opened on.
     */
    public static final class Rows implements Iterable<Row>, AutoCloseable {
        private final String name;
        private final CSVParser parser;
        private final Iterator<CSVRecord> records;
        private final List<String> header;
        private long lastLine;

        private Rows(Reader reader, String name) {
            this.name = name;
            try {
                this.parser = CSVParser.parse(skipBom(reader), READ);
            } catch (IOException e) {
                throw new EmolensException("cannot read " + name + ": " + e.getMessage(), e);
            }
            this.records = parser.iterator();
            try {
                Row first = hasNext() ? next() : null;
                this.header = first == null ? List.of() : first.fields().stream().map(String::trim).toList();
            } catch (RuntimeException e) {
                close();
                throw e;
            }
        }

        /** The header's names, trimmed; empty for an empty file. */
        public List<String> header() {
            return header;
        }

        /** The position of {@code column} in the header (case-insensitive), or -1. */
        public int column(String column) {
            for (int i = 0; i < header.size(); i++) {
                if (header.get(i).equalsIgnoreCase(column)) {
                    return i;
                }
            }
            return -1;
        }

        @Override
        public Iterator<Row> iterator() {
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return Rows.this.hasNext();
                }

                @Override
                public Row next() {
                    return Rows.this.next();
                }
            };
        }

        /** Every remaining row. */
        public List<Row> toList() {
            List<Row> out = new ArrayList<>();
            forEach(out::add);
            return out;
        }

        private boolean hasNext() {
            try {
                return records.hasNext();
            } catch (UncheckedIOException e) {
                throw broken(e);
            }
        }

        private Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            CSVRecord record;
            try {
                record = records.next();
            } catch (UncheckedIOException e) {
                throw broken(e);
            }
            lastLine = parser.getCurrentLineNumber();
            return new Row(lastLine - newlines(record), record.toList());
        }

        private EmolensException broken(UncheckedIOException e) {
            if (!(e.getCause() instanceof CSVException)) {
                return new EmolensException("cannot read " + name + " after line " + lastLine + ": " + e.getCause().getMessage(), e);
            }
            Matcher start = START_LINE.matcher(String.valueOf(e.getMessage()));
            long line = start.find() ? Long.parseLong(start.group(1)) : lastLine + 1;
            return new EmolensException(name + " line " + line + ": a quoted field is never closed (an odd number of \""
                    + " characters from there on). Fix the quotes in that line.", e);
        }

        @Override
        public void close() {
            try {
                parser.close();
            } catch (IOException e) {
                throw new EmolensException("cannot close " + name + ": " + e.getMessage(), e);
            }
        }
    }

    private static long newlines(CSVRecord record) {
        long n = 0;
        for (String f : record) {
            n += f.chars().filter(c -> c == '\n').count();
        }
        return n;
    }

    private static Reader skipBom(Reader reader) throws IOException {
        Reader in = reader.markSupported() ? reader : new BufferedReader(reader);
        in.mark(1);
        if (in.read() != BOM) {
            in.reset();
        }
        return in;
    }
}
