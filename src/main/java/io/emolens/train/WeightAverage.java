package io.emolens.train;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Stochastic weight averaging (Izmailov et al., 2018): from {@link TrainConfig#averageFrom()} on, the running mean of
 * every completed epoch's weights, kept as a weights-only file of the run folder that state.json names, so a killed
 * run resumes with the mean it had. Batch-norm statistics are averaged with the weights: recomputing them on Training
 * images moved PublicTest by at most 0.2 points (docs/TRAINING.md).
 */
final class WeightAverage {
    private WeightAverage() {
    }

    /** Adds {@code network}'s weights after {@code epoch} to the mean {@code state} names; returns the state naming the new mean. */
    static RunState add(RunFolder folder, TrainingNetwork network, RunState state, int epoch) {
        int n = state.average() == null ? 0 : state.averaged();
        INDArray weights = network.model().params();
        INDArray mean;
        if (n == 0) {
            mean = weights.dup();
        } else {
            try (TrainingNetwork previous = TrainingNetwork.load(folder.file(state.average()), network.input())) {
                mean = previous.model().params().mul(n).addi(weights).divi(n + 1);
            }
        }
        String name = RunState.averageName(epoch);
        try (TrainingNetwork averaged = network.withParams(mean)) {
            folder.saveWeights(averaged, name);
        } finally {
            mean.close();
        }
        return state.withAverage(name, n + 1);
    }
}
