package io.emolens.train;

/**
 * Where a fine-tuning run started, as its run.json and {@code finetune.json} record it, so that it can be resumed
 * and its model's metadata can name its base.
 *
 * @param base           the base model file as given (absolute path)
 * @param baseName       its file name
 * @param baseChecksum   {@code sha256:} of the base model zip; a resume refuses a base that changed
 * @param member         the ensemble member this run tunes (1-based; 1 for a plain model)
 * @param members        the base model's member count (1 for a plain model)
 * @param replay         the replay data file (absolute path), null for none
 * @param replayChecksum its checksum, null for none
 * @param replayFraction share of each epoch's images that are replay rows, 0 for none
 * @param maxGeneralDrop with replay: the most accuracy on the replay data's PublicTest an epoch may lose against the
 *                       base network and still be chosen as the best epoch (a fraction, 0.01 = one point)
 * @param generalBase    with replay: this member's base network's accuracy on that PublicTest, null before it is measured
 */
public record FineTuneSpec(String base, String baseName, String baseChecksum, int member, int members, String replay,
                           String replayChecksum, double replayFraction, double maxGeneralDrop, Double generalBase) {

    FineTuneSpec forMember(int index, Double baseline) {
        return new FineTuneSpec(base, baseName, baseChecksum, index, members, replay, replayChecksum, replayFraction, maxGeneralDrop, baseline);
    }

    /** The lowest general accuracy a best epoch may have; no floor without replay. */
    double generalFloor() {
        return generalBase == null ? Double.NEGATIVE_INFINITY : generalBase - maxGeneralDrop;
    }
}
