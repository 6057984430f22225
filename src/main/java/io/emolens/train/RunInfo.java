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
 */
public record RunInfo(TrainConfig config, java.nio.file.Path runDir, int startEpoch, int trainImages, int valImages,
                      long parameters) {
}
