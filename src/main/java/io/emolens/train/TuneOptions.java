package io.emolens.train;

import java.nio.file.Path;
import java.util.Locale;

import io.emolens.core.EmolensException;

/**
 * How fine-tuning learns new faces without forgetting the old: FER2013 rows replayed into every epoch, a guard that
 * keeps no epoch losing more than {@code maxGeneralDrop} on the replay data's PublicTest, batch-norm statistics kept
 * as the base's (the user's few faces would otherwise overwrite FER2013's means and variances), which layers are
 * tuned, a pull toward the base's weights (L2-SP) and a learning-rate warm-up. Defaults: {@link #defaults(Path)},
 * measured in docs/TRAINING.md.
 *
 * @param replay         FER2013 data to replay, or null for none
 * @param replayFraction share of each epoch's images that are replay rows, in (0, 1)
 * @param maxGeneralDrop the most accuracy on the replay data's PublicTest a kept epoch may lose (a fraction: 0.02 = 2 points)
 * @param tunedLayers    layers with weights tuned, counted from the output; 0 = all
 * @param batchNormFrozen fold batch norms into the layers before them for tuning, so their statistics stay the base's
 * @param l2sp           strength λ of the pull toward the base's weights, λ/2·‖w − w₀‖², 0 = none
 * @param warmupEpochs   epochs over which the learning rate rises linearly to its value, 0 = none
 */
public record TuneOptions(Path replay, double replayFraction, double maxGeneralDrop, int tunedLayers, boolean batchNormFrozen,
                          double l2sp, int warmupEpochs) {
    /** Default of {@code --max-general-drop} (alias {@code --max-forgetting}), in accuracy points. */
    public static final double MAX_GENERAL_DROP_POINTS = 2.0;
    public static final double REPLAY_FRACTION = 0.5;
    public static final int TUNED_LAYERS = 0;
    public static final double L2SP = 0;
    public static final int WARMUP_EPOCHS = 1;
    /** Layers with weights that {@code --tune head} tunes: the hidden dense layer and the output. */
    public static final int HEAD = 2;

    public TuneOptions {
        if (replay != null && !(replayFraction > 0 && replayFraction < 1)) {
            throw new EmolensException("--replay-fraction must be between 0 and 1 (the share of each epoch that is FER2013 rows), was " + replayFraction);
        }
        if (!(maxGeneralDrop >= 0 && maxGeneralDrop < 1)) {
            throw new EmolensException("--max-general-drop must be between 0 and 100 points, was " + 100 * maxGeneralDrop);
        }
        if (tunedLayers < 0) {
            throw new EmolensException("--tune must be all, head or a number of layers from 1, was " + tunedLayers);
        }
        if (!(l2sp >= 0 && l2sp < 1e6)) {
            throw new EmolensException("--l2-sp must be 0 (none) or more, below 1e6, was " + l2sp);
        }
        if (warmupEpochs < 0) {
            throw new EmolensException("--warmup must be 0 (none) or more epochs, was " + warmupEpochs);
        }
    }

    /** The defaults, replaying {@code replay} (null for none). */
    public static TuneOptions defaults(Path replay) {
        return new TuneOptions(replay, REPLAY_FRACTION, MAX_GENERAL_DROP_POINTS / 100, TUNED_LAYERS, true, L2SP, WARMUP_EPOCHS);
    }

    public TuneOptions withReplay(Path file, double fraction) {
        return new TuneOptions(file, fraction, maxGeneralDrop, tunedLayers, batchNormFrozen, l2sp, warmupEpochs);
    }

    public TuneOptions withMaxGeneralDrop(double fraction) {
        return new TuneOptions(replay, replayFraction, fraction, tunedLayers, batchNormFrozen, l2sp, warmupEpochs);
    }

    public TuneOptions withMethod(int layers, boolean frozen, double strength, int warmup) {
        return new TuneOptions(replay, replayFraction, maxGeneralDrop, layers, frozen, strength, warmup);
    }

    /** {@code --tune}: {@code all} (0), {@code head} ({@value #HEAD}) or a count of layers with weights from the output. */
    public static int parseLayers(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("all")) {
            return 0;
        }
        if (t.equals("head")) {
            return HEAD;
        }
        try {
            int n = Integer.parseInt(t);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // the message below
        }
        throw new EmolensException("--tune must be all, head or a number of layers (from 1, counted from the output), was '" + text + "'");
    }

    /** How a run tunes, in words: "all layers, batch-norm statistics frozen, L2-SP 100, warm-up 1 epoch". */
    static String describe(int layers, boolean frozen, double l2sp, int warmup) {
        return (layers == 0 ? "all layers" : layers == HEAD ? "the head (last " + HEAD + " layers)" : "the last " + layers + " layers")
                + (frozen ? ", batch-norm statistics frozen" : ", batch-norm statistics updated")
                + (l2sp > 0 ? String.format(Locale.ROOT, ", L2-SP %g", l2sp) : "")
                + (warmup > 0 ? ", warm-up " + warmup + (warmup == 1 ? " epoch" : " epochs") : "");
    }
}
