package io.emolens.classify;

/**
 * Hyper-parameters an architecture is built with.
 *
 * @param learningRate initial Adam learning rate, in (0, 1)
 * @param l2           L2 weight decay, &gt;= 0
 * @param dropout      drop probability after the hidden dense layer, or NaN for the architecture's own rate
 * @param convDropout  drop probability after convolution blocks, or NaN for the architecture's own rate
 * @param seed         weight-initialisation and dropout seed
 */
public record NetworkConfig(double learningRate, double l2, double dropout, double convDropout, long seed) {
    public NetworkConfig {
        if (!(learningRate > 0 && learningRate < 1)) {
            throw new IllegalArgumentException("learning rate must be within (0, 1), was " + learningRate);
        }
        if (!(l2 >= 0 && l2 < 1)) {
            throw new IllegalArgumentException("L2 must be within [0, 1), was " + l2);
        }
        if (!Double.isNaN(dropout) && !(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be within [0, 1), was " + dropout);
        }
        if (!Double.isNaN(convDropout) && !(convDropout >= 0 && convDropout < 1)) {
            throw new IllegalArgumentException("convolution dropout must be within [0, 1), was " + convDropout);
        }
    }

    /** The dense-layer drop probability to use where the architecture's own is {@code own}. */
    double drop(double own) {
        return Double.isNaN(dropout) ? own : dropout;
    }

    /** The convolution-block drop probability to use where the architecture's own is {@code own}. */
    double convDrop(double own) {
        return Double.isNaN(convDropout) ? own : convDropout;
    }

    /** Defaults for tests and benchmarks: the architecture's own dropout rates. */
    public static NetworkConfig of(double learningRate, double l2, long seed) {
        return new NetworkConfig(learningRate, l2, Double.NaN, Double.NaN, seed);
    }
}
