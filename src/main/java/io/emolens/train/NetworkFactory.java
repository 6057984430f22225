package io.emolens.train;

import org.deeplearning4j.nn.api.Model;

/**
 * Builds a fresh, initialised DL4J network ({@code MultiLayerNetwork} or {@code ComputationGraph}) for
 * 48x48x1 inputs and 7 softmax outputs from a {@link TrainConfig} (architecture name, seed, learning rate,
 * L2, dropout). Implemented over the classify package's architecture factory.
 */
@FunctionalInterface
public interface NetworkFactory {

    /** @throws IllegalArgumentException for an unknown architecture name, listing the known ones */
    Model create(TrainConfig config);
}
