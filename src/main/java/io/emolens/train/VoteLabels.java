package io.emolens.train;

import java.nio.file.Path;

import io.emolens.classify.ModelStore;
import io.emolens.core.EmolensException;
import io.emolens.data.FerPlusVotes;
import io.emolens.data.LabelMode;

/**
 * Where a run's Training targets come from when they are not FER2013's own labels: a FER+ votes file and the
 * {@link LabelMode} that turns its votes into targets. Saved with the run's settings so a resumed run reads the same.
 *
 * @param file     the votes file (absolute path)
 * @param mode     the label mode as {@link LabelMode#parse} reads it
 * @param checksum {@code sha256:<hex>} of the file's bytes, checked on resume
 */
public record VoteLabels(String file, String mode, String checksum) {

    public LabelMode labelMode() {
        return LabelMode.parse(mode);
    }

    /** Describes {@code file} read as {@code mode}, with the file's checksum. */
    public static VoteLabels of(Path file, LabelMode mode) {
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new EmolensException("FER+ votes file not found: " + file);
        }
        return new VoteLabels(file.toAbsolutePath().toString(), mode.toString(), "sha256:" + ModelStore.sha256(file));
    }

    /** The votes, after checking that the file is the one the run started with. */
    public FerPlusVotes read() {
        Path path = Path.of(file);
        if (!java.nio.file.Files.isRegularFile(path)) {
            throw new EmolensException("the FER+ votes file of this run is missing: " + file);
        }
        if (checksum != null && !checksum.equals("sha256:" + ModelStore.sha256(path))) {
            throw new EmolensException("the FER+ votes file " + file + " changed since the run started (" + checksum + "); start a new run.");
        }
        return FerPlusVotes.read(path);
    }
}
