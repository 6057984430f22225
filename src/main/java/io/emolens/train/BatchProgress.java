package io.emolens.train;

/**
 * Progress after one minibatch, for progress bars and a smoothed per-batch loss chart.
 *
 * @param epoch          1-based epoch
 * @param maxEpochs      the configured epoch limit
 * @param batch          1-based batch number within the epoch
 * @param batches        batches per epoch
 * @param loss           this batch's loss
 * @param meanLoss       mean batch loss so far this epoch
 * @param imagesPerSec   training throughput so far this epoch
 * @param epochEtaSec    estimated seconds until the epoch's batches are done
 * @param runEtaSec      estimated seconds until {@code maxEpochs} is reached (an upper bound: early stopping may end sooner)
 */
public record BatchProgress(int epoch, int maxEpochs, int batch, int batches, double loss, double meanLoss,
                            double imagesPerSec, double epochEtaSec, double runEtaSec) {
}
