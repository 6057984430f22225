package io.emolens.train;

import java.util.List;
import java.util.SplittableRandom;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import io.emolens.core.Emotion;
import io.emolens.data.LabeledFace;
import io.emolens.preprocess.FaceTensor;

/**
 * Turns faces into network tensors: features {@code [n, 1, 48, 48]} (NCHW) normalized by
 * {@link FaceTensor#normalize}, augmented for training, and one-hot labels {@code [n, 7]}.
 */
final class Batches {
    private final Augmenter augmenter;
    private final float[] scratch = new float[FaceTensor.PIXELS];

    Batches(TrainConfig config) {
        this.augmenter = config.augment().enabled() ? new Augmenter(config.augment()) : null;
    }

    /** The training minibatch of {@code faces[order[from..to)]}, augmented with {@code random}. */
    DataSet trainBatch(List<LabeledFace> faces, int[] order, int from, int to, SplittableRandom random) {
        int n = to - from;
        float[] x = new float[n * FaceTensor.PIXELS];
        float[] y = new float[n * Emotion.COUNT];
        for (int i = 0; i < n; i++) {
            LabeledFace face = faces.get(order[from + i]);
            float[] input = face.input();
            if (augmenter != null) {
                augmenter.apply(input, scratch, random);
                input = scratch;
            }
            System.arraycopy(input, 0, x, i * FaceTensor.PIXELS, FaceTensor.PIXELS);
            int label = face.emotion().index();
            y[i * Emotion.COUNT + label] = 1;
        }
        return new DataSet(features(x, n), Nd4j.create(y, new long[] {n, Emotion.COUNT}, 'c'));
    }

    /** Features for already-normalized inputs stacked row after row. */
    static INDArray features(float[] stacked, int n) {
        return Nd4j.create(stacked, new long[] {n, 1, FaceTensor.SIZE, FaceTensor.SIZE}, 'c');
    }
}
