package io.emolens.detect;

/**
 * The settings of one face detector, which also say which detector they are for: {@link DetectorConfig} for the
 * Haar cascade, {@link YunetConfig} for YuNet. Immutable records; session.json and summary.json store them with
 * their {@link #kind()} as {@code "name"}. Serializable, so a Spark job ships them to its executors.
 */
public sealed interface DetectorSettings extends java.io.Serializable permits DetectorConfig, YunetConfig {

    /** The detector these settings are for. */
    DetectorKind kind();

    /** Frames wider than this are downscaled to it before detection; 0 = never. */
    int detectWidth();

    /** The same settings detecting at {@code width} px wide (0 = full width). */
    DetectorSettings withDetectWidth(int width);

    /** In words, for the status bar and the session review. */
    String describe();
}
