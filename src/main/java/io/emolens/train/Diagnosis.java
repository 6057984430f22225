package io.emolens.train;

import java.util.List;

/**
 * Reads the learning curves and says in words whether the network over-fits: the epoch after which
 * validation loss turned up, the train/validation accuracy gap, and what to do about it.
 *
 * @param bestEpoch     the epoch whose weights were kept
 * @param lowestLossEpoch epoch of the lowest validation loss
 * @param lossTurnEpoch first epoch after the lowest validation loss whose loss was higher, 0 when it never turned up
 * @param gapAtBest     train accuracy minus validation accuracy at the best epoch
 * @param gapAtEnd      the same at the last epoch
 * @param text          the diagnosis for people
 */
public record Diagnosis(int bestEpoch, int lowestLossEpoch, int lossTurnEpoch, double gapAtBest, double gapAtEnd,
                        String text) {

    /** Gap in accuracy points above which the network is said to memorize Training. */
    static final double LARGE_GAP = 0.10;

    public static Diagnosis of(List<EpochStats> history, int bestEpoch) {
        if (history.isEmpty()) {
            return new Diagnosis(0, 0, 0, Double.NaN, Double.NaN, "no epoch completed: nothing to diagnose.");
        }
        EpochStats last = history.get(history.size() - 1);
        EpochStats lowest = history.get(0);
        for (EpochStats s : history) {
            if (s.valLoss() < lowest.valLoss()) {
                lowest = s;
            }
        }
        int turn = 0;
        for (EpochStats s : history) {
            if (s.epoch() > lowest.epoch() && s.valLoss() > lowest.valLoss()) {
                turn = s.epoch();
                break;
            }
        }
        EpochStats best = history.stream().filter(s -> s.epoch() == bestEpoch).findFirst().orElse(last);
        double gapBest = best.trainAcc() - best.valAcc();
        double gapEnd = last.trainAcc() - last.valAcc();
        StringBuilder t = new StringBuilder();
        t.append(String.format("Best epoch %d of %d: validation accuracy %.1f%%, train accuracy %.1f%% (gap %+.1f points). ",
                best.epoch(), last.epoch(), 100 * best.valAcc(), 100 * best.trainAcc(), 100 * gapBest));
        boolean trainStillFalling = last.trainLoss() < lowest.trainLoss();
        if (turn > 0) {
            t.append(String.format("Validation loss was lowest at epoch %d (%.3f) and turned up from epoch %d, reaching %.3f at epoch %d",
                    lowest.epoch(), lowest.valLoss(), turn, last.valLoss(), last.epoch()));
            t.append(trainStillFalling
                    ? String.format(" while training loss kept falling (%.3f -> %.3f); the gap grew to %+.1f points. ",
                            lowest.trainLoss(), last.trainLoss(), 100 * gapEnd)
                    : ". ");
            t.append(trainStillFalling
                    ? "This is over-fitting, not a bug: the network starts memorizing Training after the turn. "
                    + "Stop near the turn (early stopping kept epoch " + best.epoch() + "), regularize more (higher --l2, --dropout), "
                    + "augment more, and check the split for leakage (exact duplicates across splits inflate or distort validation)."
                    : "Training loss did not fall either: lower the learning rate.");
        } else if (best.epoch() >= last.epoch() - 1) {
            t.append("Validation loss had not turned up by the last epoch: the model is still learning; train longer "
                    + "(resume with a higher --max-epochs).");
        } else {
            t.append("Validation loss stayed near its lowest without a clear turn.");
        }
        if (gapEnd > LARGE_GAP && turn == 0) {
            t.append(String.format(" The train/validation gap of %+.1f points suggests memorization: regularize or augment more.",
                    100 * gapEnd));
        } else if (gapEnd < 0.03 && last.trainAcc() < 0.6) {
            t.append(" Train and validation accuracy are close and low: the model under-fits; a larger network, "
                    + "less regularization or more epochs should help.");
        }
        return new Diagnosis(best.epoch(), lowest.epoch(), turn, gapBest, gapEnd, t.toString());
    }
}
