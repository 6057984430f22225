package io.emolens.data;

/**
 * How to read a FER2013 source.
 *
 * @param strict stop with an error at the first bad row (file and line) instead of skipping and reporting it;
 *               default {@code false}
 */
public record ReadOptions(boolean strict) {

    /** Skip bad rows and report them. */
    public static final ReadOptions DEFAULT = new ReadOptions(false);
    /** Stop at the first bad row. */
    public static final ReadOptions STRICT = new ReadOptions(true);
}
