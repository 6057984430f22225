package io.emolens.data;

import java.io.BufferedReader;
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

import io.emolens.core.EmolensException;
import io.emolens.core.Emotion;
import io.emolens.preprocess.FaceTensor;

/**
 * Reads the Kaggle {@code fer2013.csv} ({@code emotion,pixels,Usage}; columns in any order, {@code .gz}
 * accepted). Line numbers in reports are 1-based file lines, the header being line 1. A file without a
 * {@code Usage} column is read as all Training.
 */
public final class Fer2013CsvReader implements DatasetReader {

    @Override
    public Dataset read(Path source, ReadOptions options) {
        String file = source.getFileName().toString();
        MessageDigest sha = sha256();
        try (InputStream raw = Files.newInputStream(source);
             InputStream in = file.toLowerCase(Locale.ROOT).endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
             DigestInputStream digest = new DigestInputStream(in, sha);
             BufferedReader reader = new BufferedReader(new InputStreamReader(digest, StandardCharsets.US_ASCII), 1 << 20)) {
            List<LabeledFace> faces = new ArrayList<>();
            DataIssues issues = new DataIssues();
            RowParser parser = null;
            String line;
            long lineNo = 0;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                if (parser == null) {
                    parser = RowParser.fromHeader(line, file);
                    if (parser.hasHeader()) {
                        continue;
                    }
                }
                Object row = parser.parse(line, lineNo);
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
            while (digest.read(new byte[1 << 16]) >= 0) {
                // hash any bytes the line reader left unread, so the checksum covers the whole (decompressed) CSV
            }
            return new Dataset(source.toString(), faces, issues, "sha256:" + HexFormat.of().formatHex(sha.digest()));
        } catch (NoSuchFileException e) {
            throw new EmolensException("FER2013 CSV not found: " + source.toAbsolutePath() + ". Check the --data path.", e);
        } catch (IOException e) {
            throw new EmolensException("cannot read FER2013 CSV " + source.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Column positions from the header, and the per-row validation. */
    private record RowParser(String file, boolean hasHeader, int emotionCol, int pixelsCol, int usageCol, int columns) {

        static RowParser fromHeader(String header, String file) {
            String[] cols = header.split(",", -1);
            int emotion = -1;
            int pixels = -1;
            int usage = -1;
            for (int i = 0; i < cols.length; i++) {
                switch (unquote(cols[i]).toLowerCase(Locale.ROOT)) {
                    case "emotion" -> emotion = i;
                    case "pixels" -> pixels = i;
                    case "usage" -> usage = i;
                    default -> { }
                }
            }
            if (emotion < 0 && pixels < 0) {
                return new RowParser(file, false, 0, 1, 2, 3);
            }
            if (emotion < 0 || pixels < 0) {
                throw new EmolensException(file + " line 1: header '" + header
                        + "' lacks an 'emotion' or 'pixels' column; expected 'emotion,pixels,Usage' as in the Kaggle fer2013.csv");
            }
            return new RowParser(file, true, emotion, pixels, usage, cols.length);
        }

        /** A {@link LabeledFace}, or the {@link DataIssue} that rejects the row. */
        Object parse(String line, long lineNo) {
            String[] cols = line.split(",", -1);
            if (cols.length < columns) {
                return issue(IssueKind.MISSING_COLUMN, lineNo, cols.length + " columns, expected " + columns);
            }
            String label = unquote(cols[emotionCol]);
            int index;
            try {
                index = Integer.parseInt(label);
            } catch (NumberFormatException e) {
                return issue(IssueKind.LABEL_OUT_OF_RANGE, lineNo, "emotion '" + label + "' is not a number 0-6");
            }
            if (index < 0 || index >= Emotion.COUNT) {
                return issue(IssueKind.LABEL_OUT_OF_RANGE, lineNo, "emotion " + index);
            }
            Split split = Split.TRAINING;
            if (usageCol >= 0) {
                String usage = unquote(cols[usageCol]);
                var parsed = Split.parse(usage);
                if (parsed.isEmpty()) {
                    return issue(IssueKind.UNKNOWN_USAGE, lineNo, "'" + usage + "', expected Training, PublicTest or PrivateTest");
                }
                split = parsed.get();
            }
            Object pixels = parsePixels(unquote(cols[pixelsCol]), lineNo);
            if (pixels instanceof DataIssue bad) {
                return bad;
            }
            return new LabeledFace((byte[]) pixels, Emotion.ofIndex(index), split, file + ":" + lineNo);
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
                if (!numeric) {
                    return issue(IssueKind.NON_NUMERIC_PIXEL, lineNo,
                            "pixel " + (count + 1) + " is '" + text.substring(start, i) + "'");
                }
                if (value > 255) {
                    return issue(IssueKind.PIXEL_OUT_OF_RANGE, lineNo,
                            "pixel " + (count + 1) + " is " + text.substring(start, i));
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

        private static String unquote(String s) {
            String t = s.trim();
            return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1).trim() : t;
        }
    }
}
