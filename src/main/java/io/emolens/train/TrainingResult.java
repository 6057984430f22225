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
}
