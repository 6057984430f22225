package io.emolens.session;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.emolens.classify.ModelMetadata;
import io.emolens.classify.ModelStore;
import io.emolens.core.Csv;
import io.emolens.core.EmolensException;
import io.emolens.core.Emotion;
import io.emolens.data.DataIssues;
import io.emolens.data.Dataset;
import io.emolens.data.LabeledFace;
import io.emolens.data.Split;
import io.emolens.record.CropsCsvReader;
import io.emolens.record.CropsCsvWriter;
import io.emolens.record.LabelSegment;
import io.emolens.train.FineTuneResult;
import io.emolens.train.FineTuner;
import io.emolens.train.ModelExporter;
import io.emolens.train.TrainConfig;
import io.emolens.train.TrainingControl;
import io.emolens.train.TrainingListener;
import io.emolens.train.TuneOptions;

/**
 * Makes a model read the user's own face better: takes the labeled face crops of recorded sessions, holds out the
 * last of several sessions whole (or, with one session, the last part of every label segment, so a moment is never
 * both trained on and tested on, and says that figure is optimistic), fine-tunes the base model on the rest
 * ({@link FineTuner}, with {@link TuneOptions}' defaults as {@code train --from}) and measures agreement with the
 * user's labels on the held-out crops before and after. The result is offered as a new model only when it agrees
 * more than its base; the base is only read.
 */
public final class Personalizer {
    /** Labeled crops an emotion needs to be learned; at least {@value #MIN_LABELS} emotions must have them. */
    public static final int MIN_CROPS_PER_LABEL = 10;
    public static final int MIN_LABELS = 2;
    /** Share of each label segment's crops, taken from its end, held out to measure agreement. */
    public static final double HELD_OUT = 0.25;

    private final FineTuner tuner;

    public Personalizer(ModelExporter exporter) {
        this.tuner = new FineTuner(exporter);
    }

    /** How many networks fine-tuning {@code base} trains one after the other: its ensemble members, or 1. */
    public static int memberRuns(Path base) {
        return new ModelStore().ensemble(base).map(s -> s.members().size()).orElse(1);
    }

    /**
     * The crops of {@code sessions} as a dataset: Training from the start of every label segment, PublicTest (the
     * held-out part) from its end. Emotions with fewer than {@value #MIN_CROPS_PER_LABEL} crops are left out, named in
     * {@code notes}.
     *
     * @throws EmolensException when fewer than {@value #MIN_LABELS} emotions have enough crops, saying which need how many more
     */
    public static Dataset crops(List<Path> sessions, List<String> notes) {
        if (sessions.isEmpty()) {
            throw new EmolensException("give at least one recorded session folder");
        }
        Map<Emotion, List<List<LabeledFace>>> segments = new EnumMap<>(Emotion.class);
        List<java.util.Set<Emotion>> labelsPerSession = new ArrayList<>();
        MessageDigest digest = sha256();
        for (Path folder : sessions) {
            RecordedSession session = RecordedSession.open(folder);
            String group = folder.toAbsolutePath().normalize().getFileName().toString();
            java.util.Set<Emotion> labels = EnumSet.noneOf(Emotion.class);
            for (Map.Entry<LabelSegment, List<LabeledFace>> e : segmentCrops(session, digest).entrySet()) {
                if (!e.getValue().isEmpty()) {
                    segments.computeIfAbsent(e.getKey().label(), k -> new ArrayList<>())
                            .add(e.getValue().stream().map(f -> f.withGroup(group)).toList());
                    labels.add(e.getKey().label());
                }
            }
            labelsPerSession.add(labels);
        }
        Map<Emotion, Integer> counts = new EnumMap<>(Emotion.class);
        segments.forEach((label, list) -> counts.put(label, list.stream().mapToInt(List::size).sum()));
        long enough = counts.values().stream().filter(n -> n >= MIN_CROPS_PER_LABEL).count();
        if (enough < MIN_LABELS) {
            throw new EmolensException(shortage(counts));
        }
        String heldSession = wholeSessionHeldOut(sessions, labelsPerSession);
        notes.add(heldSession != null ? "held out: the whole session " + heldSession + ", never learned from"
                : "held out: the last quarter of every label segment, from the same session" + (sessions.size() == 1 ? "" : "s")
                        + " as the crops learned from, so the agreement figure is optimistic for new sessions"
                        + (sessions.size() == 1 ? " (with two or more sessions, the last is held out whole)" : ""));
        List<LabeledFace> faces = new ArrayList<>();
        for (Map.Entry<Emotion, List<List<LabeledFace>>> e : segments.entrySet()) {
            if (counts.get(e.getKey()) < MIN_CROPS_PER_LABEL) {
                notes.add(String.format("%s left out: %d labeled crops, %d needed", e.getKey().label(), counts.get(e.getKey()), MIN_CROPS_PER_LABEL));
                continue;
            }
            for (List<LabeledFace> segment : e.getValue()) {
                int held = heldSession != null || segment.size() < 2 ? 0 : Math.max(1, (int) Math.round(segment.size() * HELD_OUT));
                for (int i = 0; i < segment.size(); i++) {
                    LabeledFace f = segment.get(i);
                    boolean heldOut = heldSession != null ? heldSession.equals(f.group()) : i >= segment.size() - held;
                    faces.add(f.withSplit(heldOut ? Split.PUBLIC_TEST : Split.TRAINING));
                }
            }
        }
        String source = sessions.size() == 1 ? sessions.get(0).toString() : sessions.size() + " sessions";
        return new Dataset(source, faces, new DataIssues(), "sha256:" + HexFormat.of().formatHex(digest.digest()));
    }

    /**
     * The session held out whole: the last of several, when every emotion labeled in it is labeled in the others too
     * (so what it tests was learned); null when there is one session or the last has emotions of its own.
     */
    private static String wholeSessionHeldOut(List<Path> sessions, List<java.util.Set<Emotion>> labels) {
        if (sessions.size() < 2) {
            return null;
        }
        java.util.Set<Emotion> others = EnumSet.noneOf(Emotion.class);
        labels.subList(0, labels.size() - 1).forEach(others::addAll);
        java.util.Set<Emotion> last = labels.get(labels.size() - 1);
        return !last.isEmpty() && others.containsAll(last)
                ? sessions.get(sessions.size() - 1).toAbsolutePath().normalize().getFileName().toString() : null;
    }

    /** "Personalizing needs …": which emotions have how many crops and how many more are needed. */
    static String shortage(Map<Emotion, Integer> counts) {
        StringBuilder have = new StringBuilder();
        counts.forEach((e, n) -> have.append(have.length() == 0 ? "" : ", ").append(e.label()).append(' ').append(n));
        return "Personalizing needs at least " + MIN_CROPS_PER_LABEL + " labeled face crops for each of at least " + MIN_LABELS
                + " emotions; these sessions have " + (counts.isEmpty() ? "none" : have) + ". Record more with keys 1-7 held for"
                + " a few seconds per emotion (5 crops are saved per second), e.g. " + MIN_CROPS_PER_LABEL / 5 + " s or more of each of two emotions.";
    }

    /** The crops of every label segment of {@code session}, in time order. */
    private static Map<LabelSegment, List<LabeledFace>> segmentCrops(RecordedSession session, MessageDigest digest) {
        Map<LabelSegment, List<LabeledFace>> out = new LinkedHashMap<>();
        session.labels().forEach(s -> out.put(s, new ArrayList<>()));
        Path file = session.crops();
        if (!Files.isRegularFile(file)) {
            throw new EmolensException(session.folder() + " has no " + file.getFileName() + ": it was recorded before face crops were"
                    + " saved, so it cannot personalize a model. Record the session again.");
        }
        CropsCsvReader.forEach(file, crop -> {
            for (LabelSegment s : session.labels()) {
                if (s.contains(crop.sessionMs())) {
                    digest.update(Csv.line(crop.sessionMs(), crop.frame(), crop.faceId(), CropsCsvWriter.pixelText(crop.pixels()))
                            .getBytes(StandardCharsets.US_ASCII));
                    out.get(s).add(new LabeledFace(crop.pixels(), s.label(), Split.TRAINING, file.getFileName() + ":" + crop.line()));
                    break;
                }
            }
        });
        return out;
    }

    /**
     * The outcome: the fine-tuning result and the model file the user may switch to (empty when the tuned model does
     * not agree more with the user's labels than its base, or the run was stopped).
     */
    public record Outcome(FineTuneResult result, Optional<Path> model, List<String> notes) {

        public String format() {
            StringBuilder sb = new StringBuilder();
            notes.forEach(n -> sb.append(n).append('\n'));
            sb.append(result.format());
            if (result.model() != null && model.isEmpty()) {
                sb.append("The fine-tuned model does not agree with your labels more than its base on the held-out crops, so it is not offered; the base stays in use. (It is kept in ")
                        .append(result.runDir()).append(".)\n");
            }
            model.ifPresent(m -> sb.append("personalized model: ").append(m.toAbsolutePath()).append('\n'));
            return sb.toString();
        }
    }

    /**
     * Fine-tunes {@code base} on the labeled crops of {@code sessions} in {@code runDir} and, when it agrees more with
     * the user's held-out labels, copies it to {@code out} with metadata naming its base and sessions.
     */
    public Outcome personalize(Path base, List<Path> sessions, Path replay, Path runDir, Path out, TrainingListener listener,
                               TrainingControl control) {
        return personalize(base, sessions, TuneOptions.defaults(replay), runDir, out, listener, control);
    }

    /** As above, with the forgetting guard's limit {@code maxForgetting} (a fraction: 0.01 = one point on the replay data's PublicTest). */
    public Outcome personalize(Path base, List<Path> sessions, Path replay, double maxForgetting, Path runDir, Path out,
                               TrainingListener listener, TrainingControl control) {
        return personalize(base, sessions, TuneOptions.defaults(replay).withMaxGeneralDrop(maxForgetting), runDir, out, listener, control);
    }

    /** As above, tuned as {@code options} say. */
    public Outcome personalize(Path base, List<Path> sessions, TuneOptions options, Path runDir, Path out,
                               TrainingListener listener, TrainingControl control) {
        List<String> notes = new ArrayList<>();
        Dataset data = crops(sessions, notes);
        notes.forEach(listener::onMessage);
        String architecture = tuner.checkBase(base);
        int train = data.split(Split.TRAINING).size();
        listener.onMessage(String.format("%d labeled crops: %d to learn from, %d held out", data.faces().size(), train, data.faces().size() - train));
        TrainConfig config = FineTuner.defaults(architecture);
        FineTuneResult result = tuner.fineTune(base, data, config, options, runDir, listener, control);
        if (result.model() == null || !result.improved()) {
            return new Outcome(result, Optional.empty(), notes);
        }
        ModelStore store = new ModelStore();
        ModelMetadata m = store.metadata(result.model());
        Map<String, Object> training = new LinkedHashMap<>(m.training());
        training.put("kind", "personalized");
        training.put("sessions", sessions.stream().map(p -> p.toAbsolutePath().normalize().getFileName().toString()).toList());
        ModelMetadata named = new ModelMetadata(m.formatVersion(), m.labels(), m.inputSize(), m.normalization(),
                m.architecture().replaceFirst("^fine-tuned ", "personalized "), m.parameters(), m.flopsPerFace(), m.data(), m.dataChecksum(),
                m.epochsRun(), m.bestEpoch(), m.trainSeconds(), m.accuracy(), m.macroF1(), training, m.created(), m.versions());
        try {
            Files.createDirectories(out.toAbsolutePath().getParent());
            Path tmp = out.resolveSibling(out.getFileName() + ".part");
            Files.copy(result.model(), tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.copy(ModelStore.metadataFile(result.model()), ModelStore.metadataFile(out), StandardCopyOption.REPLACE_EXISTING);
            store.writeMetadata(out, named);
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new EmolensException("cannot save the personalized model as " + out + ": " + e.getMessage(), e);
        }
        return new Outcome(result, Optional.of(out), notes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
