package io.emolens.train;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.util.ModelSerializer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.emolens.classify.EmotionClassifier;
import io.emolens.classify.EnsembleMember;
import io.emolens.classify.EnsembleSpec;
import io.emolens.classify.FastCpu;
import io.emolens.classify.KerasSource;
import io.emolens.classify.ModelMetadata;
import io.emolens.classify.ModelStore;
import io.emolens.core.EmolensException;
import io.emolens.core.Emotion;
import io.emolens.data.Dataset;
import io.emolens.data.DatasetReader;
import io.emolens.data.LabeledFace;
import io.emolens.data.ReadOptions;
import io.emolens.data.Split;
import io.emolens.eval.Evaluation;
import io.emolens.eval.Evaluator;
import io.emolens.preprocess.FaceTensor;

/**
 * Fine-tunes a model (a plain one, every member of an ensemble, or an imported Keras model) on new labeled faces: each member starts
 * from the base model's weights in its own training run ({@code RUN_DIR/member-N}, with checkpoints, curves, early
 * stopping and resume as any run), optionally with FER2013 rows replayed into every epoch; the tuned members are then assembled into {@code RUN_DIR/model.zip} with the base's inference (flip
 * averaging, temperature) and metadata naming the base, the data and the replay. The model is measured before and
 * after on the new data's held-out faces, and on FER2013 PrivateTest when replaying. The base file is only read.
 */
public final class FineTuner {
    /** The fine-tuning run's own record in RUN_DIR, beside the members' run folders. */
    public static final String FINETUNE_JSON = "finetune.json";
    public static final String REPORT_TXT = "finetune-report.txt";
    /** Default of {@code --max-forgetting}: accuracy points on faces in general a kept epoch may lose. */
    public static final double MAX_FORGETTING_POINTS = 1.0;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final ModelExporter exporter;
    private final ModelStore store = new ModelStore();

    public FineTuner(ModelExporter exporter) {
        this.exporter = exporter;
    }

    /**
     * What finetune.json holds: where the run started, the data and the settings of every member run.
     *
     * @param start  the base model and the replay
     * @param data   the new data file or folder (absolute path)
     * @param config the members' training settings
     */
    public record Plan(FineTuneSpec start, String data, TrainConfig config) {
    }

    /**
     * The outcome: the tuned model (null when the run was stopped before every member finished), and the whole
     * model's evaluations before and after on the held-out faces of the new data and, when replaying, on FER2013
     * PrivateTest.
     */
    public record Result(Path runDir, Path model, String status, Evaluation ownBefore, Evaluation ownAfter,
                         Evaluation replayBefore, Evaluation replayAfter) {

        public boolean improved() {
            return ownAfter != null && ownAfter.accuracy() > ownBefore.accuracy();
        }

        /** The before/after report printed by the CLI and shown by the UI. */
        public String format() {
            StringBuilder sb = new StringBuilder();
            if (ownAfter == null) {
                return "stopped before every member finished: no model yet; 'train --resume " + runDir + "' continues\n";
            }
            sb.append(String.format("%s (%d faces): base %.1f%% -> fine-tuned %.1f%% (%+.1f points)%n", ownAfter.split(),
                    ownAfter.confusion().total(), 100 * ownBefore.accuracy(), 100 * ownAfter.accuracy(),
                    100 * (ownAfter.accuracy() - ownBefore.accuracy())));
            sb.append(perClass(ownBefore, ownAfter));
            if (replayAfter != null) {
                sb.append(String.format("FER2013 PrivateTest (%d faces, faces in general): base %.1f%% -> fine-tuned %.1f%% (%+.1f points)%n",
                        replayAfter.confusion().total(), 100 * replayBefore.accuracy(), 100 * replayAfter.accuracy(),
                        100 * (replayAfter.accuracy() - replayBefore.accuracy())));
            }
            sb.append(model == null ? "" : "model: " + model.toAbsolutePath() + "\n");
            return sb.toString();
        }

        /** Recall per labeled class before and after, for the classes the held-out faces have. */
        static String perClass(Evaluation before, Evaluation after) {
            StringBuilder sb = new StringBuilder(String.format("  %-9s %6s %8s %8s%n", "label", "faces", "base", "tuned"));
            for (Emotion e : Emotion.values()) {
                long n = after.confusion().support(e);
                if (n > 0) {
                    sb.append(String.format("  %-9s %6d %7.1f%% %7.1f%%%n", e.label(), n, 100 * before.confusion().recall(e),
                            100 * after.confusion().recall(e)));
                }
            }
            return sb.toString();
        }
    }

    /** The settings fine-tuning uses unless told otherwise: a tenth of the from-scratch rate, a short schedule. */
    public static TrainConfig defaults(String architecture) {
        TrainConfig d = TrainConfig.defaults(architecture);
        return new TrainConfig(architecture, 10, 32, 1e-4, d.l2(), Double.NaN, Double.NaN, 4, TrainConfig.Monitor.VAL_ACCURACY,
                2, 0.5, 1e-6, d.seed(), d.augment(), false, d.trainEvalSize(), 0, d.checkpointSeconds());
    }

    /**
     * Checks that {@code base} can be fine-tuned and returns its architecture name: an Emolens-trained model (plain or
     * ensemble) taking 48x48 faces normalized as training makes them, with the seven FER2013 labels in order, or an
     * imported (Keras) model, which trains on its own input size, normalization and label order.
     */
    public String checkBase(Path base) {
        if (!Files.isRegularFile(base)) {
            throw new EmolensException("--from " + base + ": model file not found");
        }
        ModelMetadata m = store.metadata(base);
        if (m.keras() == null && (m.inputSize() != FaceTensor.SIZE || !FaceTensor.NORMALIZATION.equals(m.normalization()))) {
            throw new EmolensException("--from " + base + " takes " + m.inputSize() + "x" + m.inputSize() + " faces normalized as "
                    + m.normalization() + ", but Emolens's own networks take " + FaceTensor.SIZE + "x" + FaceTensor.SIZE + " faces normalized as "
                    + FaceTensor.NORMALIZATION + ": the metadata does not fit the network.");
        }
        if (m.keras() == null && !Emotion.labels().equals(m.labels())) {
            throw new EmolensException("--from " + base + " has the labels " + m.labels() + ", but fine-tuning needs the seven FER2013 labels in order "
                    + Emotion.labels());
        }
        return store.ensemble(base).map(s -> s.members().get(0).architecture()).orElse(m.architecture());
    }

    /** Starts a fine-tuning run of {@code base} on {@code data} in {@code runDir}, which must not hold a run yet. */
    public Result fineTune(Path base, Dataset data, TrainConfig config, Path replayFile, double replayFraction,
                           double maxGeneralDrop, Path runDir, TrainingListener listener, TrainingControl control) {
        if (!(maxGeneralDrop >= 0 && maxGeneralDrop < 1)) {
            throw new EmolensException("--max-forgetting must be between 0 and 100 points, was " + 100 * maxGeneralDrop);
        }
        checkBase(base);
        if (Files.exists(runDir.resolve(FINETUNE_JSON)) || new RunFolder(runDir).hasState()) {
            throw new EmolensException(runDir.toAbsolutePath() + " already holds a training run. Continue it with 'train --resume "
                    + runDir + "' or choose another --out folder.");
        }
        List<EnsembleMembers.Candidate> members = EnsembleMembers.resolve(List.of(base));
        Replay replay = replayFile == null ? null : loadReplay(replayFile, replayFraction, listener);
        FineTuneSpec start = new FineTuneSpec(base.toAbsolutePath().toString(), base.getFileName().toString(), "sha256:" + ModelStore.sha256(base), 1,
                members.size(), replayFile == null ? null : replayFile.toAbsolutePath().toString(),
                replay == null ? null : replay.checksum(), replay == null ? 0 : replayFraction, maxGeneralDrop, null);
        Plan plan = new Plan(start, data.source(), config);
        writePlan(runDir, plan);
        return run(plan, base, members, data, replay, runDir, listener, control);
    }

    /** Continues the fine-tuning run in {@code runDir}: finished members are kept, the others resume or start. */
    public Result resume(Path runDir, Dataset data, TrainingListener listener, TrainingControl control) {
        Plan plan = readPlan(runDir);
        Path base = Path.of(plan.start().base());
        if (!Files.isRegularFile(base) || !("sha256:" + ModelStore.sha256(base)).equals(plan.start().baseChecksum())) {
            throw new EmolensException("the base model " + base + " of this fine-tuning run is missing or changed since the run started ("
                    + plan.start().baseChecksum() + "); start a new run with --from.");
        }
        List<EnsembleMembers.Candidate> members = EnsembleMembers.resolve(List.of(base));
        Replay replay = plan.start().replay() == null ? null
                : loadReplay(Path.of(plan.start().replay()), plan.start().replayFraction(), listener);
        if (replay != null && !replay.checksum().equals(plan.start().replayChecksum())) {
            throw new EmolensException("the replay data " + plan.start().replay() + " changed since the run started; start a new run.");
        }
        return run(plan, base, members, data, replay, runDir, listener, control);
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

    private Result run(Plan plan, Path base, List<EnsembleMembers.Candidate> members, Dataset data, Replay replay, Path runDir,
                       TrainingListener listener, TrainingControl control) {
        List<Path> tuned = new ArrayList<>();
        ImportedBase imported = ImportedBase.of(store, base);
        NetworkInput input = imported == null ? NetworkInput.OWN : imported.input();
        ModelExporter memberExporter = imported == null ? exporter : imported.exporter();
        for (int i = 0; i < members.size(); i++) {
            Path dir = runDir.resolve("member-" + (i + 1));
            RunFolder folder = new RunFolder(dir);
            Path model = dir.resolve(TrainServices.MODEL_FILE);
            String status = folder.hasState() ? folder.readState().status() : "new";
            boolean ended = !"new".equals(status) && !"running".equals(status) && !"stopped".equals(status);
            if (ended && (Files.isRegularFile(model) || "diverged".equals(status))) {
                tuned.add(Files.isRegularFile(model) ? model : null);
                continue;
            }
            byte[] network = members.get(i).network();
            String name = members.size() == 1 ? "" : "member " + (i + 1) + " of " + members.size() + ": ";
            listener.onMessage(name + "fine-tuning " + plan.start().baseName() + (members.size() == 1 ? "" : " member " + (i + 1)));
            TrainConfig config = withArchitecture(plan.config(), members.get(i).info().architecture());
            FineTuneSpec spec = folder.hasState() ? folder.readSpec().fineTune()
                    : plan.start().forMember(i + 1, replay == null || replay.general().isEmpty() ? null
                            : generalBaseline(restore(network, base, imported, config), input, replay, listener));
            Trainer trainer = new Trainer(null, memberExporter)
                    .fineTuning(new FineTuning(c -> restore(network, base, imported, c), input, replay, spec));
            TrainingResult r = folder.hasState() ? trainer.resume(data, dir, c -> c, listener, control)
                    : trainer.train(data, config, dir, listener, control);
            if ("stopped".equals(r.status())) {
                return new Result(runDir, null, "stopped", null, null, null, null);
            }
            if (r.model() == null) {
                listener.onMessage(name + String.format("no epoch kept the replay data's PublicTest within %.1f points of the base: this network keeps its base weights",
                        100 * spec.maxGeneralDrop()));
            }
            tuned.add(r.model());
        }
        return assemble(plan, base, members, tuned, data, replay, runDir, listener);
    }

    private Result assemble(Plan plan, Path base, List<EnsembleMembers.Candidate> members, List<Path> tuned, Dataset data,
                            Replay replay, Path runDir, TrainingListener listener) {
        Path out = runDir.resolve(TrainServices.MODEL_FILE);
        ModelMetadata baseMeta = store.metadata(base);
        Optional<EnsembleSpec> spec = store.ensemble(base);
        List<byte[]> files = new ArrayList<>();
        for (int i = 0; i < tuned.size(); i++) {
            files.add(tuned.get(i) == null ? members.get(i).network() : read(tuned.get(i)));
        }
        TrainingData split = TrainingData.of(data, plan.config(), m -> { });
        List<LabeledFace> own = split.test.isEmpty() ? split.validation : split.test;
        String ownName = split.test.isEmpty() ? "own held-out faces (" + split.validationName + ")" : "own PrivateTest faces";
        Map<String, Object> training = trainingInfo(plan, data, tuned);
        KerasSource keras = baseMeta.keras() == null || tuned.get(0) == null ? baseMeta.keras() : store.metadata(tuned.get(0)).keras();
        ModelMetadata provisional = metadata(baseMeta, keras, data, training, Map.of(), Map.of());
        if (spec.isEmpty()) {
            try {
                Files.write(out, files.get(0));
            } catch (IOException e) {
                throw new EmolensException("cannot write " + out + ": " + e.getMessage(), e);
            }
            store.writeMetadata(out, provisional);
        } else {
            List<EnsembleMember> entries = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                String[] entry = ModelStore.memberEntry(i, files.get(i));
                EnsembleMember m = spec.get().members().get(i);
                if (tuned.get(i) == null) {
                    entries.add(new EnsembleMember(entry[0], entry[1], m.name() + " (base weights kept)", m.architecture(), m.seed(), m.data(),
                            m.dataChecksum(), m.bestEpoch(), m.parameters(), m.flopsPerFace(), m.accuracy(), Map.of(), m.created()));
                    continue;
                }
                ModelMetadata tunedMeta = store.metadata(tuned.get(i));
                entries.add(new EnsembleMember(entry[0], entry[1], plan.start().baseName() + " member " + (i + 1) + ", fine-tuned",
                        m.architecture(), m.seed(), tunedMeta.data(), tunedMeta.dataChecksum(), tunedMeta.bestEpoch(), m.parameters(),
                        m.flopsPerFace(), tunedMeta.accuracy(), Map.of(), tunedMeta.created()));
            }
            EnsembleSpec s = spec.get();
            store.saveEnsemble(files, provisional, new EnsembleSpec(s.combination(), s.flipAverage(), s.temperature(),
                    s.temperatureFittedOn(), Map.of(), Map.of(), Map.of(), entries), out);
        }
        listener.onMessage("measuring the base and the fine-tuned model on " + own.size() + " " + ownName
                + (replay == null ? "" : " and FER2013 PrivateTest"));
        Evaluator evaluator = new Evaluator(256, false);
        Evaluation ownBefore;
        Evaluation ownAfter;
        Evaluation replayBefore = null;
        Evaluation replayAfter = null;
        List<LabeledFace> general = replay == null ? List.of() : replayTest(plan);
        try (EmotionClassifier before = store.load(base); EmotionClassifier after = store.load(out)) {
            ownBefore = evaluator.evaluate(before, own, ownName);
            ownAfter = evaluator.evaluate(after, own, ownName);
            if (!general.isEmpty()) {
                replayBefore = evaluator.evaluate(before, general, "FER2013 PrivateTest");
                replayAfter = evaluator.evaluate(after, general, "FER2013 PrivateTest");
            }
        }
        Map<String, Double> accuracy = new LinkedHashMap<>();
        Map<String, Double> macroF1 = new LinkedHashMap<>();
        accuracy.put("Own held-out", ownAfter.accuracy());
        macroF1.put("Own held-out", ownAfter.macroF1());
        training.put("own_held_out_faces", own.size());
        training.put("own_held_out_accuracy_base", ownBefore.accuracy());
        training.put("own_held_out_accuracy", ownAfter.accuracy());
        if (replayAfter != null) {
            accuracy.put(Split.PRIVATE_TEST.usage(), replayAfter.accuracy());
            macroF1.put(Split.PRIVATE_TEST.usage(), replayAfter.macroF1());
            training.put("fer2013_private_test_accuracy_base", replayBefore.accuracy());
        }
        store.writeMetadata(out, metadata(baseMeta, keras, data, training, accuracy, macroF1));
        Result result = new Result(runDir, out, "finished", ownBefore, ownAfter, replayBefore, replayAfter);
        try {
            Files.writeString(runDir.resolve(REPORT_TXT), result.format());
        } catch (IOException e) {
            listener.onMessage("could not write " + REPORT_TXT + ": " + e.getMessage());
        }
        return result;
    }

    /** The tuned model's metadata: the base's labels, input and (for an import) Keras source, with the tuned layout. */
    private ModelMetadata metadata(ModelMetadata base, KerasSource keras, Dataset data, Map<String, Object> training,
                                   Map<String, Double> accuracy, Map<String, Double> macroF1) {
        return new ModelMetadata(ModelMetadata.FORMAT_VERSION, base.labels(), base.inputSize(), base.normalization(),
                "fine-tuned " + base.architecture().replaceFirst("^(fine-tuned |personalized )+", ""),
                base.parameters(), base.flopsPerFace(), EnsembleMembers.fileName(data.source()), data.checksum(),
                ((Number) training.getOrDefault("epochs_run", 0)).intValue(), 0, ((Number) training.getOrDefault("train_seconds", 0.0)).doubleValue(),
                accuracy, macroF1, training, Instant.now().toString(), TrainServices.versions(), keras);
    }

    private Map<String, Object> trainingInfo(Plan plan, Dataset data, List<Path> tuned) {
        Map<String, Object> t = new LinkedHashMap<>();
        FineTuneSpec s = plan.start();
        t.put("kind", "fine-tune");
        t.put("base_model", s.baseName());
        t.put("base_checksum", s.baseChecksum());
        t.put("members", s.members());
        t.put("data", EnsembleMembers.fileName(data.source()));
        t.put("data_checksum", data.checksum());
        t.put("replay", s.replay() == null ? null : Path.of(s.replay()).getFileName().toString());
        t.put("replay_checksum", s.replayChecksum());
        t.put("replay_fraction", s.replayFraction());
        t.put("max_forgetting", s.maxGeneralDrop());
        t.put("learning_rate", plan.config().learningRate());
        t.put("max_epochs", plan.config().maxEpochs());
        t.put("batch_size", plan.config().batchSize());
        t.put("augment", plan.config().augment().toString());
        int epochs = 0;
        double seconds = 0;
        List<Integer> best = new ArrayList<>();
        for (Path p : tuned) {
            if (p == null) {
                best.add(0);
                continue;
            }
            ModelMetadata m = store.metadata(p);
            epochs += m.epochsRun();
            seconds += m.trainSeconds();
            best.add(m.bestEpoch());
        }
        t.put("epochs_run", epochs);
        t.put("best_epochs", best);
        t.put("train_seconds", seconds);
        return t;
    }

    /** The base network's accuracy on the replay data's PublicTest, the reference of the forgetting guard. Closes {@code network}. */
    private static double generalBaseline(Model network, NetworkInput input, Replay replay, TrainingListener listener) {
        try (TrainingNetwork net = new TrainingNetwork(network, input)) {
            double acc = new Evaluator(256, false).evaluate(new NetworkClassifier(net), replay.general(), "replay PublicTest").accuracy();
            listener.onMessage(String.format("base network: %.1f%% on the replay data's PublicTest (%d faces in general)", 100 * acc, replay.general().size()));
            return acc;
        }
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

    private static List<LabeledFace> replayTest(Plan plan) {
        return DatasetReader.readAny(Path.of(plan.start().replay()), ReadOptions.DEFAULT).split(Split.PRIVATE_TEST);
    }

    /** The base's member network with its trained weights, ready to train on the fast CPU path. */
    private static Model restore(byte[] network, Path base, ImportedBase imported, TrainConfig config) {
        if (imported != null) {
            return imported.network(config);
        }
        FastCpu.configure();
        try {
            return FastCpu.install(ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(network), false));
        } catch (IOException | RuntimeException e) {
            throw new EmolensException("cannot read the network of " + base + ": " + e.getMessage(), e);
        }
    }

    private static void writePlan(Path runDir, Plan plan) {
        new RunFolder(runDir).atomically(FINETUNE_JSON, tmp -> JSON.writeValue(tmp.toFile(), plan));
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new EmolensException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
