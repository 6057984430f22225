package io.emolens.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.emolens.classify.EnsembleSpec;
import io.emolens.classify.ModelMetadata;
import io.emolens.classify.ModelStore;
import io.emolens.core.EmolensException;
import io.emolens.data.Dataset;
import io.emolens.train.EnsembleBuilder;

/**
 * The models folder: each model is {@code NAME.zip} (the network, or an ensemble's member networks) with
 * {@code NAME.json} (its metadata) beside it. Installs trained models, adds them to ensembles, lists, renames and
 * deletes them, always moving the pair together.
 */
public final class ModelLibrary {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private final Path dir;

    public ModelLibrary(Path dir) {
        this.dir = dir;
    }

    public Path folder() {
        return dir;
    }

    /**
     * A model in the folder with its metadata, or the reason it cannot be used.
     *
     * @param file     the model file
     * @param metadata its checked metadata, null when unusable
     * @param ensemble its members and inference when it is an ensemble, else null
     * @param problem  why it cannot be used, null when usable
     */
    public record Entry(Path file, ModelMetadata metadata, EnsembleSpec ensemble, String problem) {
        public String name() {
            String n = file.getFileName().toString();
            return n.substring(0, n.length() - ".zip".length());
        }
    }

    /** Every model in the folder with its metadata, sorted by name. */
    public List<Entry> entries() {
        ModelStore store = new ModelStore();
        return models().stream().map(file -> {
            try {
                return new Entry(file, store.metadata(file), store.ensemble(file).orElse(null), null);
            } catch (EmolensException e) {
                return new Entry(file, null, null, e.getMessage());
            }
        }).toList();
    }

    /** Model files in the folder, sorted by name. */
    public List<Path> models() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".zip"))
                    .sorted(java.util.Comparator.comparing((Path p) -> p.getFileName().toString().replaceFirst("\\.zip$", ""))).toList();
        } catch (IOException e) {
            throw new EmolensException("Cannot list models in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static Path metadataOf(Path model) {
        return ModelStore.metadataFile(model);
    }

    /** Copies {@code model} and its metadata into the folder under a name not yet taken; returns the new model file. */
    public Path install(Path model, String preferredName) {
        String base = validName(preferredName);
        Path target = dir.resolve(base + ".zip");
        for (int i = 2; Files.exists(target); i++) {
            target = dir.resolve(base + "-" + i + ".zip");
        }
        try {
            Files.createDirectories(dir);
            copy(metadataOf(model), metadataOf(target));
            copy(model, target);
        } catch (IOException e) {
            throw new EmolensException("Cannot copy " + model + " into " + dir + ": " + reason(e), e);
        }
        return target;
    }

    /**
     * Adds {@code trainedModel} to the ensemble {@code ensembleName} in the folder (created when absent) and refits
     * its temperature on {@code data}'s PublicTest; {@code log} gets progress lines.
     */
    public EnsembleBuilder.Report addToEnsemble(Path trainedModel, String ensembleName, Dataset data, Consumer<String> log) {
        Path target = dir.resolve(validName(ensembleName) + ".zip");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new EmolensException("Cannot create " + dir + ": " + reason(e), e);
        }
        return new EnsembleBuilder(log).addMember(target, trainedModel, data);
    }

    public Path rename(Path model, String newName) {
        Path target = dir.resolve(validName(newName) + ".zip");
        if (Files.exists(target)) {
            throw new EmolensException("A model named " + target.getFileName() + " already exists in " + dir + ".");
        }
        try {
            if (Files.exists(metadataOf(model))) {
                Files.move(metadataOf(model), metadataOf(target));
            }
            Files.move(model, target);
        } catch (IOException e) {
            throw new EmolensException("Cannot rename " + model + ": " + reason(e), e);
        }
        return target;
    }

    public void delete(Path model) {
        try {
            Files.deleteIfExists(metadataOf(model));
            Files.deleteIfExists(model);
        } catch (IOException e) {
            throw new EmolensException("Cannot delete " + model + ": " + reason(e), e);
        }
    }

    private static String validName(String name) {
        String base = name.endsWith(".zip") ? name.substring(0, name.length() - 4) : name;
        if (!NAME.matcher(base).matches()) {
            throw new EmolensException("'" + name + "' is not a usable model name: use letters, digits, '.', '_' or '-' (up to 64).");
        }
        return base;
    }

    private static void copy(Path from, Path to) throws IOException {
        if (!Files.exists(from)) {
            return;
        }
        Path tmp = to.resolveSibling(to.getFileName() + ".part");
        Files.copy(from, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String reason(IOException e) {
        String m = String.valueOf(e.getMessage());
        return m.contains("No space left") ? "the disk is full" : m;
    }

}
