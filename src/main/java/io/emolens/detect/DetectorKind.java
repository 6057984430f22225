package io.emolens.detect;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The face detectors Emolens ships: OpenCV's Haar cascade (the default) and the YuNet CNN. */
public enum DetectorKind {
    HAAR("haar", "Haar cascade"),
    YUNET("yunet", "YuNet CNN");

    private final String id;
    private final String title;

    DetectorKind(String id, String title) {
        this.id = id;
        this.title = title;
    }

    /** The name used on the command line and in JSON files: {@code haar} or {@code yunet}. */
    public String id() {
        return id;
    }

    /** The name shown to people, e.g. "YuNet CNN". */
    public String title() {
        return title;
    }

    /** The kind named {@code id} (any case); IllegalArgumentException listing the choices otherwise. */
    public static DetectorKind of(String id) {
        for (DetectorKind k : values()) {
            if (k.id.equalsIgnoreCase(id.trim())) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown face detector '" + id + "'; choose one of "
                + Arrays.stream(values()).map(DetectorKind::id).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return id.toLowerCase(Locale.ROOT);
    }
}
