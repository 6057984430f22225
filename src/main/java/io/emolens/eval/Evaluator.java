package io.emolens.eval;

import java.util.ArrayList;
import java.util.List;

import io.emolens.classify.EmotionClassifier;
import io.emolens.classify.Probabilities;
import io.emolens.classify.Temperature;
import io.emolens.core.EmotionScores;
import io.emolens.core.Emotion;
import io.emolens.data.FacePixels;
import io.emolens.data.LabeledFace;

/**
 * Scores labelled faces with any {@link EmotionClassifier} in batches and counts the confusion matrix, the
 * log-loss and the top-1 confidence bins (ECE). With test-time augmentation each face is also scored
 * mirrored and the two probability vectors averaged (a model whose own inference averages flips does not need it).
 *
 * @param batchSize faces per classifier call, at least 1 (default 256)
 * @param tta       average with the horizontally flipped face
 */
public record Evaluator(int batchSize, boolean tta) {

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
        return score(probabilities(classifier, faces), faces, name);
    }

    /** The classifier's probability vector for each face, in order (flip-averaged with {@link #tta}). */
    public List<float[]> probabilities(EmotionClassifier classifier, List<LabeledFace> faces) {
        List<float[]> out = new ArrayList<>(faces.size());
        for (int start = 0; start < faces.size(); start += batchSize) {
            List<LabeledFace> batch = faces.subList(start, Math.min(faces.size(), start + batchSize));
            List<float[]> inputs = new ArrayList<>(batch.size());
            batch.forEach(f -> inputs.add(classifier.inputSpec().input(f.pixels())));
            out.addAll(probabilitiesOf(classifier, inputs));
        }
        return out;
    }

    /** The evaluation of given probability vectors ({@code probabilities.get(i)} for {@code faces.get(i)}). */
    public static Evaluation score(List<float[]> probabilities, List<LabeledFace> faces, String name) {
        if (probabilities.size() != faces.size()) {
            throw new IllegalArgumentException(probabilities.size() + " probability vectors for " + faces.size() + " faces");
        }
        ConfusionMatrix m = new ConfusionMatrix();
        Reliability reliability = new Reliability();
        double loss = 0;
        for (int i = 0; i < faces.size(); i++) {
            float[] p = probabilities.get(i);
            Emotion truth = faces.get(i).emotion();
            EmotionScores scores = new EmotionScores(p);
            Emotion predicted = scores.top();
            m.add(truth, predicted);
            reliability.add(Math.min(1, Math.max(0, scores.confidence())), predicted == truth);
            loss -= Math.log(Math.max(Temperature.MIN_P, p[truth.index()]));
        }
        return new Evaluation(name, m, faces.isEmpty() ? Double.NaN : loss / faces.size(), faces.isEmpty() ? null : reliability);
    }

    /** The true class index of each face, for {@link Temperature#fit}. */
    public static int[] truth(List<LabeledFace> faces) {
        return faces.stream().mapToInt(f -> f.emotion().index()).toArray();
    }

    private List<float[]> probabilitiesOf(EmotionClassifier classifier, List<float[]> inputs) {
        List<float[]> plain = classifier.classify(inputs).stream().map(EmotionScores::toArray).toList();
        if (!tta) {
            return plain;
        }
        int side = classifier.inputSpec().size();
        List<float[]> flipped = classifier.classify(inputs.stream().map(f -> FacePixels.flipHorizontal(f, side)).toList())
                .stream().map(EmotionScores::toArray).toList();
        List<float[]> out = new ArrayList<>(plain.size());
        for (int i = 0; i < plain.size(); i++) {
            out.add(Probabilities.mean(List.of(plain.get(i), flipped.get(i))));
        }
        return out;
    }
}
