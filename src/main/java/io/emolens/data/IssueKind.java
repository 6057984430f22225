package io.emolens.data;

/** Why a FER2013 row or image was rejected. */
public enum IssueKind {
    MISSING_COLUMN("missing column"),
    WRONG_PIXEL_COUNT("wrong pixel count"),
    NON_NUMERIC_PIXEL("non-numeric pixel"),
    PIXEL_OUT_OF_RANGE("pixel outside 0-255"),
    LABEL_OUT_OF_RANGE("label outside 0-6"),
    UNKNOWN_USAGE("unknown Usage"),
    UNKNOWN_CLASS_FOLDER("unknown class folder"),
    UNREADABLE_IMAGE("unreadable image"),
    NO_FACE("no face found"),
    LINE_TOO_LONG("line too long"),
    MALFORMED_LINE("malformed CSV line");

    private final String description;

    IssueKind(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
