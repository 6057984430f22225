package io.emolens.train;

/**
 * Receives training progress on the training thread; a UI hands the values to its own thread. Every
 * method has an empty default, so a listener implements only what it shows. Must not throw.
 */
public interface TrainingListener {

    /** The run is about to fit its first (or, when resumed, next) epoch. */
    default void onStart(RunInfo info) {
    }

    default void onBatch(BatchProgress progress) {
    }

    /**
     * An epoch finished and was checkpointed.
     *
     * @param stats     this epoch's row of curves.csv
     * @param bestEpoch the best epoch so far (possibly this one)
     */
    default void onEpoch(EpochStats stats, int bestEpoch) {
    }

    /** A line worth showing in a log view: learning-rate cuts, early stopping, evaluation, files written. */
    default void onMessage(String message) {
    }

    /** The run ended normally, by early stopping, or by a stop request; {@code result} holds the final evaluation. */
    default void onFinish(TrainingResult result) {
    }

    /** A listener that ignores everything. */
    TrainingListener NONE = new TrainingListener() {
    };
}
