package io.emolens.train;

/**
 * Facts about a run at its (re)start.
 *
 * @param config      the settings in force
 * @param runDir      the run folder
 * @param startEpoch  the 1-based epoch about to be fitted (greater than 1 when resumed)
 * @param trainImages images per training epoch
 * @param valImages   validation images
 * @param parameters  trainable parameters of the network
 * @param history     the epochs completed before this (re)start, so a view can redraw the whole curves
 * @param bestEpoch   the best of those epochs, 0 when there is none
 */
public record RunInfo(TrainConfig config, java.nio.file.Path runDir, int startEpoch, int trainImages, int valImages,
                      long parameters, java.util.List<EpochStats> history, int bestEpoch) {
    public RunInfo {
        history = java.util.List.copyOf(history);
    }
}
