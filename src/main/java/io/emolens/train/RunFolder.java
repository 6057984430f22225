package io.emolens.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.emolens.core.EmolensException;

/**
 * The files of one training run, each replaced atomically (written to a temporary file, then renamed),
 * so that a kill at any moment leaves either the old or the new version: {@code run.json} (settings and
 * data), {@code state.json} (the resume point), {@code checkpoint-eNNNN.zip}, {@code best-eNNNN.zip},
 * {@code curves.csv}.
 */
public final class RunFolder {
    public static final String RUN_JSON = "run.json";
    public static final String STATE_JSON = "state.json";
    public static final String CURVES_CSV = "curves.csv";
    public static final String CURVES_PNG = "curves.png";

    /**
     * What run.json holds: the settings, the data they were used with, and for a fine-tuning run where it started
     * from (null for a run from scratch).
     */
    public record RunSpec(TrainConfig config, String data, String dataChecksum, String created, FineTuneSpec fineTune) {
        public RunSpec(TrainConfig config, String data, String dataChecksum, String created) {
            this(config, data, dataChecksum, created, null);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Path dir;

    public RunFolder(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    public Path file(String name) {
        return dir.resolve(name);
    }

    /** True when the folder holds a resumable run. */
    public boolean hasState() {
        return Files.isRegularFile(file(STATE_JSON)) && Files.isRegularFile(file(RUN_JSON));
    }

    public RunSpec readSpec() {
        return read(RUN_JSON, RunSpec.class);
    }

    public RunState readState() {
        return read(STATE_JSON, RunState.class);
    }

    void writeSpec(RunSpec spec) {
        writeJson(RUN_JSON, spec);
    }

    void writeState(RunState state) {
        writeJson(STATE_JSON, state);
    }

    /** Rewrites curves.csv from the state's history, so the file always matches state.json. */
    void writeCurves(List<EpochStats> history) {
        StringBuilder sb = new StringBuilder(EpochStats.CSV_HEADER).append('\n');
        history.forEach(s -> sb.append(s.toCsv()).append('\n'));
        atomically(CURVES_CSV, tmp -> Files.writeString(tmp, sb, StandardCharsets.UTF_8));
    }

    /** Saves {@code network} with its optimizer state as {@code name}, atomically. */
    void saveNetwork(TrainingNetwork network, String name) {
        atomically(name, network::save);
    }

    /** Saves the network's weights only (no optimizer state), for a file no run resumes from. */
    void saveWeights(TrainingNetwork network, String name) {
        atomically(name, network::saveWeights);
    }

    void copy(String from, String to) {
        atomically(to, tmp -> Files.copy(file(from), tmp, StandardCopyOption.REPLACE_EXISTING));
    }

    /** Deletes checkpoint files and temporaries that {@code state} does not reference (left by an earlier kill). */
    void removeUnreferenced(RunState state) {
        Set<String> keep = new java.util.HashSet<>();
        if (state.checkpoint() != null) {
            keep.add(state.checkpoint());
        }
        if (state.best() != null) {
            keep.add(state.best());
        }
        if (state.average() != null) {
            keep.add(state.average());
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.toList()) {
                String n = p.getFileName().toString();
                boolean ours = n.endsWith(".tmp") || (n.matches("(checkpoint|best|average)-e\\d{4}(-b\\d{6})?\\.zip"));
                if (ours && !keep.contains(n)) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            throw new EmolensException("cannot tidy run folder " + dir.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    /** A file writer that may throw IOException. */
    @FunctionalInterface
    interface Writer {
        void write(Path tmp) throws IOException;
    }

    /** Writes via {@code writer} to a temporary file beside {@code name}, then renames it over {@code name}. */
    void atomically(String name, Writer writer) {
        Path target = file(name);
        Path tmp = file(name + ".tmp");
        try {
            Files.createDirectories(dir);
            writer.write(tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new EmolensException("cannot write " + target.toAbsolutePath() + ": " + e.getMessage()
                    + ". Check free disk space and permissions; the previous version of the file is kept.", e);
        }
    }

    private void writeJson(String name, Object value) {
        atomically(name, tmp -> JSON.writeValue(tmp.toFile(), value));
    }

    private <T> T read(String name, Class<T> type) {
        Path p = file(name);
        try {
            return JSON.readValue(p.toFile(), type);
        } catch (IOException e) {
            throw new EmolensException("cannot read " + p.toAbsolutePath() + ": " + e.getMessage()
                    + ". Is this a run folder written by 'emolens train'?", e);
        }
    }
}
