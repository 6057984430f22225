package io.emolens.train;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import io.emolens.classify.LabelOrder;
import io.emolens.preprocess.FaceTensor;
import io.emolens.preprocess.InputSpec;

/**
 * What a network under training takes and answers: Emolens's own networks take 48x48 faces normalized as
 * {@link FaceTensor} makes them (NCHW) and answer in FER2013 order; an imported one takes its own {@link InputSpec},
 * perhaps channels-last, and answers in its own label order. Training faces reach every network through
 * {@link InputSpec#input}, the conversion the app uses live.
 *
 * @param spec         the input size, channels and normalization
 * @param channelsLast true when the network takes [batch, height, width, channels]
 * @param labels       the network's output order
 */
record NetworkInput(InputSpec spec, boolean channelsLast, LabelOrder labels) {
    static final NetworkInput OWN = new NetworkInput(InputSpec.DEFAULT, false, LabelOrder.fer());

    /** The network's input for a 48x48 face given as {@link FaceTensor#normalize} values (perhaps augmented). */
    float[] fromFaceTensor(float[] face) {
        if (spec.equals(InputSpec.DEFAULT)) {
            return face;
        }
        byte[] gray = new byte[face.length];
        for (int i = 0; i < face.length; i++) {
            gray[i] = (byte) Math.max(0, Math.min(255, Math.round(face[i] * 255f)));
        }
        return spec.input(gray);
    }

    /** The batch tensor for {@code n} inputs of {@link InputSpec#values()} floats stacked one after another. */
    INDArray features(float[] stacked, int n) {
        int s = spec.size();
        int c = spec.channels();
        INDArray planar = Nd4j.create(stacked, new long[] {n, c, s, s}, 'c');
        if (!channelsLast) {
            return planar;
        }
        if (c == 1) {
            return planar.reshape(n, s, s, 1);
        }
        INDArray nhwc = planar.permute(0, 2, 3, 1).dup('c');
        planar.close();
        return nhwc;
    }
}
