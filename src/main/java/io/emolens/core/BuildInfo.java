package io.emolens.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The Emolens version and the versions of the stack it was built with, filled in by Maven from pom.xml
 * ({@code build.properties}), so {@code --version}, About and model metadata never disagree with the build.
 */
public record BuildInfo(String version, String deeplearning4j, String javacv, String opencv) {

    /** The build's own versions. */
    public static BuildInfo current() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("build.properties")) {
            if (in == null) {
                throw new IllegalStateException("build.properties is missing from the Emolens classes: rebuild with Maven");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BuildInfo(p.getProperty("version"), p.getProperty("deeplearning4j"), p.getProperty("javacv"),
                p.getProperty("opencv").replaceFirst("-.*", ""));
    }

    /** The Java runtime running Emolens: version and vendor. */
    public static String javaRuntime() {
        return System.getProperty("java.runtime.version", System.getProperty("java.version")) + " ("
                + System.getProperty("java.vendor", "unknown vendor") + ")";
    }

    /** Lines for {@code emolens --version} and About. */
    public String[] describe() {
        return new String[] {
            "Emolens " + version,
            "Deeplearning4j " + deeplearning4j + ", JavaCV " + javacv + " (OpenCV " + opencv + ", FFmpeg)",
            "Java " + javaRuntime() + ", " + System.getProperty("os.name") + " " + System.getProperty("os.arch")
        };
    }
}
