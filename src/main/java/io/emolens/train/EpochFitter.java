package io.emolens.train;

import java.util.List;
import java.util.function.IntFunction;
import java.util.SplittableRandom;

import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import io.emolens.core.EmolensException;
import io.emolens.data.LabeledFace;

/**
 * Fits one epoch batch by batch: a seeded shuffle per epoch and seeded augmentation and dropout per batch
 * (so a resumed epoch sees exactly the batches it would have seen), progress after each batch, a stop or
 * pause between batches, a mid-epoch checkpoint every {@link TrainConfig#checkpointSeconds()} and at a stop,
 * and a clear error when the loss stops being finite.
 */
final class EpochFitter {
    /**
     * How an epoch's fitting ended.
     *
     * @param state          the run state (with the mid-epoch checkpoint when stopped)
     * @param stopped        a stop was requested before the last batch
     * @param meanLoss       mean batch loss over the epoch
     * @param imagesPerSec   fitting throughput
     * @param resumedSeconds fitting time spent before a resume, already part of the epoch
     */
    record Outcome(RunState state, boolean stopped, double meanLoss, double imagesPerSec, double resumedSeconds) {
    }

    private final TrainConfig config;
    private final IntFunction<List<LabeledFace>> epochFaces;
    private final TrainingNetwork network;
    private final RunFolder folder;
    private final TrainingListener listener;
    private final TrainingControl control;
    private final Batches batches;
    private final BaseAnchor anchor;
    private double evalSeconds;

    /**
     * {@code epochFaces} gives the faces of epoch N (1-based): the same list for every N, or one with fresh replay rows;
     * {@code anchor} (fine-tuning, else null) sets the rate of every batch and acts after it.
     */
    EpochFitter(TrainConfig config, IntFunction<List<LabeledFace>> epochFaces, TrainingNetwork network, RunFolder folder,
                TrainingListener listener, TrainingControl control, BaseAnchor anchor) {
        this.config = config;
        this.epochFaces = epochFaces;
        this.network = network;
        this.folder = folder;
        this.listener = listener;
        this.control = control;
        this.batches = new Batches(config, network.input());
        this.anchor = anchor;
    }

    /** Seconds the last end-of-epoch evaluation took, for the run ETA. */
    void evalSeconds(double seconds) {
        evalSeconds = seconds;
    }

    Outcome fit(RunState state) {
        int epoch = state.epochsDone() + 1;
        List<LabeledFace> train = epochFaces.apply(epoch);
        int n = train.size();
        int batchCount = (n + config.batchSize() - 1) / config.batchSize();
        int[] order = shuffled(n, new SplittableRandom(config.seed() * 1_000_003L + epoch));
        network.setLearningRate(state.learningRate());
        network.setEpochCount(epoch - 1);
        double lossSum = state.partialLoss();
        double resumedSeconds = state.partialFitSeconds();
        long fitNanos = (long) (resumedSeconds * 1e9);
        long lastSave = System.nanoTime();
        int first = state.batchesDone();
        if (first > 0) {
            listener.onMessage("continuing epoch " + epoch + " at batch " + (first + 1) + " of " + batchCount);
        }
        for (int b = first; b < batchCount; b++) {
            if (stopRequested()) {
                return new Outcome(savePartial(state, epoch, b, lossSum, fitNanos), true, Double.NaN, Double.NaN, 0);
            }
            int from = b * config.batchSize();
            int to = Math.min(n, from + config.batchSize());
            long t0 = System.nanoTime();
            long batchSeed = config.seed() * 7_919L + epoch * 1_000_003L + b;
            Nd4j.getRandom().setSeed(batchSeed);
            DataSet batch = batches.trainBatch(train, order, from, to, new SplittableRandom(batchSeed));
            double rate = anchor == null ? state.learningRate() : anchor.rate(epoch, b, batchCount, state.learningRate());
            if (anchor != null && anchor.warming(epoch)) {
                network.setLearningRate(rate);
            }
            network.fit(batch);
            if (anchor != null) {
                anchor.afterStep(rate);
            }
            double loss = network.score();
            batch.getFeatures().close();
            batch.getLabels().close();
            fitNanos += System.nanoTime() - t0;
            if (!Double.isFinite(loss)) {
                folder.writeState(state.withStatus("diverged"));
                throw new EmolensException(String.format("training diverged: the loss became %s at epoch %d, batch %d "
                        + "(learning rate %.3g). Resume from the last good checkpoint with a lower rate: "
                        + "train --resume %s --lr %.3g", loss, epoch, b + 1, state.learningRate(), folder.dir(),
                        state.learningRate() / 10));
            }
            lossSum += loss;
            double ips = (to - first * config.batchSize()) / ((fitNanos - resumedSeconds * 1e9) / 1e9);
            double epochEta = (n - to) / ips;
            listener.onBatch(new BatchProgress(epoch, config.maxEpochs(), b + 1, batchCount, loss, lossSum / (b + 1),
                    ips, epochEta, epochEta + (config.maxEpochs() - epoch) * (n / ips + evalSeconds)));
            boolean due = config.checkpointSeconds() > 0 && System.nanoTime() - lastSave >= config.checkpointSeconds() * 1e9;
            if (due && b + 1 < batchCount) {
                savePartial(state, epoch, b + 1, lossSum, fitNanos);
                lastSave = System.nanoTime();
            }
        }
        return new Outcome(state, false, lossSum / batchCount, n / (fitNanos / 1e9), resumedSeconds);
    }

    private boolean stopRequested() {
        try {
            return control.awaitGo();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /** Checkpoints the network after {@code done} batches of {@code epoch} and records it as the resume point. */
    private RunState savePartial(RunState state, int epoch, int done, double lossSum, long fitNanos) {
        if (done == state.batchesDone()) {
            return state;
        }
        String name = RunState.partialName(epoch, done);
        folder.saveNetwork(network, name);
        RunState partial = state.withPartialEpoch(done, lossSum, fitNanos / 1e9, name);
        folder.writeState(partial);
        folder.removeUnreferenced(partial);
        return partial;
    }

    private static int[] shuffled(int n, SplittableRandom random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
