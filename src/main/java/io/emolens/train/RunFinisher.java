package io.emolens.train;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.emolens.data.Dataset;
import io.emolens.eval.ConfusionHeatmap;
import io.emolens.eval.Evaluation;
import io.emolens.eval.Evaluator;

/**
 * Ends a run: reloads the best epoch (or the weight average, when the run averages), evaluates it on the training sample, PublicTest and PrivateTest,
 * writes {@code evaluation.json} and {@code confusion.png} (PrivateTest), {@code diagnosis.txt} and
 * {@code curves.png}, and exports the model.
 */
final class RunFinisher {
    static final String EVALUATION_JSON = "evaluation.json";
    static final String CONFUSION_PNG = "confusion.png";
    static final String DIAGNOSIS_TXT = "diagnosis.txt";

    private final RunFolder folder;
    private final TrainConfig config;
    private final ModelExporter exporter;
    private final TrainingListener listener;
    private final NetworkInput input;

    RunFinisher(RunFolder folder, TrainConfig config, ModelExporter exporter, TrainingListener listener, NetworkInput input) {
        this.input = input;
        this.folder = folder;
        this.config = config;
        this.exporter = exporter;
        this.listener = listener;
    }

    TrainingResult finish(Dataset data, TrainingData split, RunState state) {
        folder.writeState(state);
        Diagnosis diagnosis = Diagnosis.of(state.history(), state.bestEpoch());
        if (state.best() == null) {
            listener.onMessage("no epoch completed: no model to save");
            TrainingResult r = new TrainingResult(folder.dir(), state.status(), 0, state.history(), null, null, diagnosis, null, List.of());
            listener.onFinish(r);
            return r;
        }
        writeText(DIAGNOSIS_TXT, diagnosis.text() + "\n");
        writeChart(folder, state, listener);
        List<Integer> averaged = config.averageFrom() > 0 && state.average() != null ? state.averagedEpochs() : List.of();
        if (config.averageFrom() > 0 && averaged.isEmpty()) {
            listener.onMessage("no epoch reached --average-from " + config.averageFrom() + ": the model is the best epoch's weights");
        }
        String kept = averaged.isEmpty() ? "epoch " + state.bestEpoch() : "the mean of epochs " + state.averagedRange();
        listener.onMessage("evaluating " + kept + (averaged.isEmpty() ? " (the best)" : " (weight average; the best single epoch was " + state.bestEpoch() + ")")
                + " on " + split.validationName + (split.test.isEmpty() ? "" : " and PrivateTest"));
        try (TrainingNetwork best = TrainingNetwork.load(folder.file(averaged.isEmpty() ? state.best() : state.average()), input)) {
            NetworkClassifier classifier = new NetworkClassifier(best);
            Evaluator evaluator = new Evaluator(256, false);
            Map<String, Evaluation> evaluations = new LinkedHashMap<>();
            evaluations.put("Training sample", evaluator.evaluate(classifier, split.trainSample, "Training sample"));
            Evaluation validation = evaluator.evaluate(classifier, split.validation, split.validationName);
            evaluations.put(split.validationName, validation);
            Evaluation test = split.test.isEmpty() ? null : evaluator.evaluate(classifier, split.test, "PrivateTest");
            if (test != null) {
                evaluations.put("PrivateTest", test);
            }
            Evaluation reported = test != null ? test : validation;
            reported.writeJson(folder.file(EVALUATION_JSON));
            ConfusionHeatmap.write(reported.confusion(), "Confusion matrix, " + reported.split() + ", " + kept, folder.file(CONFUSION_PNG));
            double seconds = state.history().stream().mapToDouble(EpochStats::seconds).sum();
            Path model = exporter.export(best.model(), new ModelExporter.Info(config, data.source(), data.checksum(),
                    averaged.isEmpty() ? state.bestEpoch() : averaged.get(averaged.size() - 1), state.epochsDone(), seconds, evaluations,
                    averaged), folder.dir());
            TrainingResult r = new TrainingResult(folder.dir(), state.status(), state.bestEpoch(), state.history(),
                    validation, test, diagnosis, model, averaged);
            listener.onFinish(r);
            return r;
        }
    }

    /** Rewrites curves.png; a failure to draw is reported, never fatal. */
    static void writeChart(RunFolder folder, RunState state, TrainingListener listener) {
        try {
            List<Integer> averaged = state.average() == null ? List.of() : state.averagedEpochs();
            String title = averaged.isEmpty() ? "Learning curves (best epoch " + state.bestEpoch() + ")"
                    : "Learning curves (mean of epochs " + state.averagedRange() + "; best single epoch " + state.bestEpoch() + ")";
            folder.atomically(RunFolder.CURVES_PNG, tmp -> CurvesChart.write(state.history(), state.bestEpoch(), averaged, title, tmp));
        } catch (RuntimeException | java.awt.AWTError | LinkageError e) {
            listener.onMessage("curves.png not written: " + e);
        }
    }

    private void writeText(String name, String text) {
        folder.atomically(name, tmp -> Files.writeString(tmp, text, StandardCharsets.UTF_8));
    }
}
