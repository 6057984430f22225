package io.emolens.archive.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.apache.spark.SparkFiles;
import org.apache.spark.api.java.JavaSparkContext;

import io.emolens.archive.ExecutorSetup;
import io.emolens.core.EmolensException;

/**
 * The files an executor's analyzer needs (face detector, model), shipped from the driver with Spark's own file
 * distribution ({@code addFile}, fetched once per executor), and laid out on the executor as an Emolens home folder.
 */
final class Shipping {
    private Shipping() {
    }

    /** Ships {@code setup}'s files; returns, for each path under the home folder, the name Spark ships it by. */
    static HashMap<String, String> ship(JavaSparkContext jsc, ExecutorSetup setup) {
        HashMap<String, String> names = new HashMap<>();
        for (Map.Entry<String, Path> f : setup.files().entrySet()) {
            Path file = f.getValue().toAbsolutePath();
            if (!Files.isRegularFile(file)) {
                throw new EmolensException("Cannot ship " + file + " to the executors: not a file.");
            }
            String name = file.getFileName().toString();
            if (names.containsValue(name)) {
                throw new EmolensException("Two files to ship are named " + name + "; rename one.");
            }
            jsc.addFile(file.toString());
            names.put(f.getKey(), name);
        }
        return names;
    }

    /** A new home folder on this executor whose files link to the shipped ones. */
    static Path home(Map<String, String> shipped) {
        try {
            Path home = Files.createTempDirectory(Path.of(SparkFiles.getRootDirectory()), "emolens-home");
            for (Map.Entry<String, String> f : shipped.entrySet()) {
                Path target = home.resolve(f.getKey());
                Files.createDirectories(target.getParent());
                Files.createSymbolicLink(target, Path.of(SparkFiles.get(f.getValue())));
            }
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lay out the shipped files: " + e.getMessage(), e);
        }
    }
}
