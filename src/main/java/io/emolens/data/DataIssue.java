package io.emolens.data;

/**
 * One rejected row or image.
 *
 * @param kind    what was wrong
 * @param file    the file holding the row, or the image file
 * @param line    1-based line number in {@code file} (the header is line 1), or 0 for images
 * @param message what exactly was found, e.g. {@code "2303 pixels, expected 2304"}
 */
public record DataIssue(IssueKind kind, String file, long line, String message) {

    /** {@code "fer2013.csv line 17: wrong pixel count (2303 pixels, expected 2304)"}. */
    public String describe() {
        String where = line > 0 ? file + " line " + line : file;
        return where + ": " + kind.description() + " (" + message + ")";
    }
}
