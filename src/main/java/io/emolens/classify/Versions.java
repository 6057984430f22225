package io.emolens.classify;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Properties;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/** Versions of Emolens and Deeplearning4j, recorded in model metadata and benchmark results. */
final class Versions {

    private Versions() {
    }

    static Map<String, String> current() {
        return Map.of("emolens", emolens(), "deeplearning4j", deeplearning4j(), "java", System.getProperty("java.version"));
    }

    static String emolens() {
        String v = Versions.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    static String deeplearning4j() {
        try (InputStream in = MultiLayerNetwork.class.getResourceAsStream(
                "/META-INF/maven/org.deeplearning4j/deeplearning4j-nn/pom.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
