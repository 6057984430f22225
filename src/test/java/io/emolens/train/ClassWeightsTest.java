package io.emolens.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;

import io.emolens.core.Emotion;
import io.emolens.data.LabeledFace;
import io.emolens.data.Split;

/** Class weights scale each example's cross-entropy by the weight of its true class. */
class ClassWeightsTest {
    private static final List<LabeledFace> TRAIN = TrainerTest.DATA.split(Split.TRAINING);
    private static final TrainConfig PLAIN = new TrainConfig("tiny", 1, 64, 1e-3, 0, Double.NaN, Double.NaN, 1,
            TrainConfig.Monitor.VAL_ACCURACY, 0, 0.5, 1e-5, 1, AugmentConfig.NONE, false, 0, 0, 0);

    @Test
    void weightsAreInverseClassFrequency() {
        // 200 faces; classes 28, 10, 28, 45, 32, 22, 35 -> 200 / (7 * count)
        float[] w = TrainingData.weights(TRAIN);
        assertArrayEquals(new float[] {200f / 196, 200f / 70, 200f / 196, 200f / 315, 200f / 224, 200f / 154, 200f / 245}, w, 1e-6f);
    }

    @Test
    void theLossOfEachExampleIsScaledByItsClassWeight() {
        MultiLayerNetwork net = (MultiLayerNetwork) TinyNetworks.FACTORY.create(PLAIN);
        Batches batches = new Batches(PLAIN);
        double total = 0;
        double weighted = 0;
        float[] w = TrainingData.weights(TRAIN);
        for (int i = 0; i < 8; i++) {
            DataSet one = batches.trainBatch(TRAIN, new int[] {i}, 0, 1, new SplittableRandom(1));
            double loss = net.score(one);
            total += loss;
            weighted += w[TRAIN.get(i).emotion().index()] * loss;
        }
        DataSet eight = batches.trainBatch(TRAIN, new int[] {0, 1, 2, 3, 4, 5, 6, 7}, 0, 8, new SplittableRandom(1));
        assertEquals(total / 8, net.score(eight), 1e-5);
        new TrainingNetwork(net).setClassWeights(w);
        assertEquals(weighted / 8, net.score(eight), 1e-5);
        new TrainingNetwork(net).setClassWeights(new float[] {2, 2, 2, 2, 2, 2, 2});
        assertEquals(2 * total / 8, net.score(eight), 1e-5);
        assertEquals(Emotion.COUNT, w.length);
    }
}
