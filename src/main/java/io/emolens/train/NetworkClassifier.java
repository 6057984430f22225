package io.emolens.train;

import java.util.ArrayList;
import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;

import io.emolens.classify.EmotionClassifier;
import io.emolens.core.EmotionScores;
import io.emolens.preprocess.FaceTensor;

/** Views a network under training as an {@link EmotionClassifier}, so evaluation code is shared. Does not own it. */
final class NetworkClassifier implements EmotionClassifier {
    private final TrainingNetwork network;

    NetworkClassifier(TrainingNetwork network) {
        this.network = network;
    }

    @Override
    public List<EmotionScores> classify(List<float[]> faces) {
        if (faces.isEmpty()) {
            return List.of();
        }
        float[] stacked = new float[faces.size() * FaceTensor.PIXELS];
        for (int i = 0; i < faces.size(); i++) {
            System.arraycopy(faces.get(i), 0, stacked, i * FaceTensor.PIXELS, FaceTensor.PIXELS);
        }
        List<EmotionScores> out = new ArrayList<>(faces.size());
        try (INDArray x = Batches.features(stacked, faces.size()); INDArray p = network.output(x)) {
            for (int i = 0; i < faces.size(); i++) {
                out.add(new EmotionScores(p.getRow(i).toFloatVector()));
            }
        }
        return out;
    }

    @Override
    public String name() {
        return "network under training";
    }

    @Override
    public void close() {
    }
}
