package io.emolens.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * The user's models folder, and beside it, read-only, the models shipped with Emolens: each model is
 * {@code NAME.zip} (the network, or an ensemble's member networks) with {@code NAME.json} (its metadata) beside it.
 * Installs trained models into the user's folder, adds them to ensembles, lists both, renames and deletes the
 * user's, always moving the pair together; shipped models are never modified, so an installed Emolens works from a
 * read-only folder.
 */
public final class ModelLibrary {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private final Path dir;
    private final Path shipped;

    /** One folder, the user's (no shipped models). */
    public ModelLibrary(Path dir) {
        this(dir, null);
    }

    /** The user's folder {@code dir} and the install's read-only {@code shipped} folder (null: none). */
    public ModelLibrary(Path dir, Path shipped) {
        this.dir = dir.toAbsolutePath().normalize();
        this.shipped = shipped == null || shipped.toAbsolutePath().normalize().equals(this.dir) ? null : shipped.toAbsolutePath().normalize();
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
     * @param shipped  true for a model shipped with Emolens (read-only)
     */
    public record Entry(Path file, ModelMetadata metadata, EnsembleSpec ensemble, String problem, boolean shipped) {
        public String name() {
            String n = file.getFileName().toString();
            return n.substring(0, n.length() - ".zip".length());
        }
    }

    /** The shipped models first, then the user's, each with its metadata, sorted by name. */
    public List<Entry> entries() {
        ModelStore store = new ModelStore();
        List<Entry> entries = new ArrayList<>();
        for (Path file : models()) {
            boolean readOnly = isShipped(file);
            try {
                entries.add(new Entry(file, store.metadata(file), store.ensemble(file).orElse(null), null, readOnly));
            } catch (EmolensException e) {
                entries.add(new Entry(file, null, null, e.getMessage(), readOnly));
            }
        }
        return entries;
    }

    /** Model files, the shipped ones first, then the user's, each sorted by name. */
    public List<Path> models() {
        List<Path> all = new ArrayList<>();
        if (shipped != null) {
            all.addAll(modelsIn(shipped));
        }
        all.addAll(modelsIn(dir));
        return all;
    }

    /** True for a model of the install, which Emolens never renames or deletes. */
    public boolean isShipped(Path model) {
        return shipped != null && model.toAbsolutePath().normalize().startsWith(shipped);
    }

    private static List<Path> modelsIn(Path dir) {
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
        refuseShipped(model, "renamed");
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
        refuseShipped(model, "deleted");
        try {
            Files.deleteIfExists(metadataOf(model));
            Files.deleteIfExists(model);
        } catch (IOException e) {
            throw new EmolensException("Cannot delete " + model + ": " + reason(e), e);
        }
    }

    private void refuseShipped(Path model, String what) {
        if (isShipped(model)) {
            throw new EmolensException(model.getFileName() + " came with Emolens (" + shipped + ") and cannot be " + what
                    + ": it is read-only. Your own models are in " + dir + ".");
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
        if (e instanceof java.nio.file.AccessDeniedException denied) {
            return "permission denied on " + denied.getFile() + " (a read-only folder?); nothing was changed";
        }
        String m = String.valueOf(e.getMessage());
        return m.contains("No space left") ? "the disk is full" : m;
    }


    /**
     * Where a fine-tuned or personalized model came from, for the model manager: its base, the sessions or data it was
     * tuned on, and what that changed; empty for other models.
     */
    public static java.util.Optional<String> origin(ModelMetadata m) {
        Map<String, Object> t = m.training();
        Object kind = t == null ? null : t.get("kind");
        if (!"fine-tune".equals(kind) && !"personalized".equals(kind)) {
            return java.util.Optional.empty();
        }
        StringBuilder sb = new StringBuilder("personalized".equals(kind) ? "Personalized from " : "Fine-tuned from ");
        sb.append(t.get("base_model"));
        Object sessions = t.get("sessions");
        sb.append(sessions instanceof List<?> l && !l.isEmpty() ? " on the sessions " + String.join(", ", l.stream().map(String::valueOf).toList())
                : " on " + t.get("data"));
        if (t.get("own_held_out_accuracy") instanceof Number after && t.get("own_held_out_accuracy_base") instanceof Number before) {
            sb.append(String.format("; agreement on held-out labeled faces %.1f%% → %.1f%%", 100 * before.doubleValue(), 100 * after.doubleValue()));
        }
        if (t.get("fer2013_private_test_accuracy_base") instanceof Number before && m.accuracy() != null && m.accuracy().get("PrivateTest") != null) {
            sb.append(String.format("; FER2013 PrivateTest %.1f%% → %.1f%%", 100 * before.doubleValue(), 100 * m.accuracy().get("PrivateTest")));
        }
        if (t.get("replay") != null) {
            sb.append(" (replaying ").append(t.get("replay")).append(')');
        }
        return java.util.Optional.of(sb.append('.').toString());
    }
}
