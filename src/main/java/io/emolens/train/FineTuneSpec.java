package io.emolens.train;

/**
 * Where a fine-tuning run started and how it tunes, as its run.json and {@code finetune.json} record it, so that it
 * can be resumed and its model's metadata can name its base. Runs recorded before the tuning fields existed read them
 * as 0 and false: every layer tuned with its batch-norm statistics updated, no pull toward the base, no warm-up.
 *
 * @param base            the base model file as given (absolute path)
 * @param baseName        its file name
 * @param baseChecksum    {@code sha256:} of the base model zip; a resume refuses a base that changed
 * @param member          the ensemble member this run tunes (1-based; 1 for a plain model)
 * @param members         the base model's member count (1 for a plain model)
 * @param replay          the replay data file (absolute path), null for none
 * @param replayChecksum  its checksum, null for none
 * @param replayFraction  share of each epoch's images that are replay rows, 0 for none
 * @param maxGeneralDrop  with replay: the most accuracy on the replay data's PublicTest an epoch may lose against the
 *                        base network and still be chosen as the best epoch (a fraction, 0.01 = one point)
 * @param generalBase     with replay: this member's base network's accuracy on that PublicTest, null before it is measured
 * @param tunedLayers     how many layers with weights, counted from the output, are tuned; 0 = all ({@link TuneOptions})
 * @param batchNormFrozen batch norms folded into the layers before them, so their statistics stay the base's
 * @param l2sp            strength of the pull toward the base's weights (L2-SP), 0 = none
 * @param warmupEpochs    epochs over which the learning rate rises from nothing to its value, 0 = none
 */
public record FineTuneSpec(String base, String baseName, String baseChecksum, int member, int members, String replay,
                           String replayChecksum, double replayFraction, double maxGeneralDrop, Double generalBase,
                           int tunedLayers, boolean batchNormFrozen, double l2sp, int warmupEpochs) {

    FineTuneSpec forMember(int index, Double baseline) {
        return new FineTuneSpec(base, baseName, baseChecksum, index, members, replay, replayChecksum, replayFraction, maxGeneralDrop, baseline,
                tunedLayers, batchNormFrozen, l2sp, warmupEpochs);
    }

    /** The lowest general accuracy a best epoch may have; no floor without replay. */
    double generalFloor() {
        return generalBase == null ? Double.NEGATIVE_INFINITY : generalBase - maxGeneralDrop;
    }

    /** How this run tunes, in words. */
    String method() {
        return TuneOptions.describe(tunedLayers, batchNormFrozen, l2sp, warmupEpochs);
    }
}
