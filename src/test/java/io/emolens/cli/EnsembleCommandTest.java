package io.emolens.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.emolens.classify.Dl4jEmotionClassifier;
import io.emolens.classify.EnsembleSpec;
import io.emolens.classify.ModelStore;
import io.emolens.classify.Temperature;
import io.emolens.core.EmotionScores;
import io.emolens.data.FacePixels;
import io.emolens.data.Fer2013CsvReader;
import io.emolens.data.Fixtures;
import io.emolens.data.LabeledFace;
import io.emolens.data.ReadOptions;
import io.emolens.data.Split;
import io.emolens.train.TinyNetworks;
import picocli.CommandLine;

/**
 * Ensembles end to end on the fixtures: two small CNNs trained with different seeds, one added with
 * {@code train --into}, the other built with {@code ensemble}; the file's inference checked against its members
 * run by hand, {@code evaluate --members}, and the loader's refusals.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnsembleCommandTest {
    @TempDir
    static Path tmp;
    private Path run1;
    private Path run2;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private int train(String... args) {
        return new CommandLine(new TrainCommand(TinyNetworks.FACTORY, TinyNetworks.EXPORTER, print(out), print(err))).execute(args);
    }

    private int ensemble(String... args) {
        return new CommandLine(new EnsembleCommand(print(out), print(err))).execute(args);
    }

    private int evaluate(String... args) {
        return new CommandLine(new EvaluateCommand(new io.emolens.app.Wiring(io.emolens.app.AppPaths::locate, io.emolens.detect.DetectorConfig.DEFAULT, io.emolens.app.Main.modelLoader()), print(out), print(err))).execute(args);
    }

    @BeforeAll
    void trainTwoMembersTheSecondIntoAnEnsemble() {
        run1 = tmp.resolve("run1");
        run2 = tmp.resolve("run2");
        assertEquals(0, train("--data", Fixtures.CSV.toString(), "--arch", "tiny", "--out", run1.toString(), "--max-epochs", "1", "--seed", "1"), err.toString());
        assertEquals(0, train("--data", Fixtures.CSV.toString(), "--arch", "tiny", "--out", run2.toString(), "--max-epochs", "1", "--seed", "2",
                "--into", tmp.resolve("into.zip").toString()), err.toString());
        assertEquals(0, train("--resume", run1.toString(), "--max-epochs", "1", "--into", tmp.resolve("into.zip").toString()), err.toString());
    }

    @org.junit.jupiter.api.BeforeEach
    void clearOutput() {
        out.reset();
        err.reset();
    }

    @Test
    void trainIntoAddsEachRunsModelAndRecordsWhatTheMembersAre() throws Exception {
        JsonNode json = new ObjectMapper().readTree(tmp.resolve("into.json").toFile());
        JsonNode ensemble = json.get("ensemble");
        assertEquals(2, ensemble.get("members").size());
        assertEquals(2, ensemble.get("members").get(0).get("seed").asInt());
        assertEquals(1, ensemble.get("members").get(1).get("seed").asInt());
        assertEquals("fixture_fer2013.csv", json.get("data").asText(), "the data's file name, not a path of this machine");
        assertEquals("fixture_fer2013.csv", ensemble.get("members").get(0).get("data").asText());
        assertEquals("mean_softmax", ensemble.get("combination").asText());
        assertTrue(ensemble.get("flip_average").asBoolean());
        assertEquals("PublicTest", ensemble.get("temperature_fitted_on").asText());
        double t = ensemble.get("temperature").asDouble();
        assertTrue(t > Temperature.MIN_T && t < Temperature.MAX_T, "temperature " + t);
        assertEquals(json.get("data_checksum").asText(), ensemble.get("members").get(1).get("data_checksum").asText());
        for (JsonNode m : ensemble.get("members")) {
            assertTrue(m.get("ensemble_accuracy").has("PrivateTest") && m.get("accuracy").has("PrivateTest"), m.toString());
        }
        assertTrue(json.get("accuracy").has("PublicTest") && json.get("accuracy").has("PrivateTest"));
        assertEquals("ensemble: 2 × tiny", json.get("architecture").asText());
    }

    @Test
    void theEnsembleClassifiesAsItsMembersAveragedOverFlipsThenScaledByItsTemperature() {
        Path model = tmp.resolve("both.zip");
        assertEquals(0, ensemble("--members", run1.toString(), run2.resolve("model.zip").toString(), "--data", Fixtures.CSV.toString(),
                "--out", model.toString()), err.toString());
        assertTrue(out.toString().contains("temperature fitted on PublicTest: T = "), out.toString());
        assertTrue(out.toString().contains("member 2 run2/model.zip"), out.toString());
        List<float[]> faces = new Fer2013CsvReader().read(Fixtures.CSV, ReadOptions.STRICT).split(Split.PRIVATE_TEST).stream()
                .map(LabeledFace::input).toList();
        ModelStore store = new ModelStore();
        try (Dl4jEmotionClassifier both = (Dl4jEmotionClassifier) store.load(model);
             Dl4jEmotionClassifier a = (Dl4jEmotionClassifier) store.load(run1.resolve("model.zip"));
             Dl4jEmotionClassifier b = (Dl4jEmotionClassifier) store.load(run2.resolve("model.zip"))) {
            EnsembleSpec spec = both.ensemble().orElseThrow();
            assertEquals(2, both.members());
            List<EmotionScores> actual = both.classify(faces);
            List<float[]> mirrored = faces.stream().map(FacePixels::flipHorizontal).toList();
            List<EmotionScores> a1 = a.classify(faces);
            List<EmotionScores> a2 = a.classify(mirrored);
            List<EmotionScores> b1 = b.classify(faces);
            List<EmotionScores> b2 = b.classify(mirrored);
            for (int i = 0; i < faces.size(); i++) {
                float[] expected = meanOverTemperature(spec.temperature(), a1.get(i).toArray(), a2.get(i).toArray(), b1.get(i).toArray(),
                        b2.get(i).toArray());
                assertArrayEquals(expected, actual.get(i).toArray(), 1e-5f, "face " + i);
            }
        }
    }

    @Test
    void evaluateRunsTheModelsOwnInferenceAndListsItsMembers() throws Exception {
        Path model = tmp.resolve("into.zip");
        Path json = tmp.resolve("eval/into.json");
        out.reset();
        assertEquals(0, evaluate("--data", Fixtures.CSV.toString(), "--model", model.toString(), "--members", "--tta", "--json", json.toString()),
                err.toString());
        String text = out.toString();
        assertTrue(text.contains("--tta ignored: with --members the members run as the model runs them"), text);
        assertTrue(text.contains("(2 members, flips averaged, temperature "), text);
        assertTrue(text.contains("member 1 run2/model.zip") && text.contains("member 2 run1/model.zip") && text.contains("ensemble (T = "), text);
        JsonNode result = new ObjectMapper().readTree(json.toFile());
        JsonNode metadata = new ObjectMapper().readTree(tmp.resolve("into.json").toFile());
        assertEquals(metadata.get("accuracy").get("PrivateTest").asDouble(), result.get("accuracy").asDouble(), 1e-12);
        assertEquals(metadata.get("ensemble").get("ece").get("PrivateTest").asDouble(), result.get("ece").asDouble(), 1e-6);
        assertEquals(metadata.get("ensemble").get("log_loss").get("PrivateTest").asDouble(), result.get("log_loss").asDouble(), 1e-6);
        assertEquals(15, result.get("ece_bins").size());
        assertTrue(text.contains(String.format("ECE %.4f", result.get("ece").asDouble())), text);
        assertTrue(Files.size(tmp.resolve("eval/into-reliability.png")) > 1000);
        assertTrue(Files.isRegularFile(tmp.resolve("eval/into.png")));

        out.reset();
        assertEquals(0, evaluate("--data", Fixtures.CSV.toString(), "--model", model.toString(), "--tta"), err.toString());
        assertTrue(out.toString().contains("--tta ignored: into.zip averages flips in its own inference"), out.toString());
        assertTrue(out.toString().contains(String.format("accuracy %.2f%%", 100 * result.get("accuracy").asDouble())), out.toString());
    }

    @Test
    void refusesOtherDataAlteredMembersAndUnlistedEntries() throws Exception {
        err.reset();
        assertEquals(2, ensemble("--members", run1.toString(), "--data", Fixtures.CORRUPT_CSV.toString(), "--out", tmp.resolve("x.zip").toString()));
        assertTrue(err.toString().contains("was trained on data sha256:") && err.toString().contains("give --data the file the members were trained on"),
                err.toString());

        Path altered = copyOfEnsemble("altered", List.of("member-1.zip", "member-2.zip"), true);
        err.reset();
        assertEquals(2, evaluate("--data", Fixtures.CSV.toString(), "--model", altered.toString()));
        assertTrue(err.toString().contains("member member-1.zip does not match the checksum in its metadata"), err.toString());

        Path extra = copyOfEnsemble("extra", List.of("member-1.zip", "member-2.zip", "../evil.zip"), false);
        err.reset();
        assertEquals(2, evaluate("--data", Fixtures.CSV.toString(), "--model", extra.toString()));
        assertTrue(err.toString().contains("holds '../evil.zip', which its metadata does not list"), err.toString());

        Path missing = copyOfEnsemble("missing", List.of("member-2.zip"), false);
        err.reset();
        assertEquals(2, evaluate("--data", Fixtures.CSV.toString(), "--model", missing.toString()));
        assertTrue(err.toString().contains("lacks the member member-1.zip"), err.toString());

        Path badSpec = copyOfEnsemble("badspec", List.of("member-1.zip", "member-2.zip"), false);
        ObjectNode json = (ObjectNode) new ObjectMapper().readTree(ModelStore.metadataFile(badSpec).toFile());
        ((ObjectNode) json.get("ensemble")).put("temperature", -1);
        ((ObjectNode) json.get("ensemble").get("members").get(0)).put("entry", "../member-1.zip");
        new ObjectMapper().writeValue(ModelStore.metadataFile(badSpec).toFile(), json);
        err.reset();
        assertEquals(2, evaluate("--data", Fixtures.CSV.toString(), "--model", badSpec.toString()));
        assertTrue(err.toString().contains("temperature -1.0 is not a positive number")
                && err.toString().contains("member entry name '../member-1.zip' is not a plain file name"), err.toString());
    }

    /**
     * The reference the ensemble must match, written out here rather than taken from the production code: the mean
     * m of the four equally weighted outputs (two members, each on the face and its mirror), then m_k^(1/T) / Σ_j m_j^(1/T),
     * with each m_k first clipped to {@link Temperature#MIN_P}.
     */
    private static float[] meanOverTemperature(double t, float[]... outputs) {
        int n = outputs[0].length;
        double[] powered = new double[n];
        double sum = 0;
        for (int k = 0; k < n; k++) {
            double m = 0;
            for (float[] p : outputs) {
                m += p[k];
            }
            powered[k] = Math.pow(Math.max(Temperature.MIN_P, m / outputs.length), 1 / t);
            sum += powered[k];
        }
        float[] q = new float[n];
        for (int k = 0; k < n; k++) {
            q[k] = (float) (powered[k] / sum);
        }
        return q;
    }

    /** A copy of into.zip holding {@code entries} (member bytes, or junk for unknown names), one byte changed with {@code alter}. */
    private Path copyOfEnsemble(String name, List<String> entries, boolean alter) throws Exception {
        Path source = tmp.resolve("into.zip");
        Path copy = tmp.resolve(name + ".zip");
        Files.copy(ModelStore.metadataFile(source), ModelStore.metadataFile(copy), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        List<byte[]> members = new ModelStore().memberFiles(source);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(copy))) {
            for (String entry : entries) {
                byte[] bytes = entry.startsWith("member-") ? members.get(entry.charAt(7) - '1').clone() : new byte[] {1, 2, 3};
                if (alter) {
                    bytes[bytes.length / 2] ^= 1;
                    alter = false;
                }
                zip.putNextEntry(new ZipEntry(entry));
                zip.write(bytes);
                zip.closeEntry();
            }
        }
        return copy;
    }
}
