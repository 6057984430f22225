package io.emolens.train;

import java.util.ArrayList;
import java.util.List;

/**
 * What a run folder's {@code state.json} records after each completed epoch: the commit point from which
 * {@code train --resume} continues. Written atomically after the checkpoint it names, so it never points
 * at a missing or half-written file.
 *
 * @param epochsDone          completed epochs
 * @param bestEpoch           epoch with the best monitored metric, 0 before the first epoch
 * @param bestMetric          that metric's value (accuracy: higher is better; loss: stored negated)
 * @param epochsSinceBest     completed epochs since {@code bestEpoch}
 * @param bestValLoss         lowest validation loss so far, for learning-rate cuts
 * @param epochsSinceLossDrop completed epochs since {@code bestValLoss} improved or the last cut
 * @param learningRate        the learning rate for the next epoch
 * @param checkpoint          file name of the last epoch's checkpoint (with optimizer state), or null
 * @param best                file name of the best epoch's checkpoint, or null
 * @param status              running, finished, early-stopped, stopped, diverged
 * @param history             one entry per completed epoch
 * @param batchesDone         batches of epoch {@code epochsDone + 1} already fitted into {@code checkpoint} (mid-epoch save)
 * @param partialLoss         sum of those batches' losses
 * @param partialFitSeconds   time spent fitting them
 * @param average             file name of the running mean of the averaged epochs' weights, or null ({@link TrainConfig#averageFrom()})
 * @param averaged            epochs in that mean
 */
public record RunState(int epochsDone, int bestEpoch, double bestMetric, int epochsSinceBest, double bestValLoss,
                       int epochsSinceLossDrop, double learningRate, String checkpoint, String best, String status,
                       List<EpochStats> history, int batchesDone, double partialLoss, double partialFitSeconds, String average,
                       int averaged) {

    public RunState {
        history = List.copyOf(history);
    }

    static RunState initial(TrainConfig config) {
        return new RunState(0, 0, Double.NEGATIVE_INFINITY, 0, Double.POSITIVE_INFINITY, 0, config.learningRate(),
                null, null, "running", List.of(), 0, 0, 0, null, 0);
    }

    /** The state after {@code stats}, applying the best-epoch, patience and learning-rate rules of {@code config}. */
    RunState next(EpochStats stats, TrainConfig config, String checkpointName) {
        return next(stats, config, checkpointName, Double.NEGATIVE_INFINITY);
    }

    /**
     * As {@link #next(EpochStats, TrainConfig, String)}, but an epoch whose accuracy on faces in general
     * ({@link EpochStats#generalAcc()}) is below {@code generalFloor} cannot become the best epoch (fine-tuning's guard
     * against forgetting).
     */
    RunState next(EpochStats stats, TrainConfig config, String checkpointName, double generalFloor) {
        double metric = config.monitor() == TrainConfig.Monitor.VAL_ACCURACY ? stats.valAcc() : -stats.valLoss();
        boolean eligible = stats.generalAcc() == null || stats.generalAcc() >= generalFloor;
        boolean improved = eligible && metric > bestMetric;
        boolean lossDropped = stats.valLoss() < bestValLoss;
        int sinceDrop = lossDropped ? 0 : epochsSinceLossDrop + 1;
        double lr = learningRate;
        if (config.lrPatience() > 0 && sinceDrop >= config.lrPatience() && lr > config.minLearningRate()) {
            lr = Math.max(config.minLearningRate(), lr * config.lrFactor());
            sinceDrop = 0;
        }
        List<EpochStats> h = new ArrayList<>(history);
        h.add(stats);
        return new RunState(stats.epoch(), improved ? stats.epoch() : bestEpoch, improved ? metric : bestMetric,
                improved ? 0 : epochsSinceBest + 1, Math.min(bestValLoss, stats.valLoss()), sinceDrop, lr,
                checkpointName, improved ? bestName(stats.epoch()) : best, status, h, 0, 0, 0, average, averaged);
    }

    RunState withStatus(String newStatus) {
        return new RunState(epochsDone, bestEpoch, bestMetric, epochsSinceBest, bestValLoss, epochsSinceLossDrop,
                learningRate, checkpoint, best, newStatus, history, batchesDone, partialLoss, partialFitSeconds, average, averaged);
    }

    /** The state after a mid-epoch save of {@code batches} batches of the next epoch into {@code checkpointName}. */
    RunState withPartialEpoch(int batches, double lossSum, double fitSeconds, String checkpointName) {
        return new RunState(epochsDone, bestEpoch, bestMetric, epochsSinceBest, bestValLoss, epochsSinceLossDrop,
                learningRate, checkpointName, best, status, history, batches, lossSum, fitSeconds, average, averaged);
    }

    /** The same state with another learning rate and its plateau counter reset. */
    RunState withLearningRate(double lr) {
        return new RunState(epochsDone, bestEpoch, bestMetric, epochsSinceBest, bestValLoss, 0, lr, checkpoint, best,
                status, history, batchesDone, partialLoss, partialFitSeconds, average, averaged);
    }

    /** The same state with the weight average now in file {@code name}, over {@code epochs} epochs. */
    RunState withAverage(String name, int epochs) {
        return new RunState(epochsDone, bestEpoch, bestMetric, epochsSinceBest, bestValLoss, epochsSinceLossDrop, learningRate,
                checkpoint, best, status, history, batchesDone, partialLoss, partialFitSeconds, name, epochs);
    }

    /** The epochs in the weight average, first to last, from the history; empty when there is none. */
    List<Integer> averagedEpochs() {
        List<Integer> out = new ArrayList<>();
        for (int i = Math.max(0, history.size() - averaged); i < history.size(); i++) {
            out.add(history.get(i).epoch());
        }
        return out;
    }

    /** "34–38": the first and last epoch of the weight average, for messages and titles; empty when there is none. */
    String averagedRange() {
        List<Integer> epochs = averagedEpochs();
        return average == null || epochs.isEmpty() ? "" : epochs.get(0) + "–" + epochs.get(epochs.size() - 1);
    }

    /** True when the patience for the monitored metric is used up. */
    boolean patienceExhausted(TrainConfig config) {
        return epochsDone > 0 && epochsSinceBest >= config.patience();
    }

    static String checkpointName(int epoch) {
        return String.format("checkpoint-e%04d.zip", epoch);
    }

    static String partialName(int epoch, int batches) {
        return String.format("checkpoint-e%04d-b%06d.zip", epoch, batches);
    }

    static String averageName(int epoch) {
        return String.format("average-e%04d.zip", epoch);
    }

    static String bestName(int epoch) {
        return String.format("best-e%04d.zip", epoch);
    }
}
