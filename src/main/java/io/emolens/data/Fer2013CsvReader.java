package io.emolens.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

import io.emolens.core.Csv;
import io.emolens.core.EmolensException;
import io.emolens.core.Emotion;
import io.emolens.core.FileKinds;
import io.emolens.preprocess.FaceTensor;

/**
 * Reads the Kaggle {@code fer2013.csv} ({@code emotion,pixels,Usage}; columns in any order, {@code .gz}
 * accepted, gzip recognized by content). Line numbers in reports are 1-based file lines, the header being line 1.
 * Takes CSVs as spreadsheets save them ({@link Csv}'s dialect): a UTF-8 byte-order mark, CRLF line ends, quoted fields,
 * extra columns (ignored and reported), and an optional {@code subject} or {@code group} column naming the person or session
 * of each row, so that validation can hold out whole people. A row is one line (no FER2013 field holds a line break), so a stray quote or an
 * enormous line costs that row alone, reported with its line number, never the rows after it. A file without a {@code Usage} column is read as all Training, and the report says so.
 * A video, image or other binary file is refused before anything of it is parsed or printed.
 */
public final class Fer2013CsvReader implements DatasetReader {

    /** Longest line read; a FER2013 row is about 9 KB, so anything longer is not a row. */
    static final int MAX_LINE_CHARS = 1 << 20;

    @Override
    public Dataset read(Path source, ReadOptions options) {
        String file = source.getFileName().toString();
        MessageDigest sha = sha256();
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(source), 1 << 16);
             InputStream in = decompressed(raw, file);
             DigestInputStream digest = new DigestInputStream(in, sha)) {
            refuseBinary(in, file);
            BoundedLineReader reader = new BoundedLineReader(new InputStreamReader(digest, StandardCharsets.UTF_8), MAX_LINE_CHARS);
            List<LabeledFace> faces = new ArrayList<>();
            DataIssues issues = new DataIssues();
            RowParser parser = null;
            String line;
            while ((line = reader.readLine()) != null) {
                long lineNo = reader.lineNumber();
                if (lineNo == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                Object row;
                if (line == BoundedLineReader.TOO_LONG) {
                    row = new DataIssue(IssueKind.LINE_TOO_LONG, file, lineNo, "longer than " + MAX_LINE_CHARS / 1024 + " KB, not a FER2013 row");
                } else {
                    if (parser == null) {
                        parser = RowParser.fromHeader(line, file, issues);
                        if (parser.hasHeader()) {
                            continue;
                        }
                    }
                    row = parser.parse(line, lineNo);
                }
                if (row instanceof LabeledFace face) {
                    faces.add(face);
                } else {
                    DataIssue issue = (DataIssue) row;
                    if (options.strict()) {
                        throw new EmolensException(issue.describe()
                                + ". Fix or remove the row, or leave out --strict to skip bad rows and get a report.");
                    }
                    issues.add(issue);
                }
            }
            if (parser != null && !parser.hasUsage()) {
                issues.note("no Usage column in " + file + ": all " + faces.size() + " rows are read as Training");
            }
            while (digest.read(new byte[1 << 16]) >= 0) {
                // hash any bytes the line reader left unread, so the checksum covers the whole (decompressed) CSV
            }
            return new Dataset(source.toString(), faces, issues, "sha256:" + HexFormat.of().formatHex(sha.digest()));
        } catch (NoSuchFileException e) {
            throw new EmolensException("FER2013 CSV not found: " + source.toAbsolutePath() + ". Check the --data path.", e);
        } catch (java.util.zip.ZipException e) {
            throw new EmolensException(source.toAbsolutePath() + " is damaged gzip data (" + e.getMessage() + "): decompress it again or give the plain CSV.", e);
        } catch (EOFException e) {
            throw new EmolensException(source.toAbsolutePath() + " ends in the middle of its gzip data: the file is truncated.", e);
        } catch (IOException e) {
            throw new EmolensException("cannot read FER2013 CSV " + source.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    /** Gunzips a gzip file (by its content, whatever its name); a {@code .gz} name on other content is an error. */
    static InputStream decompressed(InputStream raw, String file) throws IOException {
        raw.mark(2);
        int b1 = raw.read();
        int b2 = raw.read();
        raw.reset();
        if (b1 == 0x1F && b2 == 0x8B) {
            return new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16);
        }
        if (file.toLowerCase(Locale.ROOT).endsWith(".gz")) {
            throw new EmolensException(file + " is named .gz but is not gzip-compressed: rename it or give the plain CSV.");
        }
        return raw;
    }

    /** Refuses a video, an image, an archive or other binary data before any of it is parsed or printed. */
    private static void refuseBinary(InputStream in, String file) throws IOException {
        in.mark(FileKinds.HEAD);
        byte[] head = in.readNBytes(FileKinds.HEAD);
        in.reset();
        FileKinds.describeBinary(head).ifPresent(kind -> {
            throw new EmolensException(file + " is not a CSV: it looks like " + kind
                    + ". Give the FER2013 CSV (emotion,pixels,Usage) or a folder with train/<class>/ and test/<class>/ images.");
        });
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Column positions from the header, and the per-row validation. */
    private record RowParser(String file, boolean hasHeader, int emotionCol, int pixelsCol, int usageCol, int groupCol, int columns) {

        static RowParser fromHeader(String header, String file, DataIssues issues) {
            List<String> cols;
            try {
                cols = Csv.fields(header);
            } catch (IllegalArgumentException e) {
                throw new EmolensException(file + " line 1: header '" + FileKinds.printable(header, 120) + "': " + e.getMessage()
                        + "; expected 'emotion,pixels,Usage' as in the Kaggle fer2013.csv");
            }
            int emotion = -1;
            int pixels = -1;
            int usage = -1;
            int group = -1;
            List<String> extra = new ArrayList<>();
            for (int i = 0; i < cols.size(); i++) {
                switch (cols.get(i).trim().toLowerCase(Locale.ROOT)) {
                    case "emotion" -> emotion = i;
                    case "pixels" -> pixels = i;
                    case "usage" -> usage = i;
                    case "subject", "group" -> group = group < 0 ? i : group;
                    default -> extra.add("'" + FileKinds.printable(cols.get(i).trim(), 40) + "'");
                }
            }
            if (emotion < 0 && pixels < 0) {
                return new RowParser(file, false, 0, 1, 2, -1, 3);
            }
            if (emotion < 0 || pixels < 0) {
                throw new EmolensException(file + " line 1: header '" + FileKinds.printable(header, 120)
                        + "' lacks an 'emotion' or 'pixels' column; expected 'emotion,pixels,Usage' as in the Kaggle fer2013.csv");
            }
            if (!extra.isEmpty()) {
                issues.note("extra columns ignored in " + file + ": " + String.join(", ", extra));
            }
            int needed = Math.max(Math.max(Math.max(emotion, pixels), usage), group) + 1;
            return new RowParser(file, true, emotion, pixels, usage, group, needed);
        }

        boolean hasUsage() {
            return usageCol >= 0;
        }

        /** A {@link LabeledFace}, or the {@link DataIssue} that rejects the row. */
        Object parse(String line, long lineNo) {
            List<String> cols;
            try {
                cols = Csv.fields(line);
            } catch (IllegalArgumentException e) {
                return issue(IssueKind.MALFORMED_LINE, lineNo, e.getMessage());
            }
            if (cols.size() < columns) {
                return issue(IssueKind.MISSING_COLUMN, lineNo, cols.size() + " columns, expected " + columns);
            }
            String label = cols.get(emotionCol).trim();
            int index;
            try {
                index = Integer.parseInt(label);
            } catch (NumberFormatException e) {
                return issue(IssueKind.LABEL_OUT_OF_RANGE, lineNo, "emotion '" + FileKinds.printable(label, 20) + "' is not a number 0-6");
            }
            if (index < 0 || index >= Emotion.COUNT) {
                return issue(IssueKind.LABEL_OUT_OF_RANGE, lineNo, "emotion " + index);
            }
            Split split = Split.TRAINING;
            if (usageCol >= 0) {
                String usage = cols.get(usageCol).trim();
                var parsed = Split.parse(usage);
                if (parsed.isEmpty()) {
                    return issue(IssueKind.UNKNOWN_USAGE, lineNo, "'" + FileKinds.printable(usage, 30) + "', expected Training, PublicTest or PrivateTest");
                }
                split = parsed.get();
            }
            Object pixels = parsePixels(cols.get(pixelsCol).trim(), lineNo);
            if (pixels instanceof DataIssue bad) {
                return bad;
            }
            String group = groupCol < 0 || cols.get(groupCol).isBlank() ? null : cols.get(groupCol).trim();
            return new LabeledFace((byte[]) pixels, Emotion.ofIndex(index), split, file + ":" + lineNo, null, group);
        }

        private Object parsePixels(String text, long lineNo) {
            byte[] out = new byte[FaceTensor.PIXELS];
            int count = 0;
            int i = 0;
            int n = text.length();
            while (i < n) {
                while (i < n && text.charAt(i) == ' ') {
                    i++;
                }
                if (i == n) {
                    break;
                }
                int start = i;
                int value = 0;
                boolean numeric = true;
                while (i < n && text.charAt(i) != ' ') {
                    char c = text.charAt(i++);
                    if (c < '0' || c > '9') {
                        numeric = false;
                    } else if (value <= 255) {
                        value = value * 10 + (c - '0');
                    }
                }
                String token = text.substring(start, i);
                if (!numeric && token.length() > 1 && token.charAt(0) == '-' && token.substring(1).chars().allMatch(Character::isDigit)) {
                    return issue(IssueKind.PIXEL_OUT_OF_RANGE, lineNo, "pixel " + (count + 1) + " is " + token);
                }
                if (!numeric) {
                    return issue(IssueKind.NON_NUMERIC_PIXEL, lineNo,
                            "pixel " + (count + 1) + " is '" + FileKinds.printable(token, 20) + "'");
                }
                if (value > 255) {
                    return issue(IssueKind.PIXEL_OUT_OF_RANGE, lineNo,
                            "pixel " + (count + 1) + " is " + FileKinds.printable(token, 20));
                }
                if (count < out.length) {
                    out[count] = (byte) value;
                }
                count++;
            }
            if (count != FaceTensor.PIXELS) {
                return issue(IssueKind.WRONG_PIXEL_COUNT, lineNo, count + " pixels, expected " + FaceTensor.PIXELS);
            }
            return out;
        }

        private DataIssue issue(IssueKind kind, long lineNo, String message) {
            return new DataIssue(kind, file, lineNo, message);
        }
    }
}
