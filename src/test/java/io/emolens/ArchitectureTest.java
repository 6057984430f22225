package io.emolens;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keeps the one-way flow source → detector → preprocessor → classifier → tracker → renderer/recorder → UI by
 * reading every main source file's imports: a package may use only packages ranked before it (or itself),
 * OpenCV and DL4J stay inside the stages that wrap them, and {@code ui}/{@code cli} use neither.
 */
class ArchitectureTest {
    /** Packages in flow order; a package may import only those at a lower index. {@code ui} and {@code cli} share a rank. */
    private static final List<Set<String>> RANKS = List.of(
            Set.of("core"), Set.of("cv"), Set.of("source"), Set.of("secret"), Set.of("detect"), Set.of("preprocess"), Set.of("data"),
            Set.of("classify"), Set.of("eval"), Set.of("train"), Set.of("track"), Set.of("pipeline"), Set.of("render"),
            Set.of("record"), Set.of("session"), Set.of("report"), Set.of("archive"), Set.of("bench"), Set.of("ui", "cli"), Set.of("app"));
    private static final Map<String, Set<String>> NATIVE_ALLOWED = Map.of(
            "org.bytedeco", Set.of("cv", "source", "detect", "preprocess", "record", "classify", "bench", "train", "eval"),
            "org.deeplearning4j", Set.of("classify", "train", "eval", "bench"),
            "org.nd4j", Set.of("classify", "train", "eval", "bench"),
            "org.apache.spark", Set.of("archive"),
            "org.apache.hadoop", Set.of("archive"));
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)", Pattern.MULTILINE);
    private static final Path ROOT = TestFiles.repo().resolve("src/main/java/io/emolens");

    @Test
    void everyPackageIsKnown() throws IOException {
        List<String> unknown = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(ROOT)) {
            dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString())
                    .filter(p -> rank(p) < 0).forEach(unknown::add);
        }
        assertEquals(List.of(), unknown, "give new packages a rank in ArchitectureTest");
    }

    @Test
    void importsFlowOneWay() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : sources()) {
            String pkg = ROOT.relativize(file).getName(0).toString();
            for (String imported : imports(file)) {
                if (imported.startsWith("io.emolens.")) {
                    String target = imported.substring("io.emolens.".length()).split("\\.")[0];
                    boolean allowed = target.equals(pkg) || pkg.equals("app") || rank(target) < rank(pkg);
                    if (!allowed) {
                        violations.add(ROOT.relativize(file) + " imports " + imported);
                    }
                }
                for (Map.Entry<String, Set<String>> rule : NATIVE_ALLOWED.entrySet()) {
                    if (imported.startsWith(rule.getKey() + ".") && !rule.getValue().contains(pkg)) {
                        violations.add(ROOT.relativize(file) + " imports " + imported + " (only " + rule.getValue() + " may)");
                    }
                }
            }
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void theScanSeesTheCode() throws IOException {
        assertTrue(sources().size() > 30);
        assertTrue(imports(ROOT.resolve("detect/HaarFaceDetector.java")).contains("org.bytedeco.opencv.opencv_objdetect.CascadeClassifier"));
    }

    private static int rank(String pkg) {
        for (int i = 0; i < RANKS.size(); i++) {
            if (RANKS.get(i).contains(pkg)) {
                return i;
            }
        }
        return -1;
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(p -> p.toString().endsWith(".java")).filter(p -> ROOT.relativize(p).getNameCount() > 1).toList();
        }
    }

    private static List<String> imports(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        Matcher m = IMPORT.matcher(Files.readString(file));
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
