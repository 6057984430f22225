package io.emolens.eval;

import java.util.ArrayList;
import java.util.List;

import io.emolens.classify.EmotionClassifier;
import io.emolens.core.EmotionScores;
import io.emolens.core.Emotion;
import io.emolens.data.FacePixels;
import io.emolens.data.LabeledFace;

/**
 * Scores labelled faces with any {@link EmotionClassifier} in batches and counts the confusion matrix.
 * With test-time augmentation each face is also scored mirrored and the two probability vectors averaged.
 *
 * @param batchSize faces per classifier call, at least 1 (default 256)
 * @param tta       average with the horizontally flipped face
 */
public record Evaluator(int batchSize, boolean tta) {
    private static final double MIN_P = 1e-7;

    public Evaluator {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, was " + batchSize);
        }
    }

    public Evaluator() {
        this(256, false);
    }

    /** Scores {@code faces} with {@code classifier}; {@code name} labels the result (e.g. "PrivateTest"). */
    public Evaluation evaluate(EmotionClassifier classifier, List<LabeledFace> faces, String name) {
        ConfusionMatrix m = new ConfusionMatrix();
        double loss = 0;
        for (int start = 0; start < faces.size(); start += batchSize) {
            List<LabeledFace> batch = faces.subList(start, Math.min(faces.size(), start + batchSize));
            List<float[]> inputs = new ArrayList<>(batch.size());
            batch.forEach(f -> inputs.add(classifier.inputSpec().input(f.pixels())));
            List<float[]> probs = probabilities(classifier, inputs);
            for (int i = 0; i < batch.size(); i++) {
                float[] p = probs.get(i);
                Emotion truth = batch.get(i).emotion();
                m.add(truth, new EmotionScores(p).top());
                loss -= Math.log(Math.max(MIN_P, p[truth.index()]));
            }
        }
        return new Evaluation(name, m, faces.isEmpty() ? Double.NaN : loss / faces.size());
    }

    private List<float[]> probabilities(EmotionClassifier classifier, List<float[]> inputs) {
        List<float[]> plain = classifier.classify(inputs).stream().map(EmotionScores::toArray).toList();
        if (!tta) {
            return plain;
        }
        int side = classifier.inputSpec().size();
        List<float[]> flipped = classifier.classify(inputs.stream().map(f -> FacePixels.flipHorizontal(f, side)).toList())
                .stream().map(EmotionScores::toArray).toList();
        List<float[]> out = new ArrayList<>(plain.size());
        for (int i = 0; i < plain.size(); i++) {
            float[] a = plain.get(i);
            float[] b = flipped.get(i);
            float[] avg = new float[a.length];
            for (int k = 0; k < a.length; k++) {
                avg[k] = (a[k] + b[k]) / 2;
            }
            out.add(avg);
        }
        return out;
    }
}
