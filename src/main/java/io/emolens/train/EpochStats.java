package io.emolens.train;

import java.util.Locale;

import io.emolens.core.Csv;

/**
 * One row of {@code curves.csv}: losses and accuracies after an epoch. The train columns are measured in
 * inference mode on a fixed sample of unaugmented training images, so they compare directly with the
 * validation columns; {@code fitLoss} is the mean minibatch loss while fitting (augmented, with dropout).
 *
 * @param epoch        1-based epoch number
 * @param fitLoss      mean minibatch loss during the epoch, including regularization
 * @param trainLoss    cross-entropy on the training sample
 * @param trainAcc     accuracy on the training sample
 * @param valLoss      cross-entropy on PublicTest
 * @param valAcc       accuracy on PublicTest
 * @param learningRate the learning rate used during the epoch
 * @param seconds      wall time of the epoch, including evaluation
 * @param imagesPerSec training throughput (fit only)
 * @param generalAcc   fine-tuning with replay: accuracy on the replay data's PublicTest (faces in general), else null
 * @param valFerPlus   with FER+ votes: the share of validation faces with a clear FER+ majority whose prediction is that
 *                     majority, else null
 * @param valLabelsAgree with FER+ votes: accuracy on the validation faces whose FER2013 label is the FER+ majority (the
 *                     faces where a better network gains on both measures, not only trades one for the other), else null
 */
public record EpochStats(int epoch, double fitLoss, double trainLoss, double trainAcc, double valLoss, double valAcc,
                         double learningRate, double seconds, double imagesPerSec, Double generalAcc, Double valFerPlus,
                         Double valLabelsAgree) {

    static final String CSV_HEADER = "epoch,fit_loss,train_loss,train_acc,val_loss,val_acc,learning_rate,seconds,images_per_s,general_acc,"
            + "val_ferplus_majority,val_labels_agree_acc";

    public EpochStats(int epoch, double fitLoss, double trainLoss, double trainAcc, double valLoss, double valAcc,
                      double learningRate, double seconds, double imagesPerSec, Double generalAcc) {
        this(epoch, fitLoss, trainLoss, trainAcc, valLoss, valAcc, learningRate, seconds, imagesPerSec, generalAcc, null, null);
    }

    public EpochStats(int epoch, double fitLoss, double trainLoss, double trainAcc, double valLoss, double valAcc,
                      double learningRate, double seconds, double imagesPerSec) {
        this(epoch, fitLoss, trainLoss, trainAcc, valLoss, valAcc, learningRate, seconds, imagesPerSec, null, null, null);
    }

    String toCsv() {
        return Csv.line(epoch, decimal(fitLoss), decimal(trainLoss), decimal(trainAcc), decimal(valLoss), decimal(valAcc),
                String.format(Locale.ROOT, "%.3g", learningRate), String.format(Locale.ROOT, "%.1f", seconds),
                String.format(Locale.ROOT, "%.1f", imagesPerSec), optional(generalAcc), optional(valFerPlus), optional(valLabelsAgree));
    }

    private static String optional(Double value) {
        return value == null ? "" : decimal(value);
    }

    private static String decimal(double value) {
        return String.format(Locale.ROOT, "%.6f", value);
    }
}
