package io.emolens.train;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.emolens.classify.Dl4jEmotionClassifier;
import io.emolens.classify.EnsembleMember;
import io.emolens.classify.EnsembleSpec;
import io.emolens.classify.ModelMetadata;
import io.emolens.classify.ModelStore;
import io.emolens.classify.Probabilities;
import io.emolens.classify.Temperature;
import io.emolens.core.EmolensException;
import io.emolens.core.Emotion;
import io.emolens.data.Dataset;
import io.emolens.data.LabeledFace;
import io.emolens.data.Split;
import io.emolens.eval.Evaluation;
import io.emolens.eval.Evaluator;
import io.emolens.preprocess.FaceTensor;

/**
 * Builds an ensemble model file from member networks: checks that every member was trained on the given data,
 * scores each member (with flip averaging, if chosen) on PublicTest and PrivateTest, fits the temperature of the
 * members' mean probability on PublicTest (NLL), and saves the members with metadata listing each member's
 * accuracies, the combination, the flip setting, the temperature and the ensemble's accuracy, log-loss and ECE.
 */
public final class EnsembleBuilder {
    /** The split the temperature is fitted on; PrivateTest stays held out. */
    public static final Split FIT_SPLIT = Split.PUBLIC_TEST;
    private static final int BATCH = 128;
    private final ModelStore store = new ModelStore();
    private final Consumer<String> log;

    /** Reports progress lines to {@code log}. */
    public EnsembleBuilder(Consumer<String> log) {
        this.log = log;
    }

    /**
     * What was built and measured.
     *
     * @param model        the saved ensemble file
     * @param spec         its ensemble description
     * @param evaluations  per split: each member alone (as the ensemble runs it, no temperature), then the ensemble
     *                     uncalibrated, then the ensemble with the fitted temperature
     */
    public record Report(Path model, EnsembleSpec spec, Map<String, List<Evaluation>> evaluations) {
        /** A table: one row per member and for the ensemble, per split: accuracy, macro-F1, log-loss, ECE. */
        public String format() {
            StringBuilder sb = new StringBuilder(header());
            evaluations.forEach((split, list) -> {
                for (int i = 0; i < list.size(); i++) {
                    String name = i < spec.members().size() ? "member " + (i + 1) + " " + spec.members().get(i).name()
                            : i == spec.members().size() ? "ensemble, T = 1" : String.format("ensemble, T = %.3f", spec.temperature());
                    sb.append(row(name, list.get(i)));
                }
            });
            return sb.toString();
        }
    }

    /** The column titles of {@link #row}. */
    public static String header() {
        return String.format("%-34s%-12s%10s%10s%10s%8s%n", "model", "split", "accuracy", "macro-F1", "log-loss", "ECE");
    }

    /** One line of {@link Report#format()} and of {@code evaluate --members}. */
    public static String row(String name, Evaluation e) {
        String shortName = name.length() > 33 ? name.substring(0, 30) + "..." : name;
        return String.format("%-34s%-12s%9.2f%%%10.4f%10.4f%8.4f%n", shortName, e.split(), 100 * e.accuracy(), e.macroF1(), e.logLoss(), e.ece());
    }

    /** Builds the ensemble of {@code members} measured on {@code data} and saves it as {@code out} (replacing it). */
    public Report build(List<EnsembleMembers.Candidate> members, Dataset data, boolean flipAverage, Path out) {
        if (members.isEmpty()) {
            throw new EmolensException("an ensemble needs at least one member");
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (EnsembleMembers.Candidate c : members) {
            if (!seen.add(ModelStore.memberEntry(0, c.network())[1])) {
                throw new EmolensException("member " + c.info().name() + " is listed twice (the same network file): an ensemble of copies gains nothing");
            }
            if (!data.checksum().equals(c.info().dataChecksum())) {
                throw new EmolensException("member " + c.info().name() + " was trained on data " + c.info().dataChecksum() + " (" + c.info().data()
                        + "), but " + data.source() + " is " + data.checksum() + ": give --data the file the members were trained on, so PublicTest is the split they were selected on and PrivateTest stays unseen.");
            }
        }
        List<LabeledFace> fit = data.split(FIT_SPLIT);
        if (fit.isEmpty()) {
            throw new EmolensException("no " + FIT_SPLIT.usage() + " rows in " + data.source() + ": the temperature is fitted on them");
        }
        List<byte[]> files = members.stream().map(EnsembleMembers.Candidate::network).toList();
        List<EnsembleMember> entries = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            String[] entry = ModelStore.memberEntry(i, files.get(i));
            entries.add(withEntry(members.get(i).info(), entry[0], entry[1], Map.of()));
        }
        EnsembleSpec provisional = new EnsembleSpec(EnsembleSpec.MEAN_SOFTMAX, flipAverage, 1.0, null, Map.of(), Map.of(), Map.of(), entries);
        Map<String, List<float[][]>> scores = new LinkedHashMap<>();
        Map<String, List<LabeledFace>> faces = new LinkedHashMap<>();
        try (Dl4jEmotionClassifier classifier = store.loadEnsemble(files, metadata(members, data, flipAverage, Map.of(), Map.of()), provisional, out.getFileName().toString())) {
            for (Split split : List.of(Split.PUBLIC_TEST, Split.PRIVATE_TEST)) {
                List<LabeledFace> f = data.split(split);
                if (!f.isEmpty()) {
                    log.accept(String.format("scoring %d %s faces with %d member(s)%s ...", f.size(), split.usage(), members.size(), flipAverage ? " and their mirror images" : ""));
                    faces.put(split.usage(), f);
                    scores.put(split.usage(), memberScores(classifier, f));
                }
            }
        }
        List<float[]> fitMean = means(scores.get(FIT_SPLIT.usage()));
        double t = Temperature.fit(fitMean, Evaluator.truth(fit));
        log.accept(String.format("temperature fitted on %s: T = %.4f (NLL %.4f at T = 1, %.4f at T)", FIT_SPLIT.usage(), t,
                Temperature.nll(fitMean, Evaluator.truth(fit), 1), Temperature.nll(fitMean, Evaluator.truth(fit), t)));
        Map<String, List<Evaluation>> evaluations = new LinkedHashMap<>();
        Map<String, Double> accuracy = new LinkedHashMap<>();
        Map<String, Double> macroF1 = new LinkedHashMap<>();
        Map<String, Double> logLoss = new LinkedHashMap<>();
        Map<String, Double> ece = new LinkedHashMap<>();
        Map<String, Double> rawEce = new LinkedHashMap<>();
        scores.forEach((split, perMember) -> {
            List<Evaluation> list = evaluate(perMember, faces.get(split), split, t);
            evaluations.put(split, list);
            Evaluation calibrated = list.get(list.size() - 1);
            accuracy.put(split, calibrated.accuracy());
            macroF1.put(split, calibrated.macroF1());
            logLoss.put(split, calibrated.logLoss());
            ece.put(split, calibrated.ece());
            rawEce.put(split, list.get(list.size() - 2).ece());
        });
        List<EnsembleMember> finalMembers = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Map<String, Double> alone = new LinkedHashMap<>();
            int member = i;
            evaluations.forEach((split, list) -> alone.put(split, list.get(member).accuracy()));
            finalMembers.add(withEntry(entries.get(i), entries.get(i).entry(), entries.get(i).sha256(), alone));
        }
        EnsembleSpec spec = new EnsembleSpec(EnsembleSpec.MEAN_SOFTMAX, flipAverage, t, FIT_SPLIT.usage(), logLoss, ece, rawEce, finalMembers);
        store.saveEnsemble(files, metadata(members, data, flipAverage, accuracy, macroF1), spec, out);
        log.accept("saved " + out + " and " + ModelStore.metadataFile(out));
        return new Report(out, spec, evaluations);
    }

    /**
     * Adds the model {@code member} (a model file or run folder) to the ensemble {@code ensemble} and refits the
     * temperature, replacing the file; keeps its flip setting. A plain model or a file not there yet becomes the
     * first member(s) of a new ensemble with flip averaging.
     */
    public Report addMember(Path ensemble, Path member, Dataset data) {
        boolean exists = java.nio.file.Files.isRegularFile(ensemble);
        boolean flip = !exists || store.ensemble(ensemble).map(EnsembleSpec::flipAverage).orElse(true);
        List<Path> sources = exists ? List.of(ensemble, member) : List.of(member);
        return build(EnsembleMembers.resolve(sources), data, flip, ensemble);
    }

    /**
     * Each member of {@code classifier} alone (flip-averaged as the model runs it, no temperature), then the whole
     * model as it classifies (members averaged, temperature applied), on {@code faces}.
     */
    public static List<Evaluation> evaluateMembers(Dl4jEmotionClassifier classifier, List<LabeledFace> faces, String split) {
        List<float[][]> perMember = memberScores(classifier, faces);
        List<Evaluation> out = new ArrayList<>();
        for (float[][] member : perMember) {
            out.add(Evaluator.score(List.of(member), faces, split));
        }
        List<float[]> combined = new ArrayList<>(faces.size());
        for (int i = 0; i < faces.size(); i++) {
            combined.add(classifier.combine(perMember, i));
        }
        out.add(Evaluator.score(combined, faces, split));
        return out;
    }

    private static List<Evaluation> evaluate(List<float[][]> perMember, List<LabeledFace> faces, String split, double t) {
        List<Evaluation> out = new ArrayList<>();
        for (float[][] member : perMember) {
            out.add(Evaluator.score(List.of(member), faces, split));
        }
        List<float[]> mean = means(perMember);
        out.add(Evaluator.score(mean, faces, split));
        out.add(Evaluator.score(mean.stream().map(p -> Temperature.apply(p.clone(), t)).toList(), faces, split));
        return out;
    }

    /** {@code result.get(member)[face]}: every member's probabilities for every face, in batches. */
    private static List<float[][]> memberScores(Dl4jEmotionClassifier classifier, List<LabeledFace> faces) {
        List<float[][]> out = new ArrayList<>();
        for (int m = 0; m < classifier.members(); m++) {
            out.add(new float[faces.size()][]);
        }
        for (int start = 0; start < faces.size(); start += BATCH) {
            List<LabeledFace> batch = faces.subList(start, Math.min(faces.size(), start + BATCH));
            List<float[][]> p = classifier.memberProbabilities(batch.stream().map(LabeledFace::input).toList());
            for (int m = 0; m < p.size(); m++) {
                System.arraycopy(p.get(m), 0, out.get(m), start, batch.size());
            }
        }
        return out;
    }

    private static List<float[]> means(List<float[][]> perMember) {
        int n = perMember.get(0).length;
        List<float[]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int face = i;
            out.add(Probabilities.mean(perMember.stream().map(m -> m[face]).toList()));
        }
        return out;
    }

    private static EnsembleMember withEntry(EnsembleMember m, String entry, String sha, Map<String, Double> ensembleAccuracy) {
        return new EnsembleMember(entry, sha, m.name(), m.architecture(), m.seed(), m.data(), m.dataChecksum(), m.bestEpoch(),
                m.parameters(), m.flopsPerFace(), m.accuracy(), ensembleAccuracy, m.created());
    }

    private static ModelMetadata metadata(List<EnsembleMembers.Candidate> members, Dataset data, boolean flips, Map<String, Double> accuracy, Map<String, Double> macroF1) {
        long parameters = members.stream().mapToLong(c -> c.info().parameters()).sum();
        long flops = members.stream().mapToLong(c -> c.info().flopsPerFace()).sum() * (flips ? 2 : 1);
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("kind", "ensemble");
        training.put("members", members.size());
        return new ModelMetadata(ModelMetadata.FORMAT_VERSION, Emotion.labels(), FaceTensor.SIZE, FaceTensor.NORMALIZATION,
                EnsembleMembers.architecture(members), parameters, flops, EnsembleMembers.fileName(data.source()), data.checksum(),
                0, 0, 0, accuracy, macroF1, training, Instant.now().toString(), TrainServices.versions());
    }
}
