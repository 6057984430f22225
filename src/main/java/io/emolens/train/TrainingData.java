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
 * The faces a run uses: Training to fit, PublicTest to pick the best epoch, a fixed sample of Training for the train
 * curve, and PrivateTest for the final report. Deterministic for a given seed. When the data has no PublicTest, part
 * of Training is held out: whole people or sessions when its faces say whose they are ({@link LabeledFace#group()}),
 * so that validation measures faces never learned from; otherwise a stratified 10%, which {@link #optimistic} flags,
 * because random faces of the same people as training (or frames of the same video) flatter the figure.
 */
final class TrainingData {
    final List<LabeledFace> train;
    final List<LabeledFace> validation;
    final List<LabeledFace> trainSample;
    final List<LabeledFace> test;
    final String validationName;
    /** True when validation is random faces of Training's own people: its figure flatters. */
    final boolean optimistic;
    /** Loss weight per class, or null when class weighting is off. */
    final float[] classWeights;
    /** The FER+ votes of the run ({@link TrainConfig#labels()}), or null. */
    final FerPlusVotes votes;

    private TrainingData(List<LabeledFace> train, List<LabeledFace> validation, List<LabeledFace> trainSample,
                         List<LabeledFace> test, String validationName, boolean optimistic, float[] classWeights, FerPlusVotes votes) {
        this.train = train;
        this.validation = validation;
        this.trainSample = trainSample;
        this.test = test;
        this.validationName = validationName;
        this.optimistic = optimistic;
        this.classWeights = classWeights;
        this.votes = votes;
    }

    static TrainingData of(Dataset data, TrainConfig config, Consumer<String> messages) {
        List<LabeledFace> train = limit(data.split(Split.TRAINING), config, 1);
        List<LabeledFace> validation = limit(data.split(Split.PUBLIC_TEST), config, 2);
        List<LabeledFace> test = limit(data.split(Split.PRIVATE_TEST), config, 3);
        String validationName = Split.PUBLIC_TEST.usage();
        boolean optimistic = false;
        if (validation.isEmpty()) {
            List<String> people = heldOutGroups(train, config.seed());
            if (!people.isEmpty()) {
                validation = train.stream().filter(f -> people.contains(f.group())).toList();
                train = train.stream().filter(f -> !people.contains(f.group())).toList();
                validationName = "held-out " + (people.size() == 1 ? "person " : "people ") + String.join(", ", people);
                messages.accept("no PublicTest rows: holding out every face of " + String.join(", ", people) + " (" + validation.size()
                        + " images) for early stopping; they are never trained on");
            } else {
                List<List<LabeledFace>> parts = holdOut(train, 0.1, config.seed());
                train = parts.get(0);
                validation = parts.get(1);
                validationName = "held-out 10% of Training";
                optimistic = true;
                messages.accept("no PublicTest rows: holding out a stratified 10% of Training (" + validation.size()
                        + " images) for early stopping. " + OPTIMISTIC);
            }
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
        return new TrainingData(train, validation, sample, test, validationName, optimistic,
                config.classWeights() ? weights(train) : null, votes);
    }

    /**
     * The groups (people or sessions) to hold out: at least a tenth of the faces, whole groups chosen at random with the
     * seed, never all of them; none when fewer than two groups are known or some face has none.
     */
    static List<String> heldOutGroups(List<LabeledFace> faces, long seed) {
        if (faces.isEmpty() || faces.stream().anyMatch(f -> f.group() == null)) {
            return List.of();
        }
        Map<String, Integer> sizes = new java.util.TreeMap<>();
        faces.forEach(f -> sizes.merge(f.group(), 1, Integer::sum));
        if (sizes.size() < 2) {
            return List.of();
        }
        List<String> order = new ArrayList<>(sizes.keySet());
        Collections.shuffle(order, new Random(seed + 13));
        List<String> held = new ArrayList<>();
        int count = 0;
        for (String g : order.subList(0, order.size() - 1)) {
            if (count >= 0.1 * faces.size()) {
                break;
            }
            held.add(g);
            count += sizes.get(g);
        }
        Collections.sort(held);
        return List.copyOf(held);
    }

    /** What the output says when validation is random faces of the people trained on. */
    static final String OPTIMISTIC = "The data does not say whose faces they are (a 'subject' or 'group' column, or sessions), so the held-out "
            + "faces are of the same people as training: the validation figure is optimistic.";

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
