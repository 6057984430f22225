package io.emolens.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.emolens.TestFiles;
import io.emolens.app.Main;
import io.emolens.classify.EmotionClassifier;
import io.emolens.classify.ModelMetadata;
import io.emolens.classify.ModelStore;
import io.emolens.core.EmotionScores;
import io.emolens.data.Dataset;
import io.emolens.data.DatasetReader;
import io.emolens.data.Fixtures;
import io.emolens.data.LabeledFace;
import io.emolens.data.ReadOptions;
import io.emolens.data.Split;
import io.emolens.eval.Evaluator;

/**
 * An imported Keras model with another input (32x32, the gray face repeated in 3 channels, pixel/127.5-1) and
 * alphabetical labels, on real FER2013 fixture rows: the network fine-tuning trains computes what the app computes
 * (same FER-ordered probabilities through the training input path), and a fine-tuning run on the fixture gives a
 * model that loads with the base's input and labels and answers differently from the base.
 */
class ImportedBaseTest {
    @TempDir
    Path tmp;

    @Test
    void theTrainedNetworkIsTheAppsNetworkAndItsTunedCopyLoadsAsAnImport() throws Exception {
        Path zip = tmp.resolve("alpha.zip");
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        assertEquals(0, Main.runCli(new String[] {"import-keras", TestFiles.resource("keras/tiny_functional_alpha.h5").toString(),
                "--labels", "angry,disgust,fear,happy,neutral,sad,surprise", "--normalization", "signed", "--out", zip.toString()},
                new PrintStream(sink), new PrintStream(sink)), sink.toString());
        Dataset data = DatasetReader.readAny(Fixtures.CSV, ReadOptions.STRICT);
        List<LabeledFace> faces = data.split(Split.PRIVATE_TEST).subList(0, 20);
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

        FineTuner tuner = new FineTuner(TrainServices.exporter());
        FineTuner.Result r = tuner.fineTune(zip, data, FineTuner.defaults(tuner.checkBase(zip)).withMaxEpochs(2), null, 0, 0.01,
                tmp.resolve("run"), TrainingListener.NONE, new TrainingControl());
        ModelMetadata tuned = store.metadata(r.model());
        assertEquals(store.metadata(zip).inputSpec(), tuned.inputSpec());
        assertEquals(store.metadata(zip).labels(), tuned.labels());
        float[][] after = probabilities(store.load(r.model()), faces);
        assertFalse(java.util.Arrays.deepEquals(app, after), "fine-tuning changed the network");
    }

    private static float[][] probabilities(EmotionClassifier classifier, List<LabeledFace> faces) {
        try (classifier) {
            return new Evaluator(32, false).probabilities(classifier, faces).toArray(float[][]::new);
        }
    }
}
