package io.emolens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.emolens.data.Fixtures;
import io.emolens.train.TinyNetworks;
import picocli.CommandLine;

/** The train and evaluate commands end to end on the fixtures, with a small CNN standing in for the architectures. */
class TrainCommandTest {
    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int train(String... args) {
        return new CommandLine(new TrainCommand(TinyNetworks.FACTORY, TinyNetworks.EXPORTER, print(out), print(err))).execute(args);
    }

    private int evaluate(String... args) {
        return new CommandLine(new EvaluateCommand(new io.emolens.app.Wiring(io.emolens.app.AppPaths::locate, io.emolens.detect.DetectorConfig.DEFAULT, io.emolens.app.Main.modelLoader()), print(out), print(err))).execute(args);
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    @Test
    void trainsResumesAndEvaluates() throws Exception {
        Path run = tmp.resolve("run");
        assertEquals(0, train("--data", Fixtures.CSV.toString(), "--arch", "tiny", "--out", run.toString(), "--max-epochs", "2",
                "--class-weights"),
                err.toString());
        String text = out.toString();
        assertTrue(text.contains("leakage: 2 PublicTest and 1 PrivateTest rows are exact copies of Training images"), text);
        assertTrue(text.contains("training tiny from epoch 1 to at most 2: 200 training images, 50 validation images"), text);
        assertTrue(text.contains("PrivateTest: 50 images, accuracy"), text);
        assertEquals(3, Files.readAllLines(run.resolve("curves.csv")).size());

        out.reset();
        assertEquals(0, train("--resume", run.toString(), "--max-epochs", "3"), err.toString());
        assertTrue(out.toString().contains("training tiny from epoch 3 to at most 3"), out.toString());
        assertEquals(4, Files.readAllLines(run.resolve("curves.csv")).size());

        out.reset();
        Path json = tmp.resolve("eval/private.json");
        assertEquals(0, evaluate("--data", Fixtures.CSV.toString(), "--model", run.toString(), "--tta", "--json", json.toString()),
                err.toString());
        assertTrue(out.toString().contains("PrivateTest: 50 images, accuracy"), out.toString());
        assertEquals(50, new ObjectMapper().readTree(json.toFile()).get("images").asInt());
        assertTrue(Files.isRegularFile(tmp.resolve("eval/private.png")));
    }

    @Test
    void theSeedArchitectureTrainsAndItsModelLoadsWithMetadata() throws Exception {
        Path run = tmp.resolve("seed");
        int code = new CommandLine(new TrainCommand(io.emolens.train.TrainServices.networks(), io.emolens.train.TrainServices.exporter(),
                print(out), print(err))).execute("--data", Fixtures.CSV.toString(), "--arch", "seed", "--out", run.toString(),
                "--max-epochs", "1");
        assertEquals(0, code, err.toString());
        assertTrue(out.toString().contains("2,345,607 parameters"), out.toString());
        var metadata = new io.emolens.classify.ModelStore().metadata(run.resolve("model.zip"));
        assertEquals("seed", metadata.architecture());
        assertEquals(1, metadata.epochsRun());
        assertEquals(1, metadata.bestEpoch());
        assertEquals(2_345_607, metadata.parameters());
        assertEquals(java.util.Set.of("Training", "PublicTest", "PrivateTest"), metadata.accuracy().keySet());
        assertTrue(metadata.dataChecksum().endsWith("3d98b547b24909d6186692860ac20ca1a7c940223ccec4f67da794c0af057b99"), metadata.dataChecksum());
        double privateAcc = new ObjectMapper().readTree(run.resolve("evaluation.json").toFile()).get("accuracy").asDouble();
        assertEquals(privateAcc, metadata.accuracy().get("PrivateTest"), 1e-12);
        out.reset();
        assertEquals(0, evaluate("--data", Fixtures.CSV.toString(), "--model", run.resolve("model.zip").toString()), err.toString());
        assertTrue(out.toString().contains(String.format("PrivateTest: 50 images, accuracy %.2f%%", 100 * privateAcc)), out.toString());
    }

    @Test
    void reportOnlyListsTheBadRows() {
        assertEquals(0, train("--data", Fixtures.CORRUPT_CSV.toString(), "--report-only"));
        assertTrue(out.toString().contains("skipped 8 bad rows/images:"), out.toString());
        assertTrue(out.toString().contains("2 x wrong pixel count, first: fixture_fer2013_corrupt.csv line 4"), out.toString());
    }

    @Test
    void userErrorsExitWith2AndSayWhatToDo() {
        assertEquals(2, train("--data", tmp.resolve("missing.csv").toString(), "--out", tmp.resolve("r").toString()));
        assertTrue(err.toString().startsWith("error: FER2013 data not found at "), err.toString());
        err.reset();
        assertEquals(2, train("--data", Fixtures.CORRUPT_CSV.toString(), "--out", tmp.resolve("r").toString(), "--strict"));
        assertTrue(err.toString().startsWith("error: fixture_fer2013_corrupt.csv line 4: wrong pixel count"), err.toString());
        err.reset();
        assertEquals(2, train("--data", Fixtures.CSV.toString()));
        assertTrue(err.toString().contains("give either --out RUN_DIR for a new run or --resume RUN_DIR"), err.toString());
        err.reset();
        assertEquals(2, evaluate("--data", Fixtures.CSV.toString(), "--split", "Validation", "--model", tmp.toString()));
        assertTrue(err.toString().contains("unknown split 'Validation'"), err.toString());
    }
}
