package io.emolens.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import io.emolens.TestFiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every file of the bad-input corpus (src/test/resources/badinput, made by make_corpus.py) through the command
 * that reads it, as a user would type it: each ends in time with exit 0 or 2, a one-line reason naming the file,
 * no stack trace, no raw bytes on the terminal, nothing written outside --out and earlier outputs kept.
 */
class BadInputSuiteTest {
    static final Path CORPUS = TestFiles.repo().resolve("src/test/resources/badinput/corpus");
    static final Path MODEL = TestFiles.repo().resolve("models/emolens-default.zip");
    static final Path PHOTO = TestFiles.repo().resolve("src/test/resources/faces/obama.jpg");

    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> everyBadInputEndsCleanly() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path image : list("images")) {
            tests.add(test("analyze " + image.getFileName(), image, out -> new String[] {"analyze", image.toString(), "--out", out.toString()}));
        }
        for (Path video : list("videos")) {
            tests.add(test("analyze --video " + video.getFileName(), video,
                    out -> new String[] {"analyze", video.toString(), "--out", out.toString(), "--video"}));
        }
        for (Path csv : list("csv")) {
            tests.add(test("evaluate " + csv.getFileName(), csv,
                    out -> new String[] {"evaluate", "--data", csv.toString(), "--model", MODEL.toString(), "--json", out.resolve("eval.json").toString()}));
        }
        for (Path model : list("models")) {
            if (model.toString().endsWith(".zip")) {
                tests.add(test("analyze --model " + model.getFileName(), model,
                        out -> new String[] {"analyze", PHOTO.toString(), "--model", model.toString(), "--out", out.toString()}));
            }
        }
        for (String metadataOnly : List.of("absurd-sizes", "wrong-labels")) {
            tests.add(DynamicTest.dynamicTest("analyze --model " + metadataOnly + ".zip", () -> {
                Path dir = Files.createDirectories(tmp.resolve("model-" + metadataOnly));
                Path model = Files.copy(MODEL, dir.resolve(metadataOnly + ".zip"));
                Files.copy(CORPUS.resolve("models/" + metadataOnly + ".json"), dir.resolve(metadataOnly + ".json"));
                check(model, out -> new String[] {"analyze", PHOTO.toString(), "--model", model.toString(), "--out", out.toString()});
            }));
        }
        for (Path folder : list("folders")) {
            tests.add(test("analyze folder " + folder.getFileName(), folder, out -> new String[] {"analyze", folder.toString(), "--out", out.toString()}));
        }
        for (Path session : list("sessions")) {
            tests.add(test("review " + session.getFileName(), session, out -> new String[] {"review", session.toString(), "--export-fer", out.resolve("crops.csv").toString()}));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> inputsThatAreFineDespiteTheirLooksGiveResults() {
        return Stream.of(
                DynamicTest.dynamicTest("a photo stored sideways with EXIF orientation 6 still has its face found", () -> {
                    Path out = tmp.resolve("sideways");
                    AnalyzeCommandTest.Run run = AnalyzeCommandTest.cli("analyze", CORPUS.resolve("images/sideways-exif6.jpg").toString(), "--out", out.toString());
                    assertEquals(0, run.exit(), run.err());
                    assertEquals(2, Files.readAllLines(out.resolve("faces.csv")).size(), "header and one face row");
                }),
                DynamicTest.dynamicTest("a spreadsheet's BOM and CRLF CSV evaluates", () -> {
                    AnalyzeCommandTest.Run run = AnalyzeCommandTest.cli("evaluate", "--data", CORPUS.resolve("csv/bom-crlf.csv").toString(), "--model", MODEL.toString());
                    assertEquals(0, run.exit(), run.err());
                    assertTrue(run.out().contains("on 40 PrivateTest faces"), run.out());
                }));
    }

    private List<Path> list(String folder) throws IOException {
        try (Stream<Path> files = Files.list(CORPUS.resolve(folder))) {
            return files.filter(p -> !p.getFileName().toString().endsWith(".json") || folder.equals("csv")).sorted().toList();
        }
    }

    private DynamicTest test(String name, Path input, java.util.function.Function<Path, String[]> command) {
        return DynamicTest.dynamicTest(name, () -> check(input, command));
    }

    private void check(Path input, java.util.function.Function<Path, String[]> command) throws IOException {
        checkEndsCleanly(tmp, input, command);
    }

    /**
     * Runs {@code command} (given its --out folder) on {@code input} and asserts what every bad input must get: exit 0
     * or 2 within 90 s, one printable line naming the file on exit 2, no stack trace, nothing written beside --out,
     * earlier outputs untouched.
     */
    static void checkEndsCleanly(Path tmp, Path input, java.util.function.Function<Path, String[]> command) throws IOException {
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
    }

    private static List<Path> tree(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.sorted().toList();
        }
    }
}
