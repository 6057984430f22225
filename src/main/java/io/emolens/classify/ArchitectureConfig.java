package io.emolens.classify;

/**
 * Hyper-parameters an architecture is built with. Dropout rates follow the Keras convention (the fraction
 * of units dropped); the architectures convert them to DL4J's retain probability.
 *
 * @param learningRate Adam learning rate, in (0, 1]
 * @param l2           L2 weight decay on weights (not biases), in [0, 0.1]
 * @param convDropout  fraction dropped after convolution blocks, in [0, 1)
 * @param denseDropout fraction dropped after the hidden dense layer, in [0, 1)
 * @param seed         weight-initialization and dropout seed
 */
public record ArchitectureConfig(double learningRate, double l2, double convDropout, double denseDropout, long seed) {

    /** The seed network's published settings: Adam 1e-4, no L2, dropout 0.25 / 0.5. */
    public static final ArchitectureConfig SEED = new ArchitectureConfig(1e-4, 0, 0.25, 0.5, 42);

    /** Defaults for the {@code default} architecture: Adam 1e-3, L2 1e-4, dropout 0.2 / 0.5. */
    public static final ArchitectureConfig DEFAULT = new ArchitectureConfig(1e-3, 1e-4, 0.2, 0.5, 42);

    public ArchitectureConfig {
        if (!(learningRate > 0 && learningRate <= 1)) {
            throw new IllegalArgumentException("learning rate must be in (0, 1], was " + learningRate);
        }
        if (!(l2 >= 0 && l2 <= 0.1)) {
            throw new IllegalArgumentException("L2 must be in [0, 0.1], was " + l2);
        }
        checkDropout("convolution dropout", convDropout);
        checkDropout("dense dropout", denseDropout);
    }

    private static void checkDropout(String what, double rate) {
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException(what + " must be in [0, 1), was " + rate);
        }
    }

    public ArchitectureConfig withLearningRate(double value) {
        return new ArchitectureConfig(value, l2, convDropout, denseDropout, seed);
    }

    public ArchitectureConfig withL2(double value) {
        return new ArchitectureConfig(learningRate, value, convDropout, denseDropout, seed);
    }

    public ArchitectureConfig withDropout(double conv, double dense) {
        return new ArchitectureConfig(learningRate, l2, conv, dense, seed);
    }

    public ArchitectureConfig withSeed(long value) {
        return new ArchitectureConfig(learningRate, l2, convDropout, denseDropout, value);
    }
}
