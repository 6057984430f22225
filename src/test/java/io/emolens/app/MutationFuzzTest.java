package io.emolens.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import io.emolens.TestFiles;

/**
 * A seeded mutation fuzzer over real inputs: a photo, the demo clip's first 1.5 s (badinput/seed-clip.mp4, cut with
 * {@code ffmpeg -t 1.5 -c copy}), FER2013 fixture rows and the shipped model's
 * metadata, each truncated, bit-flipped or spliced with another file, then given to the command that reads it. Every
 * mutant must end as {@link BadInputSuiteTest#checkEndsCleanly} demands. {@code -Demolens.fuzz.seed} and
 * {@code -Demolens.fuzz.count} (mutants per input, default 4) widen the search; a failure names the seed and mutant.
 */
class MutationFuzzTest {
    private static final long SEED = Long.getLong("emolens.fuzz.seed", 20261130L);
    private static final int COUNT = Integer.getInteger("emolens.fuzz.count", 4);
    private static final Path REPO = TestFiles.repo();

    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> mutantsOfRealInputsEndCleanly() throws IOException {
        Random random = new Random(SEED);
        byte[] photo = Files.readAllBytes(REPO.resolve("src/test/resources/faces/two_people.jpg"));
        byte[] clip = Files.readAllBytes(REPO.resolve("src/test/resources/badinput/seed-clip.mp4"));
        byte[] csv = Arrays.copyOf(Files.readAllBytes(REPO.resolve("src/test/resources/fer2013/fixture_fer2013.csv")), 200_000);
        byte[] metadata = Files.readAllBytes(REPO.resolve("models/emolens-default.json"));
        Path model = REPO.resolve("models/emolens-default.zip");
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            tests.add(mutant("photo", i, "jpg", mutate(photo, clip, random),
                    (file, out) -> new String[] {"analyze", file.toString(), "--out", out.toString()}));
            tests.add(mutant("clip", i, "mp4", mutate(clip, photo, random),
                    (file, out) -> new String[] {"analyze", file.toString(), "--out", out.toString()}));
            tests.add(mutant("fer2013", i, "csv", mutate(csv, photo, random),
                    (file, out) -> new String[] {"evaluate", "--data", file.toString(), "--model", model.toString(), "--json", out.resolve("e.json").toString()}));
            byte[] json = mutate(metadata, csv, random);
            tests.add(DynamicTest.dynamicTest("model metadata mutant " + i + " (seed " + SEED + ")", () -> {
                Path dir = Files.createTempDirectory(tmp, "model");
                Path zip = Files.copy(model, dir.resolve("mutant.zip"));
                Files.write(dir.resolve("mutant.json"), json);
                BadInputSuiteTest.checkEndsCleanly(tmp, zip, out -> new String[] {"analyze",
                        REPO.resolve("src/test/resources/faces/obama.jpg").toString(), "--model", zip.toString(), "--out", out.toString()});
            }));
        }
        return tests.stream();
    }

    private DynamicTest mutant(String what, int i, String extension, byte[] bytes, java.util.function.BiFunction<Path, Path, String[]> command) {
        return DynamicTest.dynamicTest(what + " mutant " + i + " (seed " + SEED + ")", () -> {
            Path dir = Files.createTempDirectory(tmp, what);
            Path file = Files.write(dir.resolve(what + "-mutant-" + i + "." + extension), bytes);
            Function<Path, String[]> run = out -> command.apply(file, out);
            BadInputSuiteTest.checkEndsCleanly(tmp, file, run);
        });
    }

    /** Truncates, flips bytes in, or splices {@code other} into {@code original}, chosen by {@code random}. */
    static byte[] mutate(byte[] original, byte[] other, Random random) {
        byte[] b = original.clone();
        switch (random.nextInt(3)) {
            case 0 -> b = Arrays.copyOf(b, random.nextInt(Math.max(1, b.length)));
            case 1 -> {
                int flips = 1 + random.nextInt(64);
                for (int k = 0; k < flips; k++) {
                    int at = random.nextInt(b.length);
                    b[at] ^= (byte) (1 << random.nextInt(8));
                }
            }
            default -> {
                int at = random.nextInt(b.length);
                int from = random.nextInt(other.length);
                int n = Math.min(1 + random.nextInt(4096), Math.min(b.length - at, other.length - from));
                System.arraycopy(other, from, b, at, n);
            }
        }
        return b;
    }
}
