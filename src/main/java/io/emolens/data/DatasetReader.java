package io.emolens.data;

import java.nio.file.Files;
import java.nio.file.Path;

import io.emolens.core.EmolensException;

/** Reads a FER2013 source into a {@link Dataset}, validating every row or image. */
public interface DatasetReader {

    /**
     * Reads {@code source}. Bad rows are skipped and reported in {@link Dataset#issues()}, or, with
     * {@link ReadOptions#strict()}, the first one stops the read.
     *
     * @throws EmolensException when the source is missing or unreadable, or in strict mode on a bad row
     */
    Dataset read(Path source, ReadOptions options);

    /** The reader for {@code source}: {@link Fer2013CsvReader} for a file, {@link ImageFolderReader} for a folder. */
    static DatasetReader forPath(Path source) {
        if (Files.isDirectory(source)) {
            return new ImageFolderReader();
        }
        if (Files.isRegularFile(source)) {
            return new Fer2013CsvReader();
        }
        throw new EmolensException("FER2013 data not found at " + source.toAbsolutePath()
                + ": give the fer2013.csv file or a folder with train/<class>/ and test/<class>/ images (--data)");
    }

    /** Reads {@code source} with the reader that fits it. */
    static Dataset readAny(Path source, ReadOptions options) {
        return forPath(source).read(source, options);
    }
}
