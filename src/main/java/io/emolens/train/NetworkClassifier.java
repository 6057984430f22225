package io.emolens.train;

import java.util.ArrayList;
import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;

import io.emolens.classify.EmotionClassifier;
import io.emolens.classify.NetworkCalls;
import io.emolens.core.EmotionScores;
import io.emolens.preprocess.InputSpec;

/**
 * Views a network under training as an {@link EmotionClassifier}, so evaluation code is shared; scores in calls of at most
 * {@link NetworkCalls#MAX_ROWS} faces, as the app's classifiers do. Does not own it.
 */
final class NetworkClassifier implements EmotionClassifier {
    private final TrainingNetwork network;

    NetworkClassifier(TrainingNetwork network) {
        this.network = network;
    }

    @Override
    public List<EmotionScores> classify(List<float[]> faces) {
        List<EmotionScores> out = new ArrayList<>(faces.size());
        NetworkCalls.inCalls(faces, NetworkCalls.MAX_ROWS, (part, offset) -> out.addAll(score(part)));
        return out;
    }

    private List<EmotionScores> score(List<float[]> faces) {
        NetworkInput input = network.input();
        int values = input.spec().values();
        float[] stacked = new float[faces.size() * values];
        for (int i = 0; i < faces.size(); i++) {
            System.arraycopy(faces.get(i), 0, stacked, i * values, values);
        }
        List<EmotionScores> out = new ArrayList<>(faces.size());
        try (INDArray x = input.features(stacked, faces.size()); INDArray p = network.output(x)) {
            for (int i = 0; i < faces.size(); i++) {
                float[] row = p.getRow(i).toFloatVector();
                out.add(new EmotionScores(input.labels().isFer() ? row : input.labels().toFer(row)));
            }
        }
        return out;
    }

    @Override
    public InputSpec inputSpec() {
        return network.input().spec();
    }

    @Override
    public String name() {
        return "network under training";
    }

    @Override
    public void close() {
    }
}
