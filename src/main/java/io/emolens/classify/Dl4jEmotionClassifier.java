package io.emolens.classify;

import java.util.ArrayList;
import java.util.List;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import io.emolens.core.Emotion;
import io.emolens.core.EmotionScores;
import io.emolens.preprocess.FaceTensor;

/**
 * Classifies all faces of a frame in one batch with a DL4J network taking NCHW {@code [n, 1, 48, 48]}.
 * Thread-confined: DL4J workspaces are per thread, so the first thread that classifies owns it and any
 * other thread gets an IllegalStateException. Owns the network: {@link #close()} releases it.
 */
public final class Dl4jEmotionClassifier implements EmotionClassifier {

    private final MultiLayerNetwork network;
    private final String name;
    private Thread owner;
    private boolean closed;

    /** Takes ownership of {@code network}, which must output {@link Emotion#COUNT} probabilities. */
    public Dl4jEmotionClassifier(MultiLayerNetwork network, String name) {
        this.network = network;
        this.name = name;
    }

    @Override
    public synchronized List<EmotionScores> classify(List<float[]> faces) {
        if (closed) {
            throw new IllegalStateException("classifier " + name + " is closed");
        }
        if (owner == null) {
            owner = Thread.currentThread();
        } else if (owner != Thread.currentThread()) {
            throw new IllegalStateException("classifier " + name + " is confined to thread " + owner.getName());
        }
        if (faces.isEmpty()) {
            return List.of();
        }
        int n = faces.size();
        float[] batch = new float[n * FaceTensor.PIXELS];
        for (int i = 0; i < n; i++) {
            float[] face = faces.get(i);
            if (face.length != FaceTensor.PIXELS) {
                throw new IllegalArgumentException("face " + i + " has " + face.length + " values, expected " + FaceTensor.PIXELS);
            }
            System.arraycopy(face, 0, batch, i * FaceTensor.PIXELS, FaceTensor.PIXELS);
        }
        float[] probabilities;
        try (INDArray input = Nd4j.create(batch, new long[] {n, 1, FaceTensor.SIZE, FaceTensor.SIZE}, 'c');
             INDArray output = network.output(input, false)) {
            if (output.rank() != 2 || output.size(1) != Emotion.COUNT) {
                throw new IllegalStateException("network " + name + " output shape " + java.util.Arrays.toString(output.shape())
                        + ", expected [" + n + ", " + Emotion.COUNT + "]");
            }
            try (INDArray flat = output.dup('c')) {
                probabilities = flat.data().asFloat();
            }
        }
        List<EmotionScores> scores = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            float[] p = new float[Emotion.COUNT];
            System.arraycopy(probabilities, i * Emotion.COUNT, p, 0, Emotion.COUNT);
            scores.add(new EmotionScores(p));
        }
        return scores;
    }

    @Override
    public String name() {
        return name;
    }

    /** The wrapped network, for evaluation code that needs DL4J directly; do not close it separately. */
    public MultiLayerNetwork network() {
        return network;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            network.close();
        }
    }
}
