package io.emolens.classify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.emolens.core.EmolensException;
import io.emolens.core.Emotion;

/**
 * A model's output order as emotion labels, and the mapping of its probabilities into Emolens's FER2013 order, so a
 * model trained with alphabetical (or any) class order still fills faces.csv's columns correctly. Names are matched
 * case-insensitively, with the common spellings of Keras datasets (anger, disgusted, fearful, scared, happiness,
 * sadness, surprised).
 */
public final class LabelOrder {
    private static final Map<String, Emotion> ALIASES = Map.ofEntries(
            Map.entry("anger", Emotion.ANGRY), Map.entry("disgusted", Emotion.DISGUST), Map.entry("fearful", Emotion.FEAR),
            Map.entry("scared", Emotion.FEAR), Map.entry("afraid", Emotion.FEAR), Map.entry("happiness", Emotion.HAPPY),
            Map.entry("sadness", Emotion.SAD), Map.entry("surprised", Emotion.SURPRISE));
    private final List<String> labels;
    private final int[] ferIndex;

    private LabelOrder(List<String> labels, int[] ferIndex) {
        this.labels = labels;
        this.ferIndex = ferIndex;
    }

    /** Emolens's own order. */
    public static LabelOrder fer() {
        return of(Emotion.labels());
    }

    /**
     * The order {@code names} gives (the model's outputs, first to last); fails naming each unknown or repeated
     * label and any emotion left out.
     */
    public static LabelOrder of(List<String> names) {
        if (names == null || names.size() != Emotion.COUNT) {
            throw new EmolensException((names == null ? "no" : names.size()) + " labels given (" + names
                    + "); name the model's " + Emotion.COUNT + " outputs in its own order, e.g. " + String.join(",", Emotion.labels()));
        }
        List<String> problems = new ArrayList<>();
        List<String> canonical = new ArrayList<>();
        int[] index = new int[Emotion.COUNT];
        boolean[] seen = new boolean[Emotion.COUNT];
        for (int i = 0; i < names.size(); i++) {
            Emotion e = emotion(names.get(i));
            if (e == null) {
                problems.add("'" + names.get(i).trim() + "' (output " + i + ") is not one of the seven emotions");
                continue;
            }
            if (seen[e.index()]) {
                problems.add(e.label() + " is named twice");
            }
            seen[e.index()] = true;
            index[i] = e.index();
            canonical.add(e.label());
        }
        for (Emotion e : Emotion.values()) {
            if (!seen[e.index()] && problems.stream().noneMatch(p -> p.contains("is not one of"))) {
                problems.add(e.label() + " is missing");
            }
        }
        if (!problems.isEmpty()) {
            throw new EmolensException("labels " + String.join(",", names) + ": " + String.join("; ", problems)
                    + " (expected " + String.join(", ", Emotion.labels()) + ", in the model's output order)");
        }
        return new LabelOrder(List.copyOf(canonical), index);
    }

    /** Parses {@code "angry,disgust,…"} as given to {@code --labels}. */
    public static LabelOrder parse(String commaSeparated) {
        return of(Arrays.stream(commaSeparated.split(",", -1)).map(String::trim).toList());
    }

    private static Emotion emotion(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (Emotion e : Emotion.values()) {
            if (e.label().toLowerCase(Locale.ROOT).equals(n)) {
                return e;
            }
        }
        return ALIASES.get(n);
    }

    /** The canonical labels in the model's output order, as stored in metadata. */
    public List<String> labels() {
        return labels;
    }

    public boolean isFer() {
        return labels.equals(Emotion.labels());
    }

    /** The model's output index of {@code emotion}. */
    public int modelIndex(Emotion emotion) {
        for (int i = 0; i < Emotion.COUNT; i++) {
            if (ferIndex[i] == emotion.index()) {
                return i;
            }
        }
        throw new IllegalStateException(emotion + " has no output");
    }

    /** {@code modelOutput} rearranged into FER2013 order. */
    public float[] toFer(float[] modelOutput) {
        float[] out = new float[Emotion.COUNT];
        for (int i = 0; i < Emotion.COUNT; i++) {
            out[ferIndex[i]] = modelOutput[i];
        }
        return out;
    }
}
