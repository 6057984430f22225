package io.emolens.train;

import java.nio.file.Path;
import java.util.List;

import io.emolens.eval.Evaluation;

/**
 * The outcome of a run.
 *
 * @param runDir     the run folder
 * @param status     finished (max epochs), early-stopped, or stopped (by request)
 * @param bestEpoch  the epoch whose weights were kept
 * @param history    one entry per completed epoch
 * @param validation the best model on the validation split (PublicTest)
 * @param test       the best model on PrivateTest, or null when the data has no PrivateTest rows
 * @param diagnosis  the over-fitting diagnosis in words
 * @param model      the saved best model
 * @param averaged   the epochs whose mean weights the model holds ({@link TrainConfig#averageFrom()}), empty when it holds
 *                   the best epoch's
 */
public record TrainingResult(Path runDir, String status, int bestEpoch, List<EpochStats> history, Evaluation validation,
                             Evaluation test, Diagnosis diagnosis, Path model, List<Integer> averaged) {

    public TrainingResult {
        averaged = List.copyOf(averaged);
    }

    /** What the model holds: "epoch 9", or "the mean of epochs 34–38 (best single epoch 25)". */
    public String kept() {
        return averaged.isEmpty() ? "epoch " + bestEpoch
                : "the mean of epochs " + averaged.get(0) + "–" + averaged.get(averaged.size() - 1) + " (best single epoch " + bestEpoch + ")";
    }

    /**
     * The outcome in words: "stopped during epoch 1: no finished epoch to keep", "stopped during epoch 6: best
     * epoch 4 kept", "early-stopped after 12 epochs: best epoch 9 kept".
     */
    public String summary() {
        int finished = history.size();
        String when = "stopped".equals(status) ? status + " during epoch " + (finished + 1)
                : status + " after " + finished + (finished == 1 ? " epoch" : " epochs");
        return when + (bestEpoch <= 0 ? ": no finished epoch to keep" : averaged.isEmpty() ? ": best epoch " + bestEpoch + " kept" : ": " + kept() + " kept");
    }
}
