package io.emolens.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.emolens.classify.EmotionClassifier;
import io.emolens.classify.EnsembleMember;
import io.emolens.classify.EnsembleSpec;
import io.emolens.classify.KerasSource;
import io.emolens.classify.ModelMetadata;
import io.emolens.classify.ModelStore;
import io.emolens.core.EmolensException;
import io.emolens.data.Dataset;
import io.emolens.data.LabeledFace;
import io.emolens.data.Split;
import io.emolens.eval.Evaluation;
import io.emolens.eval.Evaluator;

/**
 * Puts a fine-tuning run's members together as {@code RUN_DIR/model.zip} with the base's inference (flip averaging,
 * temperature) and metadata naming the base, the data, the replay and the method, then measures the base and the tuned
 * model on the held-out faces and, when replaying, on FER2013 PublicTest and PrivateTest, and writes the report.
 */
final class TunedModel {
    static final String REPORT_TXT = "finetune-report.txt";

    private final ModelStore store = new ModelStore();
    private final FineTuner.Plan plan;
    private final BaseModel base;

    TunedModel(FineTuner.Plan plan, BaseModel base) {
        this.plan = plan;
        this.base = base;
    }

    /** Assembles {@code tuned} (null: that member keeps its base weights) and reports on {@code split}'s held-out faces. */
    FineTuneResult assemble(List<Path> tuned, Dataset data, TrainingData split, Replay replay, Path runDir, TrainingListener listener) {
        Path out = runDir.resolve(TrainServices.MODEL_FILE);
        ModelMetadata baseMeta = store.metadata(base.file);
        Map<String, Object> training = trainingInfo(data, tuned);
        KerasSource keras = baseMeta.keras() == null || tuned.get(0) == null ? baseMeta.keras() : store.metadata(tuned.get(0)).keras();
        write(tuned, out, metadata(baseMeta, keras, data, training, Map.of(), Map.of()));
        List<LabeledFace> own = split.test.isEmpty() ? split.validation : split.test;
        String ownName = split.test.isEmpty() ? "own held-out faces (" + split.validationName + ")" : "own PrivateTest faces";
        listener.onMessage("measuring the base and the fine-tuned model on " + own.size() + " " + ownName
                + (replay == null ? "" : " and FER2013 PublicTest and PrivateTest"));
        Evaluator evaluator = new Evaluator(256, false);
        Evaluation[] e = new Evaluation[6];
        try (EmotionClassifier before = store.load(base.file); EmotionClassifier after = store.load(out)) {
            e[0] = evaluator.evaluate(before, own, ownName);
            e[1] = evaluator.evaluate(after, own, ownName);
            if (replay != null && !replay.general().isEmpty()) {
                e[2] = evaluator.evaluate(before, replay.general(), Split.PUBLIC_TEST.usage());
                e[3] = evaluator.evaluate(after, replay.general(), Split.PUBLIC_TEST.usage());
            }
            if (replay != null && !replay.test().isEmpty()) {
                e[4] = evaluator.evaluate(before, replay.test(), Split.PRIVATE_TEST.usage());
                e[5] = evaluator.evaluate(after, replay.test(), Split.PRIVATE_TEST.usage());
            }
        }
        Map<String, Double> accuracy = new LinkedHashMap<>();
        Map<String, Double> macroF1 = new LinkedHashMap<>();
        accuracy.put("Own held-out", e[1].accuracy());
        macroF1.put("Own held-out", e[1].macroF1());
        training.put("own_held_out", split.test.isEmpty() ? split.validationName : "PrivateTest");
        training.put("own_held_out_optimistic", split.test.isEmpty() && split.optimistic);
        training.put("own_held_out_faces", own.size());
        training.put("own_held_out_accuracy_base", e[0].accuracy());
        training.put("own_held_out_accuracy", e[1].accuracy());
        if (e[3] != null) {
            accuracy.put(Split.PUBLIC_TEST.usage(), e[3].accuracy());
            macroF1.put(Split.PUBLIC_TEST.usage(), e[3].macroF1());
            training.put("fer2013_public_test_accuracy_base", e[2].accuracy());
        }
        if (e[5] != null) {
            accuracy.put(Split.PRIVATE_TEST.usage(), e[5].accuracy());
            macroF1.put(Split.PRIVATE_TEST.usage(), e[5].macroF1());
            training.put("fer2013_private_test_accuracy_base", e[4].accuracy());
        }
        store.writeMetadata(out, metadata(baseMeta, keras, data, training, accuracy, macroF1));
        FineTuneResult result = new FineTuneResult(runDir, out, "finished", e[0], e[1], split.test.isEmpty() && split.optimistic,
                e[2], e[3], e[4], e[5]);
        try {
            Files.writeString(runDir.resolve(REPORT_TXT), result.format());
        } catch (IOException ex) {
            listener.onMessage("could not write " + REPORT_TXT + ": " + ex.getMessage());
        }
        return result;
    }

    /** Writes the model file: the one network of a plain base, or an ensemble with the base's inference. */
    private void write(List<Path> tuned, Path out, ModelMetadata provisional) {
        List<byte[]> files = new ArrayList<>();
        for (int i = 0; i < tuned.size(); i++) {
            files.add(tuned.get(i) == null ? base.members.get(i).network() : read(tuned.get(i)));
        }
        Optional<EnsembleSpec> spec = store.ensemble(base.file);
        if (spec.isEmpty()) {
            try {
                Files.write(out, files.get(0));
            } catch (IOException e) {
                throw new EmolensException("cannot write " + out + ": " + e.getMessage(), e);
            }
            store.writeMetadata(out, provisional);
            return;
        }
        List<EnsembleMember> entries = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            String[] entry = ModelStore.memberEntry(i, files.get(i));
            EnsembleMember m = spec.get().members().get(i);
            if (tuned.get(i) == null) {
                entries.add(new EnsembleMember(entry[0], entry[1], m.name() + " (base weights kept)", m.architecture(), m.seed(), m.data(),
                        m.dataChecksum(), m.bestEpoch(), m.parameters(), m.flopsPerFace(), m.accuracy(), Map.of(), m.created()));
                continue;
            }
            ModelMetadata t = store.metadata(tuned.get(i));
            entries.add(new EnsembleMember(entry[0], entry[1], plan.start().baseName() + " member " + (i + 1) + ", fine-tuned",
                    m.architecture(), m.seed(), t.data(), t.dataChecksum(), t.bestEpoch(), m.parameters(),
                    m.flopsPerFace(), t.accuracy(), Map.of(), t.created()));
        }
        EnsembleSpec s = spec.get();
        store.saveEnsemble(files, provisional, new EnsembleSpec(s.combination(), s.flipAverage(), s.temperature(),
                s.temperatureFittedOn(), Map.of(), Map.of(), Map.of(), entries), out);
    }

    /** The tuned model's metadata: the base's labels, input and (for an import) Keras source, with the tuned layout. */
    private static ModelMetadata metadata(ModelMetadata base, KerasSource keras, Dataset data, Map<String, Object> training,
                                          Map<String, Double> accuracy, Map<String, Double> macroF1) {
        return new ModelMetadata(ModelMetadata.FORMAT_VERSION, base.labels(), base.inputSize(), base.normalization(),
                "fine-tuned " + base.architecture().replaceFirst("^(fine-tuned |personalized )+", ""),
                base.parameters(), base.flopsPerFace(), EnsembleMembers.fileName(data.source()), data.checksum(),
                ((Number) training.getOrDefault("epochs_run", 0)).intValue(), 0, ((Number) training.getOrDefault("train_seconds", 0.0)).doubleValue(),
                accuracy, macroF1, training, Instant.now().toString(), TrainServices.versions(), keras);
    }

    private Map<String, Object> trainingInfo(Dataset data, List<Path> tuned) {
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
        t.put("method", s.method());
        t.put("tuned_layers", s.tunedLayers() == 0 ? "all" : s.tunedLayers());
        t.put("batch_norm_frozen", s.batchNormFrozen());
        t.put("l2_sp", s.l2sp());
        t.put("warmup_epochs", s.warmupEpochs());
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

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new EmolensException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
