package io.emolens.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.emolens.TestFiles;
import io.emolens.classify.ModelMetadata;
import io.emolens.classify.ModelStore;
import io.emolens.session.ModelLibrary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code import-keras} as a user runs it: every refusal is exit 2 with one line naming the file and the problem (files
 * made by bench/make_keras_fixtures.py with h5py in Keras's own layout), and imported models work in {@code analyze}
 * and the model library like trained ones.
 */
class ImportKerasCommandTest {
    private static final Path PEER = TestFiles.repo().resolve("../shared/models/keras/fer2013_mini_XCEPTION.102-0.66.hdf5").normalize();

    private static Path keras(String name) {
        return TestFiles.resource("keras/" + name);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "not_hdf5.h5|                 |is not an HDF5 file",
            "weights_only.h5|             |has weights but no architecture: save the whole model with model.save()",
            "lambda.h5|                   |layer 1 'lambda_1' is a Lambda layer",
            "five_outputs.h5|             |the model has 5 outputs, Emolens needs 7",
            "wide_input.h5|               |input is 48x64; Emolens feeds square faces",
            "keras3.keras|                |is a Keras 3 .keras archive",
            "keras3_legacy.h5|            |was written by Keras 3 (3.3.3)",
            "tiny_sequential.h5|angry,disgust,fear,happy,sad,joy,neutral|'joy' (output 5) is not one of the seven emotions",
            "tiny_sequential.h5|angry,disgust,fear,happy,sad,neutral|6 labels given",
            "tiny_sequential.h5|angry,angry,fear,happy,sad,surprise,neutral|Angry is named twice"})
    void badInputIsOneLineAndExitTwo(String file, String labels, String expected, @TempDir Path dir) {
        List<String> args = new java.util.ArrayList<>(List.of("import-keras", keras(file).toString(), "--out", dir.resolve("m.zip").toString()));
        if (labels != null) {
            args.addAll(List.of("--labels", labels));
        }
        AnalyzeCommandTest.Run run = AnalyzeCommandTest.cli(args.toArray(String[]::new));
        assertEquals(2, run.exit(), run.err());
        assertEquals(1, run.err().lines().count(), "one line: " + run.err());
        assertTrue(run.err().contains(expected), run.err());
        assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), run.err());
        assertFalse(Files.exists(dir.resolve("m.zip")), "nothing saved");
    }

    @Test
    void badNormalizationIsOneLine(@TempDir Path dir) {
        AnalyzeCommandTest.Run run = AnalyzeCommandTest.cli("import-keras", keras("tiny_sequential.h5").toString(), "--out",
                dir.resolve("m.zip").toString(), "--normalization", "zscore");
        assertEquals(2, run.exit());
        assertEquals("emolens: --normalization: unknown normalization 'zscore': use unit, signed, raw", run.err().strip());
    }

    @Test
    void alphabeticalModelWorksInAnalyzeWithFerColumns(@TempDir Path dir) throws IOException {
        Path models = dir.resolve("models");
        Path zip = models.resolve("alpha.zip");
        AnalyzeCommandTest.Run run = AnalyzeCommandTest.cli("import-keras", keras("tiny_functional_alpha.h5").toString(), "--out", zip.toString(),
                "--labels", "angry,disgust,fear,happy,neutral,sad,surprise", "--normalization", "signed", "--name", "tiny alpha");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("input 32x32x3, signed"), run.out());
        ModelMetadata m = new ModelStore().metadata(zip);
        assertEquals(List.of("Angry", "Disgust", "Fear", "Happy", "Neutral", "Sad", "Surprise"), m.labels(), "labels as imported");
        assertEquals("keras:tiny_functional_alpha.h5", m.architecture());
        assertEquals("tiny alpha", m.keras().name());
        List<ModelLibrary.Entry> entries = new ModelLibrary(models).entries();
        assertEquals(1, entries.size());
        assertEquals(null, entries.get(0).problem(), "the model manager lists it as usable");

        Path out = dir.resolve("analysis");
        AnalyzeCommandTest.Run analyzed = AnalyzeCommandTest.cli("analyze", TestFiles.resource("faces/two_people.jpg").toString(),
                "--out", out.toString(), "--model", zip.toString(), "--no-progress");
        assertEquals(0, analyzed.exit(), analyzed.err());
        assertTwoFacesWithProbabilities(out);
    }

    @Test
    void peerModelAnalyzesTwoPeople(@TempDir Path dir) throws IOException {
        assumeTrue(Files.isRegularFile(PEER), "peer Keras model not found at " + PEER + "; skipping");
        Path zip = dir.resolve("peer.zip");
        AnalyzeCommandTest.Run run = AnalyzeCommandTest.cli("import-keras", PEER.toString(), "--out", zip.toString(), "--normalization", "signed");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("Keras 2.0.5 (tensorflow), Model, 46 layers"), run.out());
        Path out = dir.resolve("analysis");
        AnalyzeCommandTest.Run analyzed = AnalyzeCommandTest.cli("analyze", TestFiles.resource("faces/two_people.jpg").toString(),
                "--out", out.toString(), "--model", zip.toString(), "--no-progress");
        assertEquals(0, analyzed.exit(), analyzed.err());
        assertTwoFacesWithProbabilities(out);
    }

    private static void assertTwoFacesWithProbabilities(Path out) throws IOException {
        List<String> lines = Files.readAllLines(out.resolve("faces.csv"));
        assertEquals(3, lines.size(), "header and two faces: " + lines);
        for (String line : lines.subList(1, 3)) {
            String[] r = line.split(",", -1);
            double sum = 0;
            int top = 0;
            for (int i = 0; i < 7; i++) {
                double p = Double.parseDouble(r[10 + i]);
                sum += p;
                top = p > Double.parseDouble(r[10 + top]) ? i : top;
            }
            assertEquals(1.0, sum, 1e-4, line);
            assertEquals(List.of("Angry", "Disgust", "Fear", "Happy", "Sad", "Surprise", "Neutral").get(top), r[8], "label is the top FER column");
        }
    }
}
