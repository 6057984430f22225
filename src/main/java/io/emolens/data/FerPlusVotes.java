package io.emolens.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.emolens.core.Csv;
import io.emolens.core.EmolensException;
import io.emolens.core.Emotion;

/**
 * FER+ crowd votes (Barsoum et al. 2016, microsoft/FERPlus {@code fer2013new.csv}): ten annotators' counts per FER2013
 * image for the eight FER+ emotions, "unknown" and "not a face", keyed by the image's 0-based row in fer2013.csv. The
 * file has one line per FER2013 row in the same order (its image names skip the rows FER+ dropped, so they do not
 * number the rows); {@link #checkFits} checks the Usage of every row against the FER2013 file.
 * <p>
 * The rules every use shares: contempt, unknown and not-a-face votes are left out of the seven-class distribution (the
 * FER2013 classes have no place for them); a row has usable votes when its seven FER2013 classes got at least one vote,
 * it has an image name, and its most voted column is not unknown or not-a-face; its <em>clear majority</em> is the one
 * column of all ten with the most votes, when that column is one of the seven FER2013 emotions (a tie, contempt, unknown
 * or not-a-face on top: no clear majority).
 */
public final class FerPlusVotes {
    /** FER+ column names of the ten vote columns, in the file's order. */
    static final List<String> COLUMNS = List.of("neutral", "happiness", "surprise", "sadness", "anger", "disgust", "fear",
            "contempt", "unknown", "NF");
    private static final Emotion[] AS_FER2013 = {Emotion.NEUTRAL, Emotion.HAPPY, Emotion.SURPRISE, Emotion.SAD, Emotion.ANGRY,
            Emotion.DISGUST, Emotion.FEAR};
    private static final int CONTEMPT = 7;
    private static final int UNKNOWN = 8;
    private static final int NOT_A_FACE = 9;

    /** One image's votes: the ten counts in FER+ column order, its split and the file line they came from. */
    public record Row(int[] counts, Split split, boolean named, int line) {

        /** Votes per FER2013 class (index order), contempt, unknown and not-a-face left out. */
        public int[] fer2013Counts() {
            int[] out = new int[Emotion.COUNT];
            for (int c = 0; c < AS_FER2013.length; c++) {
                out[AS_FER2013[c].index()] = counts[c];
            }
            return out;
        }

        /** Whether the seven classes' votes can serve as a label (see the class comment). */
        public boolean usable() {
            int top = argmaxAll();
            return named && sum(fer2013Counts()) > 0 && top != UNKNOWN && top != NOT_A_FACE;
        }

        /** The seven-class vote distribution (sums to 1), or empty when the row has no usable votes. */
        public Optional<float[]> distribution() {
            if (!usable()) {
                return Optional.empty();
            }
            int[] c = fer2013Counts();
            float total = sum(c);
            float[] p = new float[Emotion.COUNT];
            for (int i = 0; i < p.length; i++) {
                p[i] = c[i] / total;
            }
            return Optional.of(p);
        }

        /** The clear majority of all ten columns, when it is a FER2013 emotion (see the class comment). */
        public Optional<Emotion> majority() {
            if (!named) {
                return Optional.empty();
            }
            int top = argmaxAll();
            for (int c = 0; c < counts.length; c++) {
                if (c != top && counts[c] == counts[top]) {
                    return Optional.empty();
                }
            }
            return top < CONTEMPT && counts[top] > 0 ? Optional.of(AS_FER2013[top]) : Optional.empty();
        }

        private int argmaxAll() {
            int best = 0;
            for (int c = 1; c < counts.length; c++) {
                if (counts[c] > counts[best]) {
                    best = c;
                }
            }
            return best;
        }

        private static int sum(int[] values) {
            int s = 0;
            for (int v : values) {
                s += v;
            }
            return s;
        }
    }

    private final String source;
    private final Map<Integer, Row> rows;

    private FerPlusVotes(String source, Map<Integer, Row> rows) {
        this.source = source;
        this.rows = rows;
    }

    /** The file as given, for messages and metadata. */
    public String source() {
        return source;
    }

    /** Rows read. */
    public int size() {
        return rows.size();
    }

    /** The votes of fer2013.csv's 0-based data row {@code row}, if the file has them. */
    public Optional<Row> row(int row) {
        return Optional.ofNullable(rows.get(row));
    }

    /** The votes of {@code face}, a face read from a FER2013 CSV ({@link #rowOf}). */
    public Optional<Row> of(LabeledFace face) {
        return rowOf(face).flatMap(this::row);
    }

    /** Which splits the file covers. */
    public List<Split> splits() {
        return rows.values().stream().map(Row::split).distinct().sorted().toList();
    }

    /**
     * The 0-based data row of a face read by {@link Fer2013CsvReader} (its origin {@code file:LINE}, the header being
     * line 1), empty for faces from elsewhere.
     */
    public static Optional<Integer> rowOf(LabeledFace face) {
        String origin = face.origin();
        int colon = origin.lastIndexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(origin.substring(colon + 1)) - 2);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Checks that the votes belong to {@code data}: every FER2013 row with votes has the same Usage in both files.
     * Throws naming the first row that disagrees, or when no face of {@code data} has votes.
     */
    public void checkFits(Dataset data) {
        int matched = 0;
        for (LabeledFace face : data.faces()) {
            Optional<Row> r = of(face);
            if (r.isEmpty()) {
                continue;
            }
            if (r.get().split() != face.split()) {
                throw new EmolensException(String.format("%s does not fit %s: line %d has votes for a %s image, but %s is %s there. "
                        + "The votes follow the Kaggle fer2013.csv row by row.", source, data.source(), r.get().line(),
                        r.get().split().usage(), face.origin(), face.split().usage()));
            }
            matched++;
        }
        if (matched == 0) {
            throw new EmolensException(source + " has no votes for any face of " + data.source()
                    + ": FER+ votes fit the Kaggle fer2013.csv only, row by row.");
        }
    }

    /** Reads a FER+ votes file ({@code fer2013new.csv}, plain or gzip). */
    public static FerPlusVotes read(Path file) {
        String name = file.toString();
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
             Csv.Rows csv = Csv.open(Fer2013CsvReader.decompressed(raw, name), name)) {
            List<String> names = csv.header();
            if (names.isEmpty()) {
                throw new EmolensException(name + " is empty: expected the FER+ votes header "
                        + "Usage,Image name," + String.join(",", COLUMNS));
            }
            int usage = index(csv, "Usage", name);
            int image = index(csv, "Image name", name);
            int[] vote = new int[COLUMNS.size()];
            for (int c = 0; c < vote.length; c++) {
                vote[c] = index(csv, COLUMNS.get(c), name);
            }
            Map<Integer, Row> rows = new HashMap<>();
            int dataRow = 0;
            for (Csv.Row f : csv) {
                int lineNo = (int) f.line();
                if (f.size() < names.size()) {
                    throw new EmolensException(String.format("%s line %d: %d fields, the header has %d", name, lineNo, f.size(), names.size()));
                }
                Optional<Split> parsed = Split.parse(f.get(usage).trim());
                if (parsed.isEmpty()) {
                    throw new EmolensException(String.format("%s line %d: Usage '%s' is not Training, PublicTest or PrivateTest",
                            name, lineNo, f.get(usage)));
                }
                Split split = parsed.get();
                int[] counts = new int[vote.length];
                for (int c = 0; c < vote.length; c++) {
                    try {
                        counts[c] = Integer.parseInt(f.get(vote[c]).trim());
                    } catch (NumberFormatException e) {
                        throw new EmolensException(String.format("%s line %d: the %s vote count '%s' is not a whole number", name, lineNo,
                                COLUMNS.get(c), f.get(vote[c])));
                    }
                    if (counts[c] < 0) {
                        throw new EmolensException(String.format("%s line %d: negative %s vote count %d", name, lineNo, COLUMNS.get(c), counts[c]));
                    }
                }
                String imageName = f.get(image).trim();
                rows.put(dataRow++, new Row(counts, split, !imageName.isEmpty(), lineNo));
            }
            if (rows.isEmpty()) {
                throw new EmolensException(name + " holds no vote rows");
            }
            return new FerPlusVotes(name, rows);
        } catch (NoSuchFileException e) {
            throw new EmolensException("FER+ votes file not found: " + name);
        } catch (IOException e) {
            throw new EmolensException("cannot read the FER+ votes " + name + ": " + e.getMessage(), e);
        }
    }

    private static int index(Csv.Rows csv, String column, String file) {
        int i = csv.column(column);
        if (i >= 0) {
            return i;
        }
        throw new EmolensException(file + " is not a FER+ votes file: its header has no '" + column + "' column (expected Usage,Image name,"
                + String.join(",", COLUMNS) + ")");
    }
}
