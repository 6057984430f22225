package io.emolens.archive.spark;

import io.emolens.archive.SparkRuntime;

/**
 * Spark logs through log4j 2 at INFO (hundreds of lines a run); embedded, the archive's console shows Spark's warnings
 * and errors only ({@code log4j2-archive.properties}). A configuration given with {@code -Dlog4j2.configurationFile},
 * and spark-submit's own, are left alone.
 */
final class QuietLogging {
    static final String KEY = "log4j2.configurationFile";

    private QuietLogging() {
    }

    static void install() {
        if (SparkRuntime.underSparkSubmit() || System.getProperty(KEY) != null) {
            return;
        }
        java.net.URL config = QuietLogging.class.getResource("log4j2-archive.properties");
        if (config != null) {
            System.setProperty(KEY, config.toString());
        }
    }
}
