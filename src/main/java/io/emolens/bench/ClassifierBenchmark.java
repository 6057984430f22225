package io.emolens.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.emolens.classify.EmotionClassifier;

/**
 * Classification time per face of several models on the same faces, interleaved: each round times one call of
 * every model (the order rotating per round), so that load from other processes falls on all models alike and
 * their ratio stays meaningful on a busy machine. Inputs cycle through the given faces.
 */
public final class ClassifierBenchmark {

    /**
     * @param name          the model's name
     * @param medianMsPerFace median over rounds of one call's wall time divided by the faces in it
     * @param minMsPerFace    the fastest round, the best estimate of the undisturbed cost
     */
    public record Result(String name, double medianMsPerFace, double minMsPerFace) {
    }

    /** Times {@code rounds} calls of {@code batch} faces per classifier after {@code warmup} untimed ones. */
    public List<Result> run(List<EmotionClassifier> classifiers, List<float[]> faces, int batch, int rounds, int warmup) {
        if (classifiers.isEmpty() || faces.isEmpty() || batch < 1 || rounds < 1 || warmup < 0) {
            throw new IllegalArgumentException("need classifiers, faces, batch >= 1, rounds >= 1 and warmup >= 0");
        }
        int n = classifiers.size();
        List<List<Double>> times = new ArrayList<>();
        classifiers.forEach(c -> times.add(new ArrayList<>()));
        int next = 0;
        for (int r = 0; r < warmup + rounds; r++) {
            List<float[]> input = new ArrayList<>(batch);
            for (int i = 0; i < batch; i++) {
                input.add(faces.get(next++ % faces.size()));
            }
            for (int k = 0; k < n; k++) {
                int m = (r + k) % n;
                long start = System.nanoTime();
                classifiers.get(m).classify(input);
                double ms = (System.nanoTime() - start) / 1e6 / batch;
                if (r >= warmup) {
                    times.get(m).add(ms);
                }
            }
        }
        List<Result> out = new ArrayList<>();
        for (int m = 0; m < n; m++) {
            List<Double> t = times.get(m);
            Collections.sort(t);
            int size = t.size();
            double median = size % 2 == 1 ? t.get(size / 2) : (t.get(size / 2 - 1) + t.get(size / 2)) / 2;
            out.add(new Result(classifiers.get(m).name(), median, t.get(0)));
        }
        return out;
    }
}
