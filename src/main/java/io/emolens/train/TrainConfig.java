package io.emolens.train;

/**
 * Everything that determines a training run; saved in {@code RUN_DIR/run.json} so that a resumed run
 * continues with the same settings. Defaults are those of {@link #defaults(String)}.
 *
 * @param architecture    network name known to the {@link NetworkFactory} ({@code seed}, {@code default})
 * @param maxEpochs       upper bound on epochs (default 60)
 * @param batchSize       images per weight update (default 64)
 * @param learningRate    initial Adam learning rate (default 1e-3; the {@code seed} network uses 1e-4)
 * @param l2              L2 weight decay coefficient, 0 = none (default 1e-4; {@code seed}: 0)
 * @param dropout         fraction dropped after the hidden dense layer, or NaN for the architecture's own
 * @param convDropout     fraction dropped after convolution blocks, or NaN for the architecture's own
 * @param patience        early stopping: epochs without improvement of the monitored metric before stopping (default 10)
 * @param monitor         the PublicTest metric that picks the best epoch and drives early stopping (default accuracy)
 * @param lrPatience      epochs without validation-loss improvement before the learning rate is cut, 0 = never (default 3)
 * @param lrFactor        factor applied to the learning rate at each cut, in (0, 1) (default 0.5)
 * @param minLearningRate floor for the learning rate cuts (default 1e-5)
 * @param seed            seed of weight init, shuffling, augmentation and dropout (default 42)
 * @param augment         training-time augmentation (default {@link AugmentConfig#DEFAULT})
 * @param classWeights    weight each training image's loss by N / (7 * count of its class) (default off)
 * @param trainEvalSize   training images scored each epoch in inference mode for the train curve (default 3589)
 * @param subsample       use at most this many images per split, chosen at random with the seed; 0 = all (default 0)
 * @param checkpointSeconds also checkpoint inside an epoch when this many seconds passed since the last save,
 *                        so a kill loses little of a long epoch; 0 = only at epoch ends (default 600)
 * @param averageFrom     from this epoch on, keep the running mean of every epoch's weights and make the model that mean
 *                        (stochastic weight averaging); 0 = off, the model is the best epoch (default 0)
 * @param labels          FER+ votes and how they make the Training targets, or null for FER2013's own labels (default)
 */
public record TrainConfig(String architecture, int maxEpochs, int batchSize, double learningRate, double l2,
                          double dropout, double convDropout, int patience, Monitor monitor, int lrPatience, double lrFactor,
                          double minLearningRate, long seed, AugmentConfig augment, boolean classWeights,
                          int trainEvalSize, int subsample, double checkpointSeconds, int averageFrom, VoteLabels labels) {

    /** The validation metric that defines the best epoch. */
    public enum Monitor { VAL_ACCURACY, VAL_LOSS }

    public TrainConfig {
        if (architecture == null || architecture.isBlank()) {
            throw new IllegalArgumentException("architecture name is required (e.g. 'default' or 'seed')");
        }
        require(maxEpochs >= 1, "max epochs must be at least 1, was " + maxEpochs);
        require(batchSize >= 1 && batchSize <= 4096, "batch size must be within 1..4096, was " + batchSize);
        require(learningRate > 0 && learningRate < 1, "learning rate must be within (0, 1), was " + learningRate);
        require(l2 >= 0 && l2 < 1, "L2 must be within [0, 1), was " + l2);
        require(Double.isNaN(dropout) || (dropout >= 0 && dropout < 1), "dropout must be within [0, 1), was " + dropout);
        require(Double.isNaN(convDropout) || (convDropout >= 0 && convDropout < 1),
                "convolution dropout must be within [0, 1), was " + convDropout);
        require(patience >= 1, "patience must be at least 1, was " + patience);
        require(lrPatience >= 0, "learning-rate patience must be 0 (off) or more, was " + lrPatience);
        require(lrFactor > 0 && lrFactor < 1, "learning-rate factor must be within (0, 1), was " + lrFactor);
        require(minLearningRate > 0 && minLearningRate <= learningRate,
                "minimum learning rate must be within (0, learning rate], was " + minLearningRate);
        require(trainEvalSize >= 0, "train evaluation size must be 0 or more, was " + trainEvalSize);
        require(subsample >= 0, "subsample must be 0 (all) or more, was " + subsample);
        require(checkpointSeconds >= 0, "checkpoint interval must be 0 (epoch ends only) or more seconds, was " + checkpointSeconds);
        require(averageFrom >= 0, "the first averaged epoch must be 0 (no averaging) or more, was " + averageFrom);
        if (monitor == null) {
            throw new IllegalArgumentException("monitor is required");
        }
        if (augment == null) {
            throw new IllegalArgumentException("augment is required (AugmentConfig.NONE for none)");
        }
    }

    /** Settings without FER+ votes. */
    public TrainConfig(String architecture, int maxEpochs, int batchSize, double learningRate, double l2, double dropout,
                       double convDropout, int patience, Monitor monitor, int lrPatience, double lrFactor, double minLearningRate,
                       long seed, AugmentConfig augment, boolean classWeights, int trainEvalSize, int subsample, double checkpointSeconds,
                       int averageFrom) {
        this(architecture, maxEpochs, batchSize, learningRate, l2, dropout, convDropout, patience, monitor, lrPatience, lrFactor,
                minLearningRate, seed, augment, classWeights, trainEvalSize, subsample, checkpointSeconds, averageFrom, null);
    }

    /** Settings without weight averaging or FER+ votes. */
    public TrainConfig(String architecture, int maxEpochs, int batchSize, double learningRate, double l2, double dropout,
                       double convDropout, int patience, Monitor monitor, int lrPatience, double lrFactor, double minLearningRate,
                       long seed, AugmentConfig augment, boolean classWeights, int trainEvalSize, int subsample, double checkpointSeconds) {
        this(architecture, maxEpochs, batchSize, learningRate, l2, dropout, convDropout, patience, monitor, lrPatience, lrFactor,
                minLearningRate, seed, augment, classWeights, trainEvalSize, subsample, checkpointSeconds, 0, null);
    }

    /** The documented defaults for {@code architecture}; the {@code seed} network keeps its published Adam 1e-4 and no L2. */
    public static TrainConfig defaults(String architecture) {
        boolean seed = "seed".equalsIgnoreCase(architecture);
        return new TrainConfig(architecture, 60, 64, seed ? 1e-4 : 1e-3, seed ? 0 : 1e-4, Double.NaN, Double.NaN, 10,
                Monitor.VAL_ACCURACY, 3, 0.5, seed ? 1e-6 : 1e-5, 42, AugmentConfig.DEFAULT, false, 3589, 0, 600);
    }

    public TrainConfig withMaxEpochs(int epochs) {
        return new TrainConfig(architecture, epochs, batchSize, learningRate, l2, dropout, convDropout, patience, monitor, lrPatience,
                lrFactor, minLearningRate, seed, augment, classWeights, trainEvalSize, subsample, checkpointSeconds, averageFrom, labels);
    }

    public TrainConfig withPatience(int epochs) {
        return new TrainConfig(architecture, maxEpochs, batchSize, learningRate, l2, dropout, convDropout, epochs, monitor, lrPatience,
                lrFactor, minLearningRate, seed, augment, classWeights, trainEvalSize, subsample, checkpointSeconds, averageFrom, labels);
    }

    public TrainConfig withCheckpointSeconds(double seconds) {
        return new TrainConfig(architecture, maxEpochs, batchSize, learningRate, l2, dropout, convDropout, patience, monitor, lrPatience,
                lrFactor, minLearningRate, seed, augment, classWeights, trainEvalSize, subsample, seconds, averageFrom, labels);
    }

    /** The same settings with a new initial learning rate (the minimum is lowered to it when needed). */
    public TrainConfig withLearningRate(double lr) {
        return new TrainConfig(architecture, maxEpochs, batchSize, lr, l2, dropout, convDropout, patience, monitor, lrPatience,
                lrFactor, Math.min(lr, minLearningRate), seed, augment, classWeights, trainEvalSize, subsample, checkpointSeconds, averageFrom, labels);
    }

    /** The same settings averaging the weights of every epoch from {@code epoch} on (0 = off). */
    public TrainConfig withAverageFrom(int epoch) {
        return new TrainConfig(architecture, maxEpochs, batchSize, learningRate, l2, dropout, convDropout, patience, monitor, lrPatience,
                lrFactor, minLearningRate, seed, augment, classWeights, trainEvalSize, subsample, checkpointSeconds, epoch, labels);
    }

    /** The same settings with Training targets made from FER+ votes (null: FER2013's own labels). */
    public TrainConfig withLabels(VoteLabels votes) {
        return new TrainConfig(architecture, maxEpochs, batchSize, learningRate, l2, dropout, convDropout, patience, monitor, lrPatience,
                lrFactor, minLearningRate, seed, augment, classWeights, trainEvalSize, subsample, checkpointSeconds, averageFrom, votes);
    }

    /** True when epoch {@code epoch} (1-based) goes into the weight average. */
    public boolean averages(int epoch) {
        return averageFrom > 0 && epoch >= averageFrom;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
