package io.emolens.classify;

import java.util.ArrayList;
import java.util.List;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import io.emolens.core.EmotionScores;
import io.emolens.preprocess.FaceTensor;

/** A loaded DL4J network scoring all faces of a frame in one batch. Owns the network; thread-confined. */
public final class Dl4jEmotionClassifier implements EmotionClassifier {
    private final MultiLayerNetwork network;
    private final String name;
    private final ModelMetadata metadata;
    private boolean closed;

    public Dl4jEmotionClassifier(MultiLayerNetwork network, String name, ModelMetadata metadata) {
        this.network = network;
        this.name = name;
        this.metadata = metadata;
    }

    public ModelMetadata metadata() {
        return metadata;
    }

    @Override
    public List<EmotionScores> classify(List<float[]> faces) {
        if (closed) {
            throw new IllegalStateException("classifier " + name + " is closed");
        }
        if (faces.isEmpty()) {
            return List.of();
        }
        float[] batch = new float[faces.size() * FaceTensor.PIXELS];
        for (int i = 0; i < faces.size(); i++) {
            float[] face = faces.get(i);
            if (face.length != FaceTensor.PIXELS) {
                throw new IllegalArgumentException("face " + i + " has " + face.length + " values, expected " + FaceTensor.PIXELS);
            }
            System.arraycopy(face, 0, batch, i * FaceTensor.PIXELS, FaceTensor.PIXELS);
        }
        List<EmotionScores> out = new ArrayList<>(faces.size());
        try (INDArray input = Nd4j.create(batch, new long[] {faces.size(), 1, FaceTensor.SIZE, FaceTensor.SIZE});
             INDArray probabilities = network.output(input, false)) {
            for (float[] row : probabilities.toFloatMatrix()) {
                out.add(new EmotionScores(row));
            }
        }
        return out;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            network.close();
        }
    }
}
