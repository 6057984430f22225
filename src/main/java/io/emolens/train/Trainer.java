package io.emolens.train;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

import io.emolens.core.EmolensException;
import io.emolens.data.Dataset;
import io.emolens.eval.Evaluation;
import io.emolens.eval.Evaluator;
import io.emolens.eval.MajorityAgreement;

/**
 * The training service: fits a network on Training, evaluates it on PublicTest after every epoch,
 * checkpoints atomically, keeps the best epoch, stops early when the monitored metric stops improving,
 * halves the learning rate on validation-loss plateaus, and at the end evaluates the best epoch on
 * PrivateTest and saves it with its curves and diagnosis (see {@link RunFinisher}). Reports through a
 * {@link TrainingListener}; obeys a {@link TrainingControl}. Runs on the caller's thread.
 */
public final class Trainer {
    private final NetworkFactory factory;
    private final ModelExporter exporter;
    private final FineTuning tuning;

    public Trainer(NetworkFactory factory, ModelExporter exporter) {
        this(factory, exporter, null);
    }

    private Trainer(NetworkFactory factory, ModelExporter exporter, FineTuning tuning) {
        this.factory = factory;
        this.exporter = exporter;
        this.tuning = tuning;
    }

    /**
     * A fine-tuning run: starts from the network {@code tuning} restores instead of a new one, mixes its replay rows
     * into every epoch and keeps no epoch that forgets faces in general; run.json records where it started.
     */
    Trainer fineTuning(FineTuning tuning) {
        return new Trainer(tuning.network(), exporter, tuning);
    }

    /** Starts a new run in {@code runDir}, which must not already hold one. */
    public TrainingResult train(Dataset data, TrainConfig config, Path runDir, TrainingListener listener,
                                TrainingControl control) {
        RunFolder folder = new RunFolder(runDir);
        if (folder.hasState()) {
            throw new EmolensException(runDir.toAbsolutePath() + " already holds a training run. Continue it with "
                    + "'train --resume " + runDir + "' or choose another --out folder.");
        }
        folder.writeSpec(new RunFolder.RunSpec(config, data.source(), data.checksum(), Instant.now().toString(),
                tuning == null ? null : tuning.spec()));
        RunState state = RunState.initial(config);
        folder.writeState(state);
        try (TrainingNetwork network = initial(config)) {
            return run(data, config, folder, state, network, listener, control);
        }
    }

    private TrainingNetwork initial(TrainConfig config) {
        return new TrainingNetwork(factory.create(config), input());
    }

    private NetworkInput input() {
        return tuning == null ? NetworkInput.OWN : tuning.input();
    }

    /**
     * Continues the run in {@code runDir} from its last completed epoch, with the weights and optimizer
     * state of that epoch. {@code changes} may raise the epoch limit or patience, or set a new learning rate.
     */
    public TrainingResult resume(Dataset data, Path runDir, UnaryOperator<TrainConfig> changes,
                                 TrainingListener listener, TrainingControl control) {
        RunFolder folder = new RunFolder(runDir);
        if (!folder.hasState()) {
            throw new EmolensException(runDir.toAbsolutePath() + " holds no resumable run (no run.json and state.json). "
                    + "Start one with 'train --data FILE --out " + runDir + "'.");
        }
        RunFolder.RunSpec spec = folder.readSpec();
        if (!spec.dataChecksum().equals(data.checksum())) {
            throw new EmolensException("the data differs from the data this run was trained on (" + spec.data() + ", "
                    + spec.dataChecksum() + "); resume with the same --data, or start a new run.");
        }
        TrainConfig config = changes.apply(spec.config());
        RunState state = folder.readState();
        if (config.learningRate() != spec.config().learningRate()) {
            state = state.withLearningRate(config.learningRate());
        }
        if ((spec.fineTune() != null) != (tuning != null)) {
            throw new EmolensException(runDir.toAbsolutePath() + (tuning == null
                    ? " is a fine-tuning run: resume it with 'train --resume' on the folder above it"
                    : " is not a fine-tuning run"));
        }
        folder.writeSpec(new RunFolder.RunSpec(config, spec.data(), spec.dataChecksum(), spec.created(), spec.fineTune()));
        folder.removeUnreferenced(state);
        try (TrainingNetwork network = state.checkpoint() == null ? initial(config)
                : TrainingNetwork.load(folder.file(state.checkpoint()), input())) {
            return run(data, config, folder, state.withStatus("running"), network, listener, control);
        }
    }

    private TrainingResult run(Dataset data, TrainConfig config, RunFolder folder, RunState state,
                               TrainingNetwork network, TrainingListener listener, TrainingControl control) {
        TrainingData split = tuning != null && tuning.split() != null ? tuning.split() : TrainingData.of(data, config, listener::onMessage);
        if (split.classWeights != null) {
            network.setClassWeights(split.classWeights);
            listener.onMessage("class weights " + java.util.Arrays.toString(split.classWeights));
        }
        Evaluator evaluator = new Evaluator(256, false);
        NetworkClassifier classifier = new NetworkClassifier(network);
        Replay replay = tuning == null ? null : tuning.replay();
        if (replay != null) {
            listener.onMessage(String.format("replay: %d FER2013 Training rows mixed into each epoch's %d own images (%.0f%%), a fresh stratified sample every epoch",
                    replay.countFor(split.train.size()), split.train.size(), 100 * replay.fraction()));
        }
        BaseAnchor anchor = tuning == null ? null : anchor(config, network, listener);
        EpochFitter fitter = new EpochFitter(config, replay == null ? epoch -> split.train
                : epoch -> replay.epoch(split.train, epoch, config.seed()), network, folder, listener, control, anchor);
        listener.onStart(new RunInfo(config, folder.dir(), state.epochsDone() + 1, split.train.size(),
                split.validation.size(), network.numParams(), state.history(), state.bestEpoch()));
        String status = "finished";
        while (state.epochsDone() < config.maxEpochs()) {
            if (state.patienceExhausted(config)) {
                status = "early-stopped";
                break;
            }
            int epoch = state.epochsDone() + 1;
            long start = System.nanoTime();
            EpochFitter.Outcome fit = fitter.fit(state);
            if (fit.stopped()) {
                status = "stopped";
                listener.onMessage("stopped during epoch " + epoch + " after batch " + fit.state().batchesDone()
                        + "; saved: 'train --resume " + folder.dir() + "' continues from there");
                state = fit.state();
                break;
            }
            long evalStart = System.nanoTime();
            Evaluation trainEval = evaluator.evaluate(classifier, split.trainSample, "Training sample");
            List<float[]> valProbabilities = evaluator.probabilities(classifier, split.validation);
            Evaluation valEval = Evaluator.score(valProbabilities, split.validation, split.validationName);
            MajorityAgreement agreement = split.votes == null ? null : MajorityAgreement.of(valProbabilities, split.validation, split.votes);
            Double general = replay == null || replay.general().isEmpty() ? null
                    : evaluator.evaluate(classifier, replay.general(), "replay PublicTest").accuracy();
            fitter.evalSeconds((System.nanoTime() - evalStart) / 1e9);
            EpochStats stats = new EpochStats(epoch, fit.meanLoss(), trainEval.logLoss(), trainEval.accuracy(),
                    valEval.logLoss(), valEval.accuracy(), state.learningRate(), fit.resumedSeconds()
                    + (System.nanoTime() - start) / 1e9, fit.imagesPerSec(), general,
                    agreement == null ? null : nullIfNaN(agreement.accuracy()),
                    agreement == null ? null : nullIfNaN(agreement.accuracyWhereLabelsAgree()));
            String checkpoint = RunState.checkpointName(epoch);
            RunState next = tuning == null ? state.next(stats, config, checkpoint)
                    : state.next(stats, config, checkpoint, tuning.spec().generalFloor());
            if (general != null && general < tuning.spec().generalFloor()) {
                listener.onMessage(String.format("epoch %d: %.1f%% on the replay data's PublicTest, more than %.1f points below the base's %.1f%%: not eligible as the best epoch",
                        epoch, 100 * general, 100 * tuning.spec().maxGeneralDrop(), 100 * tuning.spec().generalBase()));
            }
            folder.saveNetwork(network, checkpoint);
            if (config.averages(epoch)) {
                next = WeightAverage.add(folder, network, next, epoch);
            }
            if (next.bestEpoch() == epoch) {
                folder.copy(checkpoint, next.best());
            }
            folder.writeState(next);
            folder.writeCurves(next.history());
            folder.removeUnreferenced(next);
            RunFinisher.writeChart(folder, next, listener);
            if (next.learningRate() < state.learningRate()) {
                listener.onMessage(String.format("validation loss has not improved for %d epochs: learning rate %.3g -> %.3g",
                        config.lrPatience(), state.learningRate(), next.learningRate()));
            }
            state = next;
            listener.onEpoch(stats, state.bestEpoch());
        }
        if (status.equals("finished") && state.patienceExhausted(config) && state.epochsDone() < config.maxEpochs()) {
            status = "early-stopped";
        }
        if ("early-stopped".equals(status)) {
            listener.onMessage("early stopping: no improvement for " + config.patience() + " epochs; best epoch "
                    + state.bestEpoch());
        }
        return new RunFinisher(folder, config, exporter, listener, input()).finish(data, split, state.withStatus(status));
    }

    /** Fine-tuning's anchor of {@code network} to a fresh copy of the base network. */
    private BaseAnchor anchor(TrainConfig config, TrainingNetwork network, TrainingListener listener) {
        try (TrainingNetwork base = initial(config)) {
            BaseAnchor anchor = BaseAnchor.of(tuning.spec(), network, base);
            listener.onMessage("tuning " + tuning.spec().method() + (anchor.frozenLayers() == 0 ? ""
                    : " (" + anchor.frozenLayers() + " layers with weights frozen)"));
            return anchor;
        }
    }

    private static Double nullIfNaN(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
