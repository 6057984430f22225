package io.emolens.train;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

import io.emolens.classify.Architectures;
import io.emolens.classify.EnsembleMember;
import io.emolens.classify.EnsembleSpec;
import io.emolens.classify.FastCpu;
import io.emolens.classify.ModelMetadata;
import io.emolens.classify.ModelStore;
import io.emolens.core.EmolensException;

/**
 * Finds the member networks an ensemble is built from: a model file (its metadata describes it), an ensemble
 * model (each of its members), or a training run folder (its exported {@code model.zip}, or, for a run still
 * going, its best checkpoint described from {@code run.json} and {@code state.json}).
 */
public final class EnsembleMembers {
    private EnsembleMembers() {
    }

    /**
     * A network to put into an ensemble.
     *
     * @param network the DL4J network file's bytes (no optimizer state)
     * @param info    what the ensemble's metadata will say about it (entry and checksum filled in when saved)
     */
    public record Candidate(byte[] network, EnsembleMember info) {
    }

    /** The candidates of every source, in order; ensembles contribute all their members. */
    public static List<Candidate> resolve(List<Path> sources) {
        List<Candidate> out = new ArrayList<>();
        for (Path source : sources) {
            out.addAll(resolve(source));
        }
        return out;
    }

    static List<Candidate> resolve(Path source) {
        ModelStore store = new ModelStore();
        if (Files.isDirectory(source)) {
            if (Files.isRegularFile(source.resolve(TrainServices.MODEL_FILE))) {
                return resolve(source.resolve(TrainServices.MODEL_FILE));
            }
            return List.of(bestCheckpoint(new RunFolder(source)));
        }
        if (!Files.isRegularFile(source)) {
            throw new EmolensException("member model not found: " + source.toAbsolutePath() + ". Give model files (with their .json) or training run folders.");
        }
        if (!Files.isRegularFile(ModelStore.metadataFile(source))) {
            throw new EmolensException(ModelStore.metadataFile(source) + " is missing: a member needs its metadata. For a run still going, give its run folder.");
        }
        ModelMetadata m = store.metadata(source);
        var ensemble = store.ensemble(source);
        if (ensemble.isPresent()) {
            List<byte[]> files = store.memberFiles(source);
            List<Candidate> out = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                out.add(new Candidate(files.get(i), ensemble.get().members().get(i)));
            }
            return out;
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(source);
        } catch (IOException e) {
            throw new EmolensException("cannot read " + source + ": " + e.getMessage(), e);
        }
        Object seed = m.training() == null ? null : m.training().get("seed");
        return List.of(new Candidate(bytes, new EnsembleMember(null, null, displayName(source), m.architecture(),
                seed instanceof Number n ? n.longValue() : null, fileName(m.data()), m.dataChecksum(), m.bestEpoch(),
                m.parameters(), m.flopsPerFace(), m.accuracy(), Map.of(), m.created())));
    }

    private static Candidate bestCheckpoint(RunFolder run) {
        if (!run.hasState() || run.readState().best() == null) {
            throw new EmolensException(run.dir().toAbsolutePath() + " is a folder but neither holds model.zip nor is a training run with a completed epoch.");
        }
        RunState state = run.readState();
        RunFolder.RunSpec spec = run.readSpec();
        Path file = run.file(state.best());
        FastCpu.configure();
        MultiLayerNetwork net;
        try {
            net = ModelSerializer.restoreMultiLayerNetwork(file.toFile(), false);
        } catch (IOException | RuntimeException e) {
            throw new EmolensException(file + " is not a readable DL4J checkpoint (" + e.getMessage() + ").", e);
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ModelSerializer.writeModel(net, out, false);
            Architectures.Cost cost = Architectures.cost(net.getLayerWiseConfigurations());
            Map<String, Double> accuracy = new LinkedHashMap<>();
            state.history().stream().filter(s -> s.epoch() == state.bestEpoch()).findFirst()
                    .ifPresent(s -> accuracy.put("PublicTest", s.valAcc()));
            return new Candidate(out.toByteArray(), new EnsembleMember(null, null, run.dir().getFileName() + "/" + state.best(),
                    spec.config().architecture(), spec.config().seed(), fileName(spec.data()), spec.dataChecksum(), state.bestEpoch(),
                    cost.parameters(), cost.flopsPerFace(), accuracy, Map.of(), spec.created()));
        } catch (IOException e) {
            throw new EmolensException("cannot copy " + file + ": " + e.getMessage(), e);
        } finally {
            net.close();
        }
    }

    /** {@code NAME.zip}, or {@code RUN/model.zip} for a run folder's model, whose own name says nothing. */
    static String displayName(Path model) {
        String name = model.getFileName().toString();
        Path parent = model.toAbsolutePath().getParent();
        return name.equals(TrainServices.MODEL_FILE) && parent != null && parent.getFileName() != null ? parent.getFileName() + "/" + name : name;
    }

    /** The file name of a data path as older metadata recorded it (absolute); null stays null. */
    static String fileName(String data) {
        if (data == null || data.isBlank()) {
            return data;
        }
        Path name = Path.of(data).getFileName();
        return name == null ? data : name.toString();
    }

    /** The members' combined description for an {@link EnsembleSpec}: {@code 2 × default} or {@code default + seed}. */
    static String architecture(List<Candidate> members) {
        List<String> names = members.stream().map(c -> c.info().architecture()).toList();
        boolean same = names.stream().distinct().count() == 1;
        return "ensemble: " + (same ? members.size() + " × " + names.get(0) : String.join(" + ", names));
    }
}
