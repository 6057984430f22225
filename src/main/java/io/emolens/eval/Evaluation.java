package io.emolens.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.emolens.core.EmolensException;
import io.emolens.core.Emotion;

/**
 * The result of scoring one split: its confusion matrix (see {@link ConfusionMatrix} for the row
 * convention), the mean cross-entropy of the predicted probabilities and the top-1 confidence bins of the
 * calibration error. All metrics derive from these.
 *
 * @param split       name of what was evaluated, e.g. "PrivateTest"
 * @param confusion   counts, rows = true label
 * @param logLoss     mean of {@code -ln p(true label)} (probabilities clipped at 1e-7), NaN when unknown
 * @param reliability top-1 confidence bins ({@link Reliability#BINS}), null when unknown
 */
public record Evaluation(String split, ConfusionMatrix confusion, double logLoss, Reliability reliability) {

    /** An evaluation without confidence bins (ECE unknown). */
    public Evaluation(String split, ConfusionMatrix confusion, double logLoss) {
        this(split, confusion, logLoss, null);
    }

    public double accuracy() {
        return confusion.accuracy();
    }

    public double macroF1() {
        return confusion.macroF1();
    }

    /** Expected calibration error over {@link Reliability#BINS} equal-width top-1 confidence bins; NaN when unknown. */
    public double ece() {
        return reliability == null ? Double.NaN : reliability.ece();
    }

    /**
     * The JSON document: {@code accuracy}, {@code macro_f1}, {@code log_loss}, {@code ece}, {@code per_class},
     * {@code confusion}, the ECE bins ({@code ece_bins}: upper bound, count, mean confidence, accuracy) and context keys.
     */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("split", split);
        json.put("images", confusion.total());
        json.put("accuracy", confusion.accuracy());
        json.put("macro_f1", confusion.macroF1());
        json.put("log_loss", Double.isNaN(logLoss) ? null : logLoss);
        json.put("ece", Double.isNaN(ece()) ? null : ece());
        Map<String, Object> perClass = new LinkedHashMap<>();
        for (Emotion e : Emotion.values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("precision", confusion.precision(e));
            m.put("recall", confusion.recall(e));
            m.put("f1", confusion.f1(e));
            m.put("support", confusion.support(e));
            perClass.put(e.label(), m);
        }
        json.put("per_class", perClass);
        json.put("labels", Emotion.labels());
        json.put("confusion_convention", "rows = true label, columns = predicted label, FER2013 order");
        List<long[]> rows = new ArrayList<>(List.of(confusion.toArray()));
        json.put("confusion", rows);
        if (reliability != null) {
            json.put("ece_bins", reliability.bins().stream().map(b -> {
                Map<String, Object> bin = new LinkedHashMap<>();
                bin.put("upper", b.upper());
                bin.put("count", b.count());
                bin.put("confidence", Double.isNaN(b.meanConfidence()) ? null : b.meanConfidence());
                bin.put("accuracy", Double.isNaN(b.accuracy()) ? null : b.accuracy());
                return bin;
            }).toList());
        }
        return json;
    }

    /** Writes {@link #toJson()} to {@code file}, creating its folder. */
    public void writeJson(Path file) {
        writeJson(file, Map.of());
    }

    /** Writes {@link #toJson()} and {@code extra} keys after it to {@code file}, creating its folder. */
    public void writeJson(Path file, Map<String, Object> extra) {
        Map<String, Object> json = toJson();
        json.putAll(extra);
        writeDocument(file, json);
    }

    /** Writes {@code json} as indented JSON to {@code file}, creating its folder (the evaluation files of every kind). */
    public static void writeDocument(Path file, Map<String, Object> json) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json);
        } catch (IOException e) {
            throw new EmolensException("cannot write evaluation JSON " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    /** Accuracy, macro-F1, a per-class table and the confusion matrix as console text. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%s: %d images, accuracy %.2f%%, macro-F1 %.4f", split, confusion.total(),
                100 * accuracy(), macroF1()));
        if (!Double.isNaN(logLoss)) {
            sb.append(String.format(", log-loss %.4f", logLoss));
        }
        if (!Double.isNaN(ece())) {
            sb.append(String.format(", ECE %.4f (%d bins)", ece(), Reliability.BINS));
        }
        sb.append(String.format("%n%-10s%10s%10s%10s%10s%n", "class", "precision", "recall", "F1", "support"));
        for (Emotion e : Emotion.values()) {
            sb.append(String.format("%-10s%10.4f%10.4f%10.4f%10d%n", e.label(), confusion.precision(e),
                    confusion.recall(e), confusion.f1(e), confusion.support(e)));
        }
        sb.append("confusion matrix (rows = true label, columns = predicted):\n").append(confusion.format());
        return sb.toString();
    }
}
