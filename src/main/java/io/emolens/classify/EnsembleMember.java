package io.emolens.classify;

import java.util.Map;

/**
 * One network of an ensemble model, as listed in its metadata ({@link EnsembleSpec}): where it is in the
 * model zip and what it is, copied from the member's own {@link ModelMetadata} when the ensemble was built.
 *
 * @param entry              the DL4J network file's entry name inside the ensemble zip, e.g. {@code member-1.zip}
 * @param sha256             {@code sha256:<hex>} of that entry's bytes; the loader refuses a mismatch
 * @param name               the member's model file name when it was added
 * @param architecture       architecture name
 * @param seed               the training seed, null when unknown
 * @param data               training data file name
 * @param dataChecksum       SHA-256 of the training data
 * @param bestEpoch          the epoch whose weights these are
 * @param parameters         parameters as DL4J counts them
 * @param flopsPerFace       forward FLOPs per face
 * @param accuracy           the member's own accuracy per split (one network, no flips), from its metadata
 * @param ensembleAccuracy   the member alone with the ensemble's flip setting, per split, measured when building
 * @param created            when the member was saved
 */
public record EnsembleMember(String entry, String sha256, String name, String architecture, Long seed, String data,
                             String dataChecksum, int bestEpoch, long parameters, long flopsPerFace,
                             Map<String, Double> accuracy, Map<String, Double> ensembleAccuracy, String created) {
}
