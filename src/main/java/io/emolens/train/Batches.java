package io.emolens.train;

import java.util.List;
import java.util.SplittableRandom;

import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import io.emolens.core.Emotion;
import io.emolens.data.LabeledFace;
import io.emolens.preprocess.FaceTensor;

/**
 * Turns faces into network tensors: features normalized by {@link FaceTensor#normalize}, augmented for training,
 * then made into the network's own input ({@link NetworkInput}: {@code [n, 1, 48, 48]} NCHW for Emolens's networks),
 * and labels {@code [n, 7]} in the network's output order: one-hot, or the face's own target (FER+ votes).
 */
final class Batches {
    private final Augmenter augmenter;
    private final NetworkInput network;
    private final float[] scratch = new float[FaceTensor.PIXELS];

    Batches(TrainConfig config) {
        this(config, NetworkInput.OWN);
    }

    Batches(TrainConfig config, NetworkInput network) {
        this.augmenter = config.augment().enabled() ? new Augmenter(config.augment()) : null;
        this.network = network;
    }

    /** The training minibatch of {@code faces[order[from..to)]}, augmented with {@code random}. */
    DataSet trainBatch(List<LabeledFace> faces, int[] order, int from, int to, SplittableRandom random) {
        int n = to - from;
        int values = network.spec().values();
        float[] x = new float[n * values];
        float[] y = new float[n * Emotion.COUNT];
        for (int i = 0; i < n; i++) {
            LabeledFace face = faces.get(order[from + i]);
            float[] input = face.input();
            if (augmenter != null) {
                augmenter.apply(input, scratch, random);
                input = scratch;
            }
            System.arraycopy(network.fromFaceTensor(input), 0, x, i * values, values);
            if (face.target() == null) {
                y[i * Emotion.COUNT + network.labels().modelIndex(face.emotion())] = 1;
            } else {
                for (Emotion e : Emotion.values()) {
                    y[i * Emotion.COUNT + network.labels().modelIndex(e)] = face.target()[e.index()];
                }
            }
        }
        return new DataSet(network.features(x, n), Nd4j.create(y, new long[] {n, Emotion.COUNT}, 'c'));
    }
}
