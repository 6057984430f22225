package io.emolens.preprocess;

import java.util.Arrays;
import java.util.Locale;

/**
 * How gray pixel values 0–255 are mapped to network input: {@code unit} pixel/255 (Emolens's own models),
 * {@code signed} pixel/127.5 − 1 (many Keras models, e.g. mini-Xception), {@code raw} 0–255 unchanged.
 * The option name is what users type; the metadata value is what a model's JSON records.
 */
public enum Normalization {
    UNIT("unit", "pixel/255", 255f, 0),
    SIGNED("signed", "pixel/127.5-1", 127.5f, -1),
    RAW("raw", "pixel", 1, 0);

    private final String option;
    private final String metadataValue;
    private final float divisor;
    private final float offset;

    Normalization(String option, String metadataValue, float divisor, float offset) {
        this.option = option;
        this.metadataValue = metadataValue;
        this.divisor = divisor;
        this.offset = offset;
    }

    /** The name used on the command line and in the import dialog: unit, signed or raw. */
    public String option() {
        return option;
    }

    /** The value stored in model metadata ({@code normalization}). */
    public String metadataValue() {
        return metadataValue;
    }

    /** The network input for a (possibly interpolated) gray value in 0..255. */
    public float apply(float gray) {
        return gray / divisor + offset;
    }

    /** The normalization named {@code name} (an option or a metadata value, any case). */
    public static Normalization parse(String name) {
        for (Normalization n : values()) {
            if (n.option.equalsIgnoreCase(name) || n.metadataValue.equalsIgnoreCase(name)) {
                return n;
            }
        }
        throw new IllegalArgumentException("unknown normalization '" + name + "': use "
                + String.join(", ", Arrays.stream(values()).map(Normalization::option).toList()));
    }

    /** True when {@code name} names a normalization. */
    public static boolean known(String name) {
        return name != null && Arrays.stream(values()).anyMatch(n -> n.option.equals(name.toLowerCase(Locale.ROOT))
                || n.metadataValue.equalsIgnoreCase(name));
    }
}
