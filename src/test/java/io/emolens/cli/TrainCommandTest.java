package io.emolens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
    void trainsOnFerPlusVotesAndEvaluatesAgainstTheMajority() throws Exception {
        Path votes = Fixtures.DIR.resolve("fixture_ferplus.csv");
        Path run = tmp.resolve("votes");
        assertEquals(0, train("--data", Fixtures.CSV.toString(), "--arch", "tiny", "--out", run.toString(), "--max-epochs", "1",
                "--ferplus", votes.toString(), "--label-mode", "blend:0.7", "--camera-augment"), err.toString());
        String text = out.toString();
        assertTrue(text.contains("labels: blend:0.7; 198 of 200 Training faces kept (0 without votes in the file, 2 that annotators could not label"), text);
        List<String> curves = Files.readAllLines(run.resolve("curves.csv"));
        assertTrue(curves.get(0).endsWith(",general_acc,val_ferplus_majority,val_labels_agree_acc"), curves.get(0));
        String[] last = curves.get(1).split(",", -1);
        String agreement = last[last.length - 2];
        String labelsAgree = last[last.length - 1];
        assertTrue(Double.parseDouble(agreement) >= 0 && Double.parseDouble(agreement) <= 1, curves.get(1));
        var spec = new ObjectMapper().readTree(run.resolve("run.json").toFile()).get("config");
        assertEquals("blend:0.7", spec.get("labels").get("mode").asText());
        assertTrue(spec.get("augment").get("camera").asBoolean());

        out.reset();
        Path json = tmp.resolve("public.json");
        assertEquals(0, evaluate("--data", Fixtures.CSV.toString(), "--split", "PublicTest", "--model", run.toString(),
                "--ferplus", votes.toString(), "--json", json.toString()), err.toString());
        var doc = new ObjectMapper().readTree(json.toFile());
        assertEquals(47, doc.get("ferplus_majority_rows").asInt(), "make_ferplus_fixture.py's count");
        assertEquals(Double.parseDouble(agreement), doc.get("ferplus_majority_accuracy").asDouble(), 1e-6,
                "the run's last epoch is its model: the same agreement as its curve");
        assertEquals(26.0 / 47, doc.get("fer2013_label_majority_accuracy").asDouble(), 1e-12);
        assertEquals(26, doc.get("ferplus_labels_agree_rows").asInt());
        assertEquals(Double.parseDouble(labelsAgree), doc.get("ferplus_labels_agree_accuracy").asDouble(), 1e-6,
                "the curve's accuracy where the labels agree is evaluate's");
        assertEquals(21, doc.get("ferplus_labels_differ_rows").asInt());
        assertEquals(doc.get("ferplus_majority_agreed").asInt(), Math.round(26 * doc.get("ferplus_labels_agree_accuracy").asDouble()
                + 21 * doc.get("ferplus_labels_differ_majority_share").asDouble()), "the two parts add up to the agreement");

        err.reset();
        assertEquals(2, evaluate("--data", Fixtures.CSV.toString(), "--model", run.toString(), "--ferplus", votes.toString()));
        assertTrue(err.toString().contains("has votes for [Training, PublicTest] only, not for PrivateTest"), err.toString());
        err.reset();
        assertEquals(2, train("--data", Fixtures.CSV.toString(), "--arch", "tiny", "--out", tmp.resolve("x").toString(), "--label-mode", "votes"));
        assertTrue(err.toString().contains("--label-mode votes needs --ferplus VOTES.csv"), err.toString());
    }

    @Test
    void aFineTuningKilledWhileExportingFinishesOnResumeInsteadOfKeepingTheBase() throws Exception {
        Path base = tmp.resolve("base");
        assertEquals(0, train("--data", Fixtures.CSV.toString(), "--arch", "tiny", "--out", base.toString(), "--max-epochs", "1"), err.toString());
        Path tuned = tmp.resolve("tuned");
        assertEquals(0, train("--from", base.resolve("model.zip").toString(), "--data", Fixtures.CSV.toString(), "--out", tuned.toString(),
                "--max-epochs", "2", "--lr", "0.01", "--ferplus", Fixtures.DIR.resolve("fixture_ferplus.csv").toString(), "--label-mode", "votes"),
                err.toString());
        List<float[]> first = scores(tuned.resolve("model.zip"));
        List<float[]> before = scores(base.resolve("model.zip"));
        assertTrue(differ(first, before), "fine-tuning changed the network");
        for (String f : List.of("model.zip", "model.json", "member-1/model.zip", "member-1/model.json", "finetune-report.txt")) {
            Files.deleteIfExists(tuned.resolve(f));
        }
        out.reset();
        assertEquals(0, train("--resume", tuned.toString()), err.toString());
        List<float[]> resumed = scores(tuned.resolve("model.zip"));
        assertTrue(differ(resumed, before), "the resumed run exports the tuned network, not the base's weights");
        for (int i = 0; i < first.size(); i++) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(first.get(i), resumed.get(i), 1e-6f);
        }
    }

    private static List<float[]> scores(Path model) {
        List<io.emolens.data.LabeledFace> faces = io.emolens.data.DatasetReader.readAny(Fixtures.CSV, io.emolens.data.ReadOptions.DEFAULT)
                .faces().subList(0, 20);
        try (var classifier = io.emolens.train.TrainServices.classifier(model)) {
            return new io.emolens.eval.Evaluator().probabilities(classifier, faces);
        }
    }

    private static boolean differ(List<float[]> a, List<float[]> b) {
        for (int i = 0; i < a.size(); i++) {
            for (int c = 0; c < a.get(i).length; c++) {
                if (Math.abs(a.get(i)[c] - b.get(i)[c]) > 1e-4) {
                    return true;
                }
            }
        }
        return false;
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
