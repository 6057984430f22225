package io.emolens.data;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/** Paths of the committed FER2013 fixtures (see src/test/resources/fer2013/make_fixtures.py) and the full file. */
public final class Fixtures {
    public static final Path DIR = Path.of("src/test/resources/fer2013");
    /** 300 real rows: 200 Training, 50 PublicTest, 50 PrivateTest. */
    public static final Path CSV = DIR.resolve("fixture_fer2013.csv");
    /** 20 good rows and 8 hand-corrupted rows. */
    public static final Path CORRUPT_CSV = DIR.resolve("fixture_fer2013_corrupt.csv");
    public static final Path IMAGES = DIR.resolve("fixture_images");
    /**
     * The full FER2013 CSV, gzipped, in the shared data folder beside the repository (read directly, no unpacking);
     * {@code -Demolens.fer2013=PATH} points elsewhere. Present on developer machines, absent in CI.
     */
    public static final Path FULL_CSV = Path.of(System.getProperty("emolens.fer2013",
            io.emolens.TestFiles.repo().resolve("../shared/data/fer2013/fer2013.csv.gz").normalize().toString()));

    private Fixtures() {
    }

    /** Skips the calling test, saying why, when the full FER2013 CSV is absent. */
    public static Path requireFullCsv() {
        Assumptions.assumeTrue(Files.isRegularFile(FULL_CSV), "full FER2013 CSV not found at " + FULL_CSV
                + " (set -Demolens.fer2013=PATH to run this test); skipped");
        return FULL_CSV;
    }
}
