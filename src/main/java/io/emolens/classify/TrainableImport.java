package io.emolens.classify;

import org.deeplearning4j.nn.graph.ComputationGraph;

import io.emolens.preprocess.InputSpec;

/**
 * An imported (Keras) model's network made ready to fine-tune, with what its inputs and outputs are.
 * The network is the one the app runs ({@link GraphRewriter}'s rewrite: channels-first where the layers allow it,
 * separable convolutions split, batch norms folded into their convolutions) with a cross-entropy loss on its
 * softmax output, so a fine-tuned copy loads and runs exactly as it was trained. The caller owns the graph.
 *
 * @param graph        the network, one input, one 7-way softmax output with a loss
 * @param spec         its input
 * @param channelsLast true when it takes [batch, height, width, channels]
 * @param labels       its output order
 */
public record TrainableImport(ComputationGraph graph, InputSpec spec, boolean channelsLast, LabelOrder labels) {
}
