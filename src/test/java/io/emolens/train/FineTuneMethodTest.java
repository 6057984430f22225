package io.emolens.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

import io.emolens.data.Dataset;
import io.emolens.data.DatasetReader;
import io.emolens.data.Fixtures;
import io.emolens.data.LabeledFace;
import io.emolens.data.ReadOptions;
import io.emolens.data.Split;

/**
 * How fine-tuning changes a network, on a small real CNN trained on the FER2013 fixture rows: {@code --tune head}
 * leaves every other layer exactly the base's, L2-SP keeps the tuned weights nearer the base, and validation holds out
 * whole people when the data names them (and says its figure is optimistic when it does not).
 */
class FineTuneMethodTest {
    @TempDir
    static Path tmp;
    static Path base;
    static Dataset data;

    @BeforeAll
    static void trainTheBase() {
        data = DatasetReader.readAny(Fixtures.CSV, ReadOptions.STRICT);
        TrainConfig config = TrainConfig.defaults("tiny").withMaxEpochs(1);
        base = new Trainer(TinyNetworks.FACTORY, TinyNetworks.EXPORTER).train(data, config, tmp.resolve("base"), TrainingListener.NONE,
                new TrainingControl()).model();
    }

    private static Path tune(String name, int layers, double l2sp) {
        TrainConfig config = FineTuner.defaults("tiny").withMaxEpochs(2).withLearningRate(1e-2);
        TuneOptions options = TuneOptions.defaults(null).withMethod(layers, true, l2sp, 0);
        FineTuneResult r = new FineTuner(TinyNetworks.EXPORTER).fineTune(base, data, config, options, tmp.resolve(name),
                TrainingListener.NONE, new TrainingControl());
        return r.model();
    }

    @Test
    void tuningTheHeadLeavesEveryOtherLayerAsTheBaseHadIt() throws IOException {
        List<INDArray> before = layers(base);
        List<INDArray> after = layers(tune("head", TuneOptions.HEAD, 0));
        assertEquals(4, before.size(), "tiny: two convolutions, a dense layer and the output");
        for (int i = 0; i < 2; i++) {
            assertEquals(before.get(i), after.get(i), "convolution " + (i + 1) + " is frozen");
        }
        for (int i = 2; i < 4; i++) {
            assertTrue(distance(before.get(i), after.get(i)) > 1e-3, "layer " + (i + 1) + " of the head is tuned");
        }
    }

    @Test
    void l2spKeepsTheTunedWeightsNearerTheBase() throws IOException {
        List<INDArray> start = layers(base);
        double free = distance(start, layers(tune("free", 0, 0)));
        double pulled = distance(start, layers(tune("pulled", 0, 50)));
        assertTrue(free > 0 && pulled < 0.5 * free, "distance from the base: " + free + " free, " + pulled + " with L2-SP 50");
    }

    @Test
    void validationHoldsOutWholePeopleWhenTheDataNamesThem() {
        List<LabeledFace> faces = new ArrayList<>();
        List<LabeledFace> training = data.split(Split.TRAINING);
        for (int i = 0; i < training.size(); i++) {
            faces.add(training.get(i).withGroup("person-" + (i % 8)));
        }
        Dataset named = new Dataset("named", faces, data.issues(), "sha256:0");
        List<String> messages = new ArrayList<>();
        TrainingData split = TrainingData.of(named, FineTuner.defaults("tiny"), messages::add);
        Set<String> held = split.validation.stream().map(LabeledFace::group).collect(Collectors.toSet());
        Set<String> learned = split.train.stream().map(LabeledFace::group).collect(Collectors.toSet());
        assertFalse(held.isEmpty());
        assertTrue(held.stream().noneMatch(learned::contains), held + " are also in training");
        assertEquals(faces.size(), split.train.size() + split.validation.size(), "whole people held out");
        assertTrue(split.validation.size() >= 20, "at least a tenth: " + split.validation.size());
        assertFalse(split.optimistic);
        assertTrue(split.validationName.startsWith("held-out person"), split.validationName);

        Dataset anonymous = new Dataset("anonymous", training, data.issues(), "sha256:1");
        messages.clear();
        TrainingData random = TrainingData.of(anonymous, FineTuner.defaults("tiny"), messages::add);
        assertTrue(random.optimistic);
        assertTrue(messages.stream().anyMatch(m -> m.contains("the validation figure is optimistic")), messages.toString());
    }

    private static List<INDArray> layers(Path model) throws IOException {
        MultiLayerNetwork net = ModelSerializer.restoreMultiLayerNetwork(model.toFile(), false);
        List<INDArray> out = new ArrayList<>();
        for (var layer : net.getLayers()) {
            if (layer.numParams() > 0) {
                out.add(layer.params().dup());
            }
        }
        net.close();
        return out;
    }

    private static double distance(INDArray a, INDArray b) {
        return a.sub(b).norm2Number().doubleValue();
    }

    private static double distance(List<INDArray> a, List<INDArray> b) {
        double sum = 0;
        for (int i = 0; i < a.size(); i++) {
            sum += Math.pow(distance(a.get(i), b.get(i)), 2);
        }
        return Math.sqrt(sum);
    }
}
