package io.emolens.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import io.emolens.TestFiles;
import io.emolens.app.Main;
import io.emolens.core.Csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code archive} end to end with Spark embedded ({@code local[2]}), as a user runs it: two copies of the demo clip and a
 * broken file, read back from Parquet with parquet-mr's plain record reader (not Spark) and compared with what
 * {@code analyze} writes for the same clip; a re-run after a kill, in segments; bad usage. Two Spark runs in all, to keep
 * the suite's time in check.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArchiveCommandTest {
    /**
     * How far a probability may be from analyze's: faces.csv prints 6 decimals, and the classifier's batches (the faces
     * of the frames ready at once) differ between runs, which moves the last decimal by 1 even between two runs of analyze.
     */
    private static final double PRINTED = 5e-6;
    /** What analyze writes for the demo clip: frame, time_ms, x, y, w, h, label, the 7 probabilities. */
    private List<List<String>> analyzeRows;
    private Path tmp;

    record Run(int exit, String err) {
    }

    static Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.runCli(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, err.toString(StandardCharsets.UTF_8) + out.toString(StandardCharsets.UTF_8));
    }

    @BeforeAll
    void analyzeTheDemoClip(@TempDir Path dir) throws IOException {
        tmp = dir;
        System.setProperty("spark.ui.enabled", "false");
        Path out = tmp.resolve("analyze");
        Run run = cli("analyze", TestFiles.demoClip().toString(), "--out", out.toString(), "--no-progress");
        assertEquals(0, run.exit(), run.err());
        analyzeRows = new ArrayList<>();
        try (Csv.Rows rows = Csv.open(out.resolve("faces.csv"))) {
            for (Csv.Row r : rows) {
                List<String> f = r.fields();
                List<String> key = new ArrayList<>(List.of(f.get(0), f.get(1), f.get(4), f.get(5), f.get(6), f.get(7), f.get(8)));
                key.addAll(f.subList(10, 17));
                analyzeRows.add(key);
            }
        }
        assertTrue(analyzeRows.size() > 150, "analyze found the clip's faces: " + analyzeRows.size());
    }

    @Test
    void twoCopiesAndABrokenFileGiveTwoCompleteRowsAndOneFailedAndARerunCompletesWhatIsMissing() throws IOException {
        Path in = tmp.resolve("in");
        Files.createDirectories(in.resolve("a"));
        Files.createDirectories(in.resolve("b/deeper"));
        Files.copy(TestFiles.demoClip(), in.resolve("a/demo.mp4"));
        Files.copy(TestFiles.demoClip(), in.resolve("b/deeper/copy.mp4"));
        Files.copy(TestFiles.repo().resolve("src/test/resources/badinput/corpus/videos/random.mp4"), in.resolve("broken.mp4"));
        Files.writeString(in.resolve("notes.txt"), "not a video, not listed");
        Path out = tmp.resolve("out");

        Run run = cli("archive", in.toString(), "--out", out.toString(), "--master", "local[2]");
        assertEquals(3, run.exit(), run.err());
        assertTrue(run.err().contains("3 videos, 0 already complete (skipped), 3 to analyze"), run.err());
        assertTrue(run.err().contains("2 complete, 1 failed"), run.err());
        Map<String, List<String>> videos = videos(out);
        assertEquals(3, videos.size(), videos.toString());
        List<String> broken = videos.get(uri(in.resolve("broken.mp4")));
        assertEquals("failed", broken.get(1));
        assertTrue(broken.get(VideoRow.COLUMNS.indexOf("error")).contains("as a video"), broken.toString());
        Map<String, List<Group>> faces = faces(out);
        assertFalse(faces.containsKey(uri(in.resolve("broken.mp4"))), "a failed video keeps no rows");
        for (String copy : List.of(uri(in.resolve("a/demo.mp4")), uri(in.resolve("b/deeper/copy.mp4")))) {
            List<String> row = videos.get(copy);
            assertEquals("complete", row.get(1), row.toString());
            assertEquals("210", row.get(2), "every frame of the clip");
            assertEquals(String.valueOf(faces.get(copy).size()), row.get(4), "face_rows counts the video's Parquet rows");
            double shares = 0;
            for (int i = 7; i < 14; i++) {
                shares += Double.parseDouble(row.get(i));
            }
            assertEquals(1.0, shares, 1e-5, "the largest face's emotions share its frames");
            assertEquals(7.0, Double.parseDouble(row.get(5)), 0.1, "the clip lasts 7 s");
            assertSameAsAnalyze(faces.get(copy));
        }
        assertTrue(Files.isDirectory(out.resolve("videos.parquet")));

        // a run killed after writing copy.mp4's rows but before recording it in videos.csv: the re-run redoes it once,
        // here cut into 3-second segments
        String copy = uri(in.resolve("b/deeper/copy.mp4"));
        List<String> lines = new ArrayList<>(Files.readAllLines(out.resolve("videos.csv")));
        lines.removeIf(l -> l.contains("copy.mp4"));
        Files.write(out.resolve("videos.csv"), lines);
        Run again = cli("archive", in.toString(), "--out", out.toString(), "--master", "local[2]", "--segment-minutes", "0.05");
        assertEquals(3, again.exit(), again.err());
        assertTrue(again.err().contains("3 videos, 1 already complete (skipped), 2 to analyze"), again.err());
        assertTrue(again.err().contains("2/2 videos, 3/3 segments"), "the copy in 3 segments, the broken file: " + again.err());
        Map<String, List<String>> after = videos(out);
        assertEquals(videos.keySet(), after.keySet());
        Map<String, List<Group>> facesAfter = faces(out);
        for (String source : List.of(uri(in.resolve("a/demo.mp4")), copy)) {
            assertEquals("complete", after.get(source).get(1));
            assertEquals(after.get(source).get(4), String.valueOf(facesAfter.get(source).size()), "no row twice: " + source);
        }
        assertEquals(faces.get(uri(in.resolve("a/demo.mp4"))).size(), facesAfter.get(uri(in.resolve("a/demo.mp4"))).size(),
                "the complete video was left alone");
        assertSegmentedLikeAnalyze(facesAfter.get(copy));
    }

    /**
     * 3-second segments keep the video's frame numbers and times, and each warmed up ({@link WarmUp}: the cuts at frames
     * 17 and 146 fall in the warm-ups) gives the rows of a whole-video run: the same faces on every frame, with the same
     * boxes, labels and probabilities; only track ids restart.
     */
    private void assertSegmentedLikeAnalyze(List<Group> rows) {
        for (Group g : rows) {
            assertEquals(g.getLong("time_ms", 0) / 3000, g.getInteger("segment", 0), "3-second segments");
        }
        assertEquals(java.util.Set.of(0, 1, 2), rows.stream().map(g -> g.getInteger("segment", 0)).collect(java.util.stream.Collectors.toSet()));
        assertSameAsAnalyze(rows);
    }

    @Test
    void badUsageSaysWhatAndWhereWithExitTwo() throws IOException {
        Run missing = cli("archive", tmp.resolve("nowhere").toString(), "--out", tmp.resolve("o1").toString());
        assertEquals(2, missing.exit(), missing.err());
        assertTrue(missing.err().contains("Input not found: " + tmp.resolve("nowhere")), missing.err());
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Files.writeString(empty.resolve("readme.txt"), "no video here");
        Run none = cli("archive", empty.toString(), "--out", tmp.resolve("o2").toString());
        assertEquals(2, none.exit(), none.err());
        assertTrue(none.err().contains("No videos found in " + empty), none.err());
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        Run unwritable = cli("archive", TestFiles.demoClip().toString(), "--out", file.resolve("sub").toString());
        assertEquals(2, unwritable.exit(), unwritable.err());
        assertTrue(unwritable.err().contains(file.resolve("sub").toString()), unwritable.err());
        Run segments = cli("archive", TestFiles.demoClip().toString(), "--out", tmp.resolve("o3").toString(), "--segment-minutes", "0");
        assertEquals(2, segments.exit(), segments.err());
        for (Run r : List.of(missing, none, unwritable, segments)) {
            assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        }
    }

    /** Per frame, the same faces as analyze's: time, box and label equal, probabilities as faces.csv prints them. */
    private void assertSameAsAnalyze(List<Group> rows) {
        List<List<String>> archived = new ArrayList<>();
        for (Group g : rows) {
            List<String> key = new ArrayList<>(List.of(String.valueOf(g.getLong("frame", 0)), String.valueOf(g.getLong("time_ms", 0)),
                    String.valueOf(g.getInteger("x", 0)), String.valueOf(g.getInteger("y", 0)), String.valueOf(g.getInteger("w", 0)),
                    String.valueOf(g.getInteger("h", 0)), g.getString("label", 0)));
            for (String e : List.of("angry", "disgust", "fear", "happy", "sad", "surprise", "neutral")) {
                key.add(String.valueOf(g.getFloat(e, 0)));
            }
            archived.add(key);
        }
        Map<Long, List<List<String>>> expected = byFrame(analyzeRows);
        Map<Long, List<List<String>>> got = byFrame(archived);
        assertEquals(expected.keySet(), got.keySet(), "the frames with faces");
        for (Map.Entry<Long, List<List<String>>> frame : expected.entrySet()) {
            List<List<String>> e = frame.getValue();
            List<List<String>> a = got.get(frame.getKey());
            assertEquals(e.stream().map(k -> k.subList(0, 7)).toList(), a.stream().map(k -> k.subList(0, 7)).toList(),
                    "frame " + frame.getKey() + ": time, boxes and labels as analyze's");
            for (int i = 0; i < e.size(); i++) {
                for (int p = 7; p < 14; p++) {
                    assertEquals(Double.parseDouble(e.get(i).get(p)), Double.parseDouble(a.get(i).get(p)), PRINTED,
                            "frame " + frame.getKey() + ": probabilities as analyze's");
                }
            }
        }
    }

    /** Rows (frame, time, x, y, …) by frame, each frame's ordered by x then y. */
    private static Map<Long, List<List<String>>> byFrame(List<List<String>> rows) {
        Map<Long, List<List<String>>> out = new java.util.TreeMap<>();
        for (List<String> r : rows) {
            out.computeIfAbsent(Long.parseLong(r.get(0)), k -> new ArrayList<>()).add(r);
        }
        out.values().forEach(l -> l.sort(java.util.Comparator.<List<String>, Integer>comparing(k -> Integer.parseInt(k.get(2)))
                .thenComparing(k -> Integer.parseInt(k.get(3)))));
        return out;
    }

    private static String uri(Path p) {
        return new org.apache.hadoop.fs.Path(p.toAbsolutePath().toUri()).toString();
    }

    /** videos.csv by source: all its fields. */
    private static Map<String, List<String>> videos(Path out) {
        Map<String, List<String>> rows = new HashMap<>();
        try (Csv.Rows csv = Csv.open(out.resolve("videos.csv"))) {
            assertEquals(VideoRow.COLUMNS, csv.header());
            for (Csv.Row r : csv) {
                rows.put(r.fields().get(0), r.fields());
            }
        }
        return rows;
    }

    /** Every row of every Parquet file under out/faces, by source. */
    private static Map<String, List<Group>> faces(Path out) throws IOException {
        Map<String, List<Group>> bySource = new HashMap<>();
        List<Path> files;
        try (Stream<Path> all = Files.walk(out.resolve("faces"))) {
            files = all.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().toList();
        }
        for (Path f : files) {
            try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(), new org.apache.hadoop.fs.Path(f.toUri()))
                    .withConf(new Configuration()).build()) {
                Group g;
                while ((g = reader.read()) != null) {
                    bySource.computeIfAbsent(g.getString("source", 0), k -> new ArrayList<>()).add(g);
                }
            }
        }
        return bySource;
    }
}
