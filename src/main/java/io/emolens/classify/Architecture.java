package io.emolens.classify;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;

/**
 * A named network design for 48x48x1 faces (NCHW) with a 7-way softmax in FER2013 order. Implementations
 * only describe the network; {@link Architectures} instantiates it on the fast path.
 */
public interface Architecture {

    /** The name used on the command line and in model metadata, e.g. {@code seed}. */
    String name();

    /** The settings used when the caller gives none. */
    ArchitectureConfig defaults();

    /** The DL4J configuration of this design with the given hyper-parameters. */
    MultiLayerConfiguration configuration(ArchitectureConfig config);
}
