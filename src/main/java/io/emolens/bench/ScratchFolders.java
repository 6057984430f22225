package io.emolens.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The temporary folders benchmarks record sessions into: removed whole when the measurement is done. */
public final class ScratchFolders {
    private ScratchFolders() {
    }

    /** Deletes {@code dir} and everything under it (files first, then their folders). */
    public static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
