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
 */
public record TrainingResult(Path runDir, String status, int bestEpoch, List<EpochStats> history, Evaluation validation,
                             Evaluation test, Diagnosis diagnosis, Path model) {

    /**
     * The outcome in words: "stopped during epoch 1: no finished epoch to keep", "stopped during epoch 6: best
     * epoch 4 kept", "early-stopped after 12 epochs: best epoch 9 kept".
     */
    public String summary() {
        int finished = history.size();
        String when = "stopped".equals(status) ? status + " during epoch " + (finished + 1)
                : status + " after " + finished + (finished == 1 ? " epoch" : " epochs");
        return when + (bestEpoch > 0 ? ": best epoch " + bestEpoch + " kept" : ": no finished epoch to keep");
    }
}
