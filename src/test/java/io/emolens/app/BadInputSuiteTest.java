package io.emolens.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import io.emolens.TestFiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every file of the bad-input corpus (src/test/resources/badinput, made by make_corpus.py) through the command
 * that reads it, as a user would type it: each ends in time with the exit code {@link #EXPECTED} gives it and the
 * words it must say, a one-line reason naming the file, no stack trace, no raw bytes on the terminal, nothing
 * written outside --out and earlier outputs kept; an input that is accepted writes its results.
 */
class BadInputSuiteTest {
    static final Path CORPUS = TestFiles.repo().resolve("src/test/resources/badinput/corpus");
    static final Path MODEL = TestFiles.repo().resolve("models/emolens-default.zip");
    static final Path PHOTO = TestFiles.repo().resolve("src/test/resources/faces/obama.jpg");

    /** What a corpus input must end with: its exit code and words its output must contain. */
    record Expected(int exit, List<String> words) {
    }

    private static final String VIDEO_REFUSED = "as a video";
    private static final String NO_ROWS = "no PrivateTest rows in";
    private static final String NOT_A_MODEL = "is not a readable DL4J model";

    /** Per corpus input (its path below the corpus): the exit code and the words its output must contain. */
    static final Map<String, Expected> EXPECTED = Map.ofEntries(
            refused("images/empty.jpg", "as an image: the file is empty"),
            refused("images/huge-header.png", "as an image: it looks like a PNG image but is damaged or truncated"),
            accepted("images/portrait-60x1800.png", "1 frames, 0 with faces, 0 face rows"),
            refused("images/random.jpg", "as an image: it is binary data"),
            accepted("images/sideways-exif6.jpg", "1 frames, 1 with faces, 1 face rows"),
            refused("images/text-named.png", "as an image: it is text, not an image"),
            accepted("images/tiny-1x1.png", "1 frames, 0 with faces, 0 face rows"),
            refused("images/truncated.jpg", "as an image: it looks like a JPEG image but is damaged or truncated"),
            refused("images/video-named.jpg", "as an image: it is an MP4 video, not an image"),
            refused("videos/empty.mp4", VIDEO_REFUSED, "Choose a video file"),
            refused("videos/random.mp4", VIDEO_REFUSED, "Choose a video file"),
            refused("videos/text-named.mp4", VIDEO_REFUSED, "Choose a video file"),
            accepted("videos/truncated.mp4", "9 frames,"),
            refused("csv/all-bad-rows.csv", "5 x label outside 0-6", NO_ROWS),
            accepted("csv/binary-mid.csv", "1 x missing column", "1 x malformed CSV line", "carriage return (CR) in the middle", "on 10 PrivateTest faces"),
            accepted("csv/bom-crlf.csv", "on 40 PrivateTest faces"),
            refused("csv/empty.csv", NO_ROWS),
            refused("csv/fake.csv.gz", "is named .gz but is not gzip-compressed"),
            refused("csv/header-only.csv", NO_ROWS),
            refused("csv/latin1-garbage.csv", "non-numeric pixel", NO_ROWS),
            refused("csv/no-pixels-column.csv", "lacks an 'emotion' or 'pixels' column"),
            refused("csv/video.csv", "is not a CSV: it looks like an MP4 video"),
            refused("models/empty.zip", NOT_A_MODEL),
            refused("models/garbage-json.zip", "is not valid model metadata: not valid JSON"),
            refused("models/no-metadata.zip", "no-metadata.json is missing"),
            refused("models/not-a-zip.zip", NOT_A_MODEL),
            refused("models/truncated.zip", NOT_A_MODEL),
            refused("models/zip-slip.zip", NOT_A_MODEL),
            refused("models/absurd-sizes.json", "input size is 1000000000, expected 48"),
            refused("models/wrong-labels.json", "labels are [Cat, Dog, Fear", "expected FER2013 order"),
            refused("folders/empty", "contains no images"),
            refused("folders/not-images", "contains no images"),
            refused("sessions/binary-faces", "faces.csv", "The session folder is incomplete"),
            refused("sessions/empty", "is not an Emolens session: it has no session.json"),
            refused("sessions/garbage-json", "session.json: not valid JSON"));

    private final Set<String> checked = ConcurrentHashMap.newKeySet();

    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> everyBadInputEndsAsExpected() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path image : list("images")) {
            tests.add(test("analyze", image, "faces.csv", out -> new String[] {"analyze", image.toString(), "--out", out.toString()}));
        }
        for (Path video : list("videos")) {
            tests.add(test("analyze --video", video, "faces.csv",
                    out -> new String[] {"analyze", video.toString(), "--out", out.toString(), "--video"}));
        }
        for (Path csv : list("csv")) {
            tests.add(test("evaluate", csv, "eval.json",
                    out -> new String[] {"evaluate", "--data", csv.toString(), "--model", MODEL.toString(), "--json", out.resolve("eval.json").toString()}));
        }
        for (Path model : list("models")) {
            if (model.toString().endsWith(".zip")) {
                tests.add(test("analyze --model", model, "faces.csv",
                        out -> new String[] {"analyze", PHOTO.toString(), "--model", model.toString(), "--out", out.toString()}));
            }
        }
        for (String metadataOnly : List.of("absurd-sizes", "wrong-labels")) {
            String key = "models/" + metadataOnly + ".json";
            tests.add(DynamicTest.dynamicTest("analyze --model " + key + " beside the shipped network", () -> {
                Path dir = Files.createDirectories(tmp.resolve("model-" + metadataOnly));
                Path model = Files.copy(MODEL, dir.resolve(metadataOnly + ".zip"));
                Files.copy(CORPUS.resolve(key), dir.resolve(metadataOnly + ".json"));
                check(key, model, "faces.csv", out -> new String[] {"analyze", PHOTO.toString(), "--model", model.toString(), "--out", out.toString()});
            }));
        }
        for (Path folder : list("folders")) {
            tests.add(test("analyze folder", folder, "faces.csv", out -> new String[] {"analyze", folder.toString(), "--out", out.toString()}));
        }
        for (Path session : list("sessions")) {
            tests.add(test("review", session, "crops.csv", out -> new String[] {"review", session.toString(), "--export-fer", out.resolve("crops.csv").toString()}));
        }
        int cases = tests.size();
        tests.add(DynamicTest.dynamicTest("every expectation was checked on a corpus input", () -> {
            assertEquals(EXPECTED.size(), cases, "corpus inputs vs expectations");
            Set<String> unmet = new TreeSet<>(EXPECTED.keySet());
            unmet.removeAll(checked);
            assertEquals(Set.of(), unmet, "expectations not met: their case failed above, or no corpus input has their name");
        }));
        return tests.stream();
    }

    private List<Path> list(String folder) throws IOException {
        try (Stream<Path> files = Files.list(CORPUS.resolve(folder))) {
            return files.filter(p -> !p.getFileName().toString().endsWith(".json") || folder.equals("csv")).sorted().toList();
        }
    }

    private DynamicTest test(String command, Path input, String result, Function<Path, String[]> args) {
        String key = CORPUS.relativize(input).toString();
        return DynamicTest.dynamicTest(command + " " + key, () -> check(key, input, result, args));
    }

    /** The clean ending every bad input gets, then {@code key}'s own exit code and words; an accepted input wrote {@code result}. */
    private void check(String key, Path input, String result, Function<Path, String[]> args) throws IOException {
        Expected expected = EXPECTED.get(key);
        assertNotNull(expected, "no expectation for the corpus input " + key + ": add it to EXPECTED");
        Ended ended = checkEndsCleanly(tmp, input, args);
        String all = ended.run().out() + ended.run().err();
        assertEquals(expected.exit(), ended.run().exit(), key + ": exit code\n" + all);
        for (String word : expected.words()) {
            assertTrue(all.contains(word), key + ": says '" + word + "'\n" + all);
        }
        if (expected.exit() == 0) {
            Path written = ended.out().resolve(result);
            assertTrue(Files.isRegularFile(written) && Files.size(written) > 0, key + ": wrote " + result + "\n" + all);
        }
        checked.add(key);
    }

    private static Map.Entry<String, Expected> refused(String input, String... words) {
        return Map.entry(input, new Expected(2, List.of(words)));
    }

    private static Map.Entry<String, Expected> accepted(String input, String... words) {
        return Map.entry(input, new Expected(0, List.of(words)));
    }

    /** A run of a command and its --out folder. */
    record Ended(AnalyzeCommandTest.Run run, Path out) {
    }

    /**
     * Runs {@code command} (given its --out folder) on {@code input} and asserts what every bad input must get: exit 0
     * or 2 within 90 s, one printable line naming the file on exit 2, no stack trace, nothing written beside --out,
     * earlier outputs untouched.
     */
    static Ended checkEndsCleanly(Path tmp, Path input, Function<Path, String[]> command) throws IOException {
        Path work = Files.createTempDirectory(tmp, "case");
        Path out = Files.createDirectories(work.resolve("out"));
        Path earlier = Files.writeString(out.resolve("earlier-output.txt"), "the user's file");
        List<Path> inputsBefore = tree(input.getParent());
        AnalyzeCommandTest.Run run = assertTimeoutPreemptively(Duration.ofSeconds(90), () -> AnalyzeCommandTest.cli(command.apply(out)));
        String all = run.out() + run.err();
        String where = " (" + input.getFileName() + ": exit " + run.exit() + ")\n" + all;
        assertTrue(run.exit() == 0 || run.exit() == 2, "exit 0 or 2" + where);
        assertFalse(all.contains("\tat ") || all.contains("Exception:") || all.contains("Error:"), "no stack trace" + where);
        for (char c : all.toCharArray()) {
            assertTrue(c >= 0x20 && c != 0x7F && c != '\uFFFD' || c == '\n' || c == '\r' || c == '\t', "no raw bytes on the terminal" + where);
        }
        if (run.exit() == 2) {
            List<String> lines = run.err().lines().filter(l -> !l.isBlank()).toList();
            String last = lines.get(lines.size() - 1);
            String name = input.getFileName().toString();
            String stem = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
            assertTrue((last.startsWith("emolens: ") || last.startsWith("error: ")) && last.contains(stem), "a one-line reason naming the file" + where);
            assertEquals(1, lines.size(), "one line" + where);
        }
        try (Stream<Path> beside = Files.list(work)) {
            assertEquals(List.of(out), beside.toList(), "nothing written beside --out" + where);
        }
        assertEquals("the user's file", Files.readString(earlier), "earlier outputs untouched" + where);
        assertEquals(inputsBefore, tree(input.getParent()), "nothing written into the input's folder" + where);
        return new Ended(run, out);
    }

    private static List<Path> tree(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.sorted().toList();
        }
    }
}
