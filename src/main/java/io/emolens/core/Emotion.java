package io.emolens.core;

import java.util.List;
import java.util.Locale;

/** The seven FER2013 emotions, in the dataset's index order (0 = Angry … 6 = Neutral). */
public enum Emotion {
    ANGRY("Angry", 0xE53935),
    DISGUST("Disgust", 0x43A047),
    FEAR("Fear", 0x8E24AA),
    HAPPY("Happy", 0xFDD835),
    SAD("Sad", 0x1E88E5),
    SURPRISE("Surprise", 0xFB8C00),
    NEUTRAL("Neutral", 0x9E9E9E);

    /** Number of classes; every probability vector in Emolens has this length. */
    public static final int COUNT = 7;

    private final String label;
    private final int rgb;

    Emotion(String label, int rgb) {
        this.label = label;
        this.rgb = rgb;
    }

    /** Display name, as written in model metadata and CSV files. */
    public String label() {
        return label;
    }

    /** Lower-case column name used in {@code faces.csv}. */
    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Overlay colour as 0xRRGGBB. */
    public int rgb() {
        return rgb;
    }

    /** The FER2013 index of this emotion. */
    public int index() {
        return ordinal();
    }

    public static Emotion ofIndex(int index) {
        if (index < 0 || index >= COUNT) {
            throw new IllegalArgumentException("emotion index must be 0-6, was " + index);
        }
        return values()[index];
    }

    /** Parses a label or folder name case-insensitively ("happy", "Happy", "HAPPY"). */
    public static Emotion parse(String name) {
        for (Emotion e : values()) {
            if (e.label.equalsIgnoreCase(name.trim())) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown emotion '" + name + "'; expected one of " + labels());
    }

    /** Labels in FER2013 order. */
    public static List<String> labels() {
        return List.of("Angry", "Disgust", "Fear", "Happy", "Sad", "Surprise", "Neutral");
    }
}
