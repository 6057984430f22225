package io.emolens.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.emolens.TestFiles;
import io.emolens.app.Main;
import io.emolens.classify.EmotionClassifier;
import io.emolens.classify.ModelStore;
import io.emolens.core.EmolensException;
import io.emolens.data.Dataset;
import io.emolens.data.DatasetReader;
import io.emolens.data.Fixtures;
import io.emolens.data.LabeledFace;
import io.emolens.data.ReadOptions;
import io.emolens.data.Split;
import io.emolens.eval.Evaluator;

/**
 * Imported Keras models as fine-tuning starts from them, on real FER2013 fixture rows: the peer mini-Xception's
 * trainable network computes what the app computes (same FER-ordered probabilities through the training input path);
 * a network that stays channels-last (32x32x3, alphabetical labels) is refused with the reason, since DL4J M2.1 trains
 * it unreliably.
 */
class ImportedBaseTest {
    static final Path PEER = TestFiles.repo().resolve("../shared/models/keras/fer2013_mini_XCEPTION.102-0.66.hdf5").normalize();

    @TempDir
    Path tmp;

    @Test
    void theTrainedNetworkIsTheAppsNetwork() throws Exception {
        assumeTrue(Files.isRegularFile(PEER), "peer Keras model not found at " + PEER + "; skipping");
        Path zip = importKeras(PEER, "--normalization", "signed");
        List<LabeledFace> faces = DatasetReader.readAny(Fixtures.CSV, ReadOptions.STRICT).split(Split.PRIVATE_TEST).subList(0, 20);
        ModelStore store = new ModelStore();
        ImportedBase base = ImportedBase.of(store, zip);
        float[][] app = probabilities(store.load(zip), faces);
        try (TrainingNetwork net = new TrainingNetwork(base.network(FineTuner.defaults("keras")), base.input())) {
            float[][] trained = probabilities(new NetworkClassifier(net), faces);
            for (int i = 0; i < faces.size(); i++) {
                for (int c = 0; c < 7; c++) {
                    assertEquals(app[i][c], trained[i][c], 1e-5, "face " + i + ", class " + c);
                }
            }
        }
    }

    @Test
    void aNetworkThatStaysChannelsLastIsRefusedWithTheReason() throws Exception {
        Path zip = importKeras(TestFiles.resource("keras/tiny_functional_alpha.h5"), "--labels", "angry,disgust,fear,happy,neutral,sad,surprise",
                "--normalization", "signed");
        Dataset data = DatasetReader.readAny(Fixtures.CSV, ReadOptions.STRICT);
        FineTuner tuner = new FineTuner(TrainServices.exporter());
        EmolensException e = assertThrows(EmolensException.class, () -> tuner.fineTune(zip, data,
                FineTuner.defaults(tuner.checkBase(zip)).withMaxEpochs(1), TuneOptions.defaults(null), tmp.resolve("run"), TrainingListener.NONE,
                new TrainingControl()));
        assertTrue(e.getMessage().startsWith(zip.toString()) && e.getMessage().contains("channels-last"), e.getMessage());
    }

    private Path importKeras(Path h5, String... options) {
        Path zip = tmp.resolve(h5.getFileName().toString().replace(".h5", "").replace(".hdf5", "") + ".zip");
        List<String> args = new java.util.ArrayList<>(List.of("import-keras", h5.toString()));
        args.addAll(List.of(options));
        args.addAll(List.of("--out", zip.toString()));
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        assertEquals(0, Main.runCli(args.toArray(String[]::new), new PrintStream(sink), new PrintStream(sink)), sink.toString());
        return zip;
    }

    private static float[][] probabilities(EmotionClassifier classifier, List<LabeledFace> faces) {
        try (classifier) {
            return new Evaluator(32, false).probabilities(classifier, faces).toArray(float[][]::new);
        }
    }
}
