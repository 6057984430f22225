package io.emolens.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.emolens.core.Csv;
import io.emolens.core.EmolensException;
import io.emolens.core.Emotion;
import io.emolens.core.EmotionScores;

/** {@code evaluate --predictions}: one CSV row per face or photo, its context columns, the label and the seven probabilities. */
final class PredictionsCsv {
    private PredictionsCsv() {
    }

    /** A row: {@code context}, the top label, the probabilities; empty label and values without any. */
    static String row(List<String> context, float[] probabilities) {
        List<String> fields = new ArrayList<>();
        fields.addAll(context);
        fields.add(probabilities == null ? "" : new EmotionScores(probabilities).top().label());
        for (int i = 0; i < Emotion.COUNT; i++) {
            fields.add(probabilities == null ? "" : String.format(Locale.ROOT, "%.6f", probabilities[i]));
        }
        return Csv.line(fields);
    }

    static void write(Path file, List<String> context, List<String> rows) {
        List<String> header = new ArrayList<>(context);
        header.add("label");
        for (Emotion e : Emotion.values()) {
            header.add(e.column());
        }
        List<String> lines = new ArrayList<>();
        lines.add(Csv.line(header));
        lines.addAll(rows);
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.write(file, lines);
        } catch (IOException e) {
            throw new EmolensException("cannot write " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }
}
