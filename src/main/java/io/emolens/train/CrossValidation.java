package io.emolens.train;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.emolens.core.Csv;
import io.emolens.core.EmolensException;
import io.emolens.core.Emotion;
import io.emolens.data.Dataset;
import io.emolens.data.LabeledFace;
import io.emolens.data.Split;
import io.emolens.eval.Evaluation;

/**
 * k-fold cross-validation on Training: Training is cut into k class-stratified folds (seeded); each fold
 * in turn is the validation split of a full run in {@code OUT/fold-i}, the others its training data.
 * PublicTest and PrivateTest are not used. Reports the mean and spread of the folds' best accuracy.
 */
public final class CrossValidation {
    private final Trainer trainer;
    private final int k;

    public CrossValidation(Trainer trainer, int k) {
        if (k < 2 || k > 20) {
            throw new IllegalArgumentException("folds must be within 2..20, was " + k);
        }
        this.trainer = trainer;
        this.k = k;
    }

    /** The folds' validation results. */
    public record Result(List<Evaluation> folds) {

        public double meanAccuracy() {
            return folds.stream().mapToDouble(Evaluation::accuracy).average().orElse(Double.NaN);
        }

        /** Sample standard deviation of the fold accuracies. */
        public double stdAccuracy() {
            double m = meanAccuracy();
            double ss = folds.stream().mapToDouble(e -> (e.accuracy() - m) * (e.accuracy() - m)).sum();
            return folds.size() < 2 ? 0 : Math.sqrt(ss / (folds.size() - 1));
        }

        public String format() {
            StringBuilder sb = new StringBuilder(String.format("%d-fold cross-validation on Training: accuracy %.2f%% +- %.2f%%, folds:",
                    folds.size(), 100 * meanAccuracy(), 100 * stdAccuracy()));
            for (int i = 0; i < folds.size(); i++) {
                sb.append(String.format(" %d: %.2f%% (macro-F1 %.3f)", i + 1, 100 * folds.get(i).accuracy(), folds.get(i).macroF1()));
            }
            return sb.toString();
        }
    }

    public Result run(Dataset data, TrainConfig config, Path outDir, TrainingListener listener, TrainingControl control) {
        List<List<LabeledFace>> folds = folds(data.split(Split.TRAINING), config.seed());
        List<Evaluation> results = new ArrayList<>();
        StringBuilder csv = new StringBuilder("fold,images,accuracy,macro_f1,best_epoch\n");
        for (int i = 0; i < k && !control.isStopRequested(); i++) {
            listener.onMessage("fold " + (i + 1) + " of " + k);
            List<LabeledFace> faces = new ArrayList<>();
            for (int j = 0; j < k; j++) {
                Split s = j == i ? Split.PUBLIC_TEST : Split.TRAINING;
                folds.get(j).forEach(f -> faces.add(new LabeledFace(f.pixels(), f.emotion(), s, f.origin())));
            }
            Dataset fold = new Dataset(data.source(), faces, data.issues(), data.checksum() + "#fold" + (i + 1) + "of" + k);
            TrainingResult r = trainer.train(fold, config, outDir.resolve("fold-" + (i + 1)), listener, control);
            if (r.validation() != null) {
                results.add(r.validation());
                csv.append(Csv.line(i + 1, folds.get(i).size(), decimal(r.validation().accuracy()), decimal(r.validation().macroF1()),
                        r.bestEpoch())).append('\n');
            }
        }
        try {
            Files.createDirectories(outDir);
            Files.writeString(outDir.resolve("cv.csv"), csv, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new EmolensException("cannot write " + outDir.resolve("cv.csv").toAbsolutePath() + ": " + e.getMessage(), e);
        }
        return new Result(results);
    }

    private static String decimal(double v) {
        return String.format(java.util.Locale.ROOT, "%.6f", v);
    }

    /** Class-stratified folds: each class shuffled with the seed and dealt round-robin. */
    List<List<LabeledFace>> folds(List<LabeledFace> training, long seed) {
        Map<Emotion, List<LabeledFace>> byClass = new EnumMap<>(Emotion.class);
        training.forEach(f -> byClass.computeIfAbsent(f.emotion(), e -> new ArrayList<>()).add(f));
        List<List<LabeledFace>> folds = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            folds.add(new ArrayList<>());
        }
        Random random = new Random(seed + 101);
        int next = 0;
        for (List<LabeledFace> group : byClass.values()) {
            Collections.shuffle(group, random);
            for (LabeledFace f : group) {
                folds.get(next++ % k).add(f);
            }
        }
        return folds;
    }
}
