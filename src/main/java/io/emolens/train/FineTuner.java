package io.emolens.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.emolens.classify.ModelStore;
import io.emolens.core.EmolensException;
import io.emolens.data.Dataset;
import io.emolens.data.DatasetReader;
import io.emolens.data.ReadOptions;

/**
 * Fine-tunes a model (a plain one, every member of an ensemble, or an imported Keras model) on new labeled faces: each
 * member starts from the base model's weights in its own training run ({@code RUN_DIR/member-N}, with checkpoints,
 * curves, early stopping and resume as any run), tuned as {@link TuneOptions} say, with FER2013 rows replayed into
 * every epoch and a guard against forgetting; {@link TunedModel} then assembles the members and measures the model
 * before and after. The new faces are split once (held-out people when the data names them) for every member and the
 * report. The base file is only read.
 */
public final class FineTuner {
    /** The fine-tuning run's own record in RUN_DIR, beside the members' run folders. */
    public static final String FINETUNE_JSON = "finetune.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final ModelExporter exporter;
    private final ModelStore store = new ModelStore();

    public FineTuner(ModelExporter exporter) {
        this.exporter = exporter;
    }

    /**
     * What finetune.json holds: where the run started, how it tunes, the data and the settings of every member run.
     *
     * @param start  the base model, the replay and the method
     * @param data   the new data file or folder (absolute path)
     * @param config the members' training settings
     */
    public record Plan(FineTuneSpec start, String data, TrainConfig config) {
    }

    /** The settings fine-tuning uses unless told otherwise: a tenth of the from-scratch rate, a short schedule. */
    public static TrainConfig defaults(String architecture) {
        TrainConfig d = TrainConfig.defaults(architecture);
        return new TrainConfig(architecture, 10, 32, 1e-4, d.l2(), Double.NaN, Double.NaN, 4, TrainConfig.Monitor.VAL_ACCURACY,
                2, 0.5, 1e-6, d.seed(), d.augment(), false, d.trainEvalSize(), 0, d.checkpointSeconds());
    }

    /** Checks that {@code base} can be fine-tuned and returns its architecture name (see {@link BaseModel#check}). */
    public String checkBase(Path base) {
        return BaseModel.check(store, base);
    }

    /** Starts a fine-tuning run of {@code base} on {@code data} in {@code runDir}, which must not hold a run yet. */
    public FineTuneResult fineTune(Path base, Dataset data, TrainConfig config, TuneOptions options, Path runDir,
                                   TrainingListener listener, TrainingControl control) {
        BaseModel model = BaseModel.open(store, base);
        if (Files.exists(runDir.resolve(FINETUNE_JSON)) || new RunFolder(runDir).hasState()) {
            throw new EmolensException(runDir.toAbsolutePath() + " already holds a training run. Continue it with 'train --resume "
                    + runDir + "' or choose another --out folder.");
        }
        Replay replay = options.replay() == null ? null : loadReplay(options.replay(), options.replayFraction(), listener);
        FineTuneSpec start = new FineTuneSpec(base.toAbsolutePath().toString(), base.getFileName().toString(), "sha256:" + ModelStore.sha256(base), 1,
                model.members.size(), options.replay() == null ? null : options.replay().toAbsolutePath().toString(),
                replay == null ? null : replay.checksum(), replay == null ? 0 : options.replayFraction(), options.maxGeneralDrop(), null,
                options.tunedLayers(), options.batchNormFrozen(), options.l2sp(), options.warmupEpochs());
        Plan plan = new Plan(start, data.source(), config);
        new RunFolder(runDir).atomically(FINETUNE_JSON, tmp -> JSON.writeValue(tmp.toFile(), plan));
        return run(plan, model, data, replay, runDir, listener, control);
    }

    /** Continues the fine-tuning run in {@code runDir}: finished members are kept, the others resume or start. */
    public FineTuneResult resume(Path runDir, Dataset data, TrainingListener listener, TrainingControl control) {
        Plan plan = readPlan(runDir);
        Path base = Path.of(plan.start().base());
        if (!Files.isRegularFile(base) || !("sha256:" + ModelStore.sha256(base)).equals(plan.start().baseChecksum())) {
            throw new EmolensException("the base model " + base + " of this fine-tuning run is missing or changed since the run started ("
                    + plan.start().baseChecksum() + "); start a new run with --from.");
        }
        Replay replay = plan.start().replay() == null ? null
                : loadReplay(Path.of(plan.start().replay()), plan.start().replayFraction(), listener);
        if (replay != null && !replay.checksum().equals(plan.start().replayChecksum())) {
            throw new EmolensException("the replay data " + plan.start().replay() + " changed since the run started; start a new run.");
        }
        return run(plan, BaseModel.open(store, base), data, replay, runDir, listener, control);
    }

    /** True when {@code dir} holds a fine-tuning run (its {@value #FINETUNE_JSON}). */
    public static boolean isFineTuneRun(Path dir) {
        return Files.isRegularFile(dir.resolve(FINETUNE_JSON));
    }

    /** The plan of the fine-tuning run in {@code runDir}. */
    public static Plan readPlan(Path runDir) {
        Path file = runDir.resolve(FINETUNE_JSON);
        try {
            return JSON.readValue(file.toFile(), Plan.class);
        } catch (IOException e) {
            throw new EmolensException("cannot read " + file.toAbsolutePath() + ": " + e.getMessage() + ". Is this a fine-tuning run folder?", e);
        }
    }

    private FineTuneResult run(Plan plan, BaseModel base, Dataset data, Replay replay, Path runDir, TrainingListener listener,
                               TrainingControl control) {
        TrainingData split = TrainingData.of(data, plan.config(), listener::onMessage);
        FineTuneSpec start = plan.start();
        List<Path> tuned = new ArrayList<>();
        for (int i = 0; i < base.members.size(); i++) {
            Path dir = runDir.resolve("member-" + (i + 1));
            RunFolder folder = new RunFolder(dir);
            Path model = dir.resolve(TrainServices.MODEL_FILE);
            String status = folder.hasState() ? folder.readState().status() : "new";
            boolean ended = !"new".equals(status) && !"running".equals(status) && !"stopped".equals(status);
            if (ended && (Files.isRegularFile(model) || "diverged".equals(status))) {
                tuned.add(Files.isRegularFile(model) ? model : null);
                continue;
            }
            int member = i;
            String name = base.members.size() == 1 ? "" : "member " + (i + 1) + " of " + base.members.size() + ": ";
            listener.onMessage(name + "fine-tuning " + start.baseName() + (base.members.size() == 1 ? "" : " member " + (i + 1)));
            TrainConfig config = withArchitecture(plan.config(), base.members.get(i).info().architecture());
            FineTuneSpec spec = folder.hasState() ? folder.readSpec().fineTune()
                    : start.forMember(i + 1, replay == null || replay.general().isEmpty() ? null
                            : base.generalAccuracy(i, config, start.batchNormFrozen(), replay.general(), listener));
            Trainer trainer = new Trainer(null, base.exporter(exporter)).fineTuning(new FineTuning(
                    c -> base.restore(member, c, spec.batchNormFrozen()), base.input, replay, split, spec));
            TrainingResult r = folder.hasState() ? trainer.resume(data, dir, c -> c, listener, control)
                    : trainer.train(data, config, dir, listener, control);
            if ("stopped".equals(r.status())) {
                return FineTuneResult.stopped(runDir);
            }
            if (r.model() == null) {
                listener.onMessage(name + String.format("no epoch kept the replay data's PublicTest within %.1f points of the base: this network keeps its base weights",
                        100 * spec.maxGeneralDrop()));
            }
            tuned.add(r.model());
        }
        return new TunedModel(plan, base).assemble(tuned, data, split, replay, runDir, listener);
    }

    private static TrainConfig withArchitecture(TrainConfig c, String architecture) {
        return new TrainConfig(architecture == null ? c.architecture() : architecture, c.maxEpochs(), c.batchSize(), c.learningRate(),
                c.l2(), c.dropout(), c.convDropout(), c.patience(), c.monitor(), c.lrPatience(), c.lrFactor(), c.minLearningRate(),
                c.seed(), c.augment(), c.classWeights(), c.trainEvalSize(), c.subsample(), c.checkpointSeconds(), c.averageFrom(), c.labels());
    }

    private static Replay loadReplay(Path file, double fraction, TrainingListener listener) {
        listener.onMessage("reading the replay data " + file + " ...");
        return new Replay(DatasetReader.readAny(file, ReadOptions.DEFAULT), fraction);
    }
}
