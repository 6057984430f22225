package io.emolens.classify;

import java.util.Locale;

/**
 * Size and cost of an architecture for one 48x48 face.
 *
 * @param name          architecture name
 * @param parameters    trainable parameters plus batch-norm running statistics, as DL4J counts them
 * @param flopsPerFace  forward-pass floating-point operations per face (a multiply-add counts as 2)
 */
public record ArchitectureInfo(String name, long parameters, long flopsPerFace) {

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s: %,d parameters, %.1f MFLOP per face (forward)",
                name, parameters, flopsPerFace / 1e6);
    }
}
