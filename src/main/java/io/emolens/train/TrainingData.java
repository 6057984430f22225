package io.emolens.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

import io.emolens.core.EmolensException;
import io.emolens.core.Emotion;
import io.emolens.data.Dataset;
import io.emolens.data.FerPlusVotes;
import io.emolens.data.LabelMode;
import io.emolens.data.LabeledFace;
import io.emolens.data.Split;

/**
 * The faces a run uses: Training to fit, PublicTest to pick the best epoch (or, when the data has no
 * PublicTest, a stratified 10% of Training held out), a fixed sample of Training for the train curve,
 * and PrivateTest for the final report. Deterministic for a given seed.
 */
final class TrainingData {
    final List<LabeledFace> train;
    final List<LabeledFace> validation;
    final List<LabeledFace> trainSample;
    final List<LabeledFace> test;
    final String validationName;
    /** Loss weight per class, or null when class weighting is off. */
    final float[] classWeights;
    /** The FER+ votes of the run ({@link TrainConfig#labels()}), or null. */
    final FerPlusVotes votes;

    private TrainingData(List<LabeledFace> train, List<LabeledFace> validation, List<LabeledFace> trainSample,
                         List<LabeledFace> test, String validationName, float[] classWeights, FerPlusVotes votes) {
        this.train = train;
        this.validation = validation;
        this.trainSample = trainSample;
        this.test = test;
        this.validationName = validationName;
        this.classWeights = classWeights;
        this.votes = votes;
    }

    static TrainingData of(Dataset data, TrainConfig config, Consumer<String> messages) {
        List<LabeledFace> train = limit(data.split(Split.TRAINING), config, 1);
        List<LabeledFace> validation = limit(data.split(Split.PUBLIC_TEST), config, 2);
        List<LabeledFace> test = limit(data.split(Split.PRIVATE_TEST), config, 3);
        String validationName = Split.PUBLIC_TEST.usage();
        if (validation.isEmpty()) {
            List<List<LabeledFace>> parts = holdOut(train, 0.1, config.seed());
            train = parts.get(0);
            validation = parts.get(1);
            validationName = "held-out 10% of Training";
            messages.accept("no PublicTest rows: holding out a stratified 10% of Training (" + validation.size()
                    + " images) for early stopping");
        }
        if (train.isEmpty()) {
            throw new EmolensException("no Training rows in " + data.source()
                    + ": the CSV needs rows with Usage 'Training' (or a train/ folder)");
        }
        FerPlusVotes votes = null;
        if (config.labels() != null) {
            votes = config.labels().read();
            votes.checkFits(data);
            LabelMode mode = config.labels().labelMode();
            int all = train.size();
            LabelMode.Applied applied = mode.apply(train, votes);
            train = applied.faces();
            messages.accept(applied.describe(mode, all));
        }
        List<LabeledFace> sample = new ArrayList<>(train);
        Collections.shuffle(sample, new Random(config.seed() + 7));
        sample = List.copyOf(sample.subList(0, Math.min(sample.size(), config.trainEvalSize())));
        return new TrainingData(train, validation, sample, test, validationName,
                config.classWeights() ? weights(train) : null, votes);
    }

    /** Splits {@code faces} into (kept, held out) with {@code fraction} of every class held out. */
    static List<List<LabeledFace>> holdOut(List<LabeledFace> faces, double fraction, long seed) {
        Map<Emotion, List<LabeledFace>> byClass = new EnumMap<>(Emotion.class);
        faces.forEach(f -> byClass.computeIfAbsent(f.emotion(), k -> new ArrayList<>()).add(f));
        List<LabeledFace> kept = new ArrayList<>();
        List<LabeledFace> held = new ArrayList<>();
        Random random = new Random(seed + 11);
        for (List<LabeledFace> group : byClass.values()) {
            Collections.shuffle(group, random);
            int n = (int) Math.round(group.size() * fraction);
            held.addAll(group.subList(0, n));
            kept.addAll(group.subList(n, group.size()));
        }
        return List.of(List.copyOf(kept), List.copyOf(held));
    }

    /** Balanced weights N / (7 * count(class)); 0 for an absent class. */
    static float[] weights(List<LabeledFace> train) {
        int[] counts = new int[Emotion.COUNT];
        train.forEach(f -> counts[f.emotion().index()]++);
        float[] w = new float[Emotion.COUNT];
        for (int c = 0; c < Emotion.COUNT; c++) {
            w[c] = counts[c] == 0 ? 0 : (float) train.size() / (Emotion.COUNT * counts[c]);
        }
        return w;
    }

    private static List<LabeledFace> limit(List<LabeledFace> faces, TrainConfig config, int salt) {
        if (config.subsample() == 0 || faces.size() <= config.subsample()) {
            return faces;
        }
        List<LabeledFace> copy = new ArrayList<>(faces);
        Collections.shuffle(copy, new Random(config.seed() * 31 + salt));
        return List.copyOf(copy.subList(0, config.subsample()));
    }
}
