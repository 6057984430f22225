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
 * @param frozenLayers   the network's first layers kept fixed (0 = all layers train)
 */
public record FineTuneSpec(String base, String baseName, String baseChecksum, int member, int members, String replay,
                           String replayChecksum, double replayFraction, int frozenLayers) {

    FineTuneSpec forMember(int index) {
        return new FineTuneSpec(base, baseName, baseChecksum, index, members, replay, replayChecksum, replayFraction, frozenLayers);
    }
}
