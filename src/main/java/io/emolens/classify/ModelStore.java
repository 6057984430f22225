package io.emolens.classify;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.security.NoSuchAlgorithmException;
import java.security.MessageDigest;
import java.io.InputStream;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

import io.emolens.core.EmolensException;
import io.emolens.core.JsonErrors;
import io.emolens.core.Emotion;

/**
 * Saves and loads Emolens models: {@code NAME.zip} (DL4J network, no optimizer state: a trained
 * {@link MultiLayerNetwork} or an imported Keras {@link ComputationGraph}) with {@code NAME.json} ({@link ModelMetadata}). Saving writes both through temporary files and atomic moves, so a killed process
 * never leaves half a model; loading checks the metadata and the network's shape and says what is wrong.
 * An ensemble model ({@link EnsembleSpec} under the metadata's {@code ensemble} key) is a zip of its members'
 * network files ({@link EnsembleFiles}) and loads as one classifier running the spec's inference.
 */
public final class ModelStore implements ModelLoader {
    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    /** The metadata JSON key holding an ensemble's {@link EnsembleSpec}. */
    public static final String ENSEMBLE_KEY = "ensemble";

    /** The metadata file of model {@code zip}: same name, {@code .json}. */
    public static Path metadataFile(Path zip) {
        String name = zip.getFileName().toString();
        String base = name.endsWith(".zip") ? name.substring(0, name.length() - 4) : name;
        return zip.resolveSibling(base + ".json");
    }

    /** Saves a trained ({@link MultiLayerNetwork}) or imported ({@link ComputationGraph}) network with its metadata. */
    public void save(Model network, ModelMetadata metadata, Path zip) {
        write(zip, tmpZip -> ModelSerializer.writeModel(network, tmpZip.toFile(), false), JSON.valueToTree(metadata));
    }

    /**
     * Saves an ensemble: {@code members} are the members' DL4J network files, in {@code ensemble.members()}
     * order, whose entries and checksums the spec must already name ({@link #memberEntry}).
     */
    public void saveEnsemble(List<byte[]> members, ModelMetadata metadata, EnsembleSpec ensemble, Path zip) {
        ObjectNode json = JSON.valueToTree(metadata);
        json.set(ENSEMBLE_KEY, JSON.valueToTree(ensemble));
        write(zip, tmpZip -> EnsembleFiles.write(tmpZip, ensemble, members), json);
    }

    /** The entry name and checksum of member {@code index} (0-based) with network file {@code bytes}, for {@link EnsembleMember}. */
    public static String[] memberEntry(int index, byte[] bytes) {
        return new String[] {"member-" + (index + 1) + ".zip", EnsembleFiles.sha256(bytes)};
    }

    /** The members' network files of ensemble {@code zip}, checked against its metadata, in member order. */
    public List<byte[]> memberFiles(Path zip) {
        EnsembleSpec spec = ensemble(zip).orElseThrow(() -> new EmolensException(zip + " is not an ensemble model"));
        return EnsembleFiles.read(zip, spec);
    }

    private interface ZipWriter {
        void write(Path tmpZip) throws IOException;
    }

    private static void write(Path zip, ZipWriter network, JsonNode metadata) {
        Path tmpZip = zip.resolveSibling(zip.getFileName() + ".part");
        Path json = metadataFile(zip);
        Path tmpJson = json.resolveSibling(json.getFileName() + ".part");
        try {
            network.write(tmpZip);
            JSON.writeValue(tmpJson.toFile(), metadata);
            Files.move(tmpJson, json, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.move(tmpZip, zip, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            String reason = String.valueOf(e.getMessage()).contains("No space left") ? "the disk is full" : e.getMessage();
            throw new EmolensException("Cannot save model " + zip + ": " + reason, e);
        }
    }

    /** Replaces the metadata of model {@code zip} (e.g. with measured accuracies), atomically; an ensemble keeps its spec. */
    public void writeMetadata(Path zip, ModelMetadata metadata) {
        Path json = metadataFile(zip);
        Path tmpJson = json.resolveSibling(json.getFileName() + ".part");
        try {
            ObjectNode node = JSON.valueToTree(metadata);
            JsonNode ensemble = Files.isRegularFile(json) ? tree(zip).get(ENSEMBLE_KEY) : null;
            if (ensemble != null && !ensemble.isNull()) {
                node.set(ENSEMBLE_KEY, ensemble);
            }
            JSON.writeValue(tmpJson.toFile(), node);
            Files.move(tmpJson, json, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new EmolensException("Cannot save " + json + ": " + e.getMessage(), e);
        }
    }

    /** Reads and checks the metadata of model {@code zip}. */
    public ModelMetadata metadata(Path zip) {
        Path json = metadataFile(zip);
        ModelMetadata m;
        try {
            m = JSON.treeToValue(tree(zip), ModelMetadata.class);
        } catch (IOException e) {
            throw new EmolensException(json + " is not valid model metadata: " + JsonErrors.describe(e) + ".", e);
        }
        if (!m.incompatibilities().isEmpty()) {
            throw new EmolensException(json + ": " + String.join("; ", m.incompatibilities()) + ". This model was not made for Emolens.");
        }
        return m;
    }

    /**
     * An imported model's network exactly as DL4J's importer built it, without the load-time rewrite: the reference
     * that {@code bench cnn --model FILE --compute plain} measures against. Trained models load as usual.
     */
    public EmotionClassifier loadAsImported(Path zip) {
        ModelMetadata metadata = metadata(zip);
        return metadata.keras() == null ? load(zip) : ImportedModels.load(zip, metadata, false);
    }

    /** The network of imported model {@code zip} ready to fine-tune; fails for models Emolens trained. */
    public TrainableImport trainableImport(Path zip) {
        ModelMetadata metadata = metadata(zip);
        if (metadata.keras() == null) {
            throw new IllegalArgumentException(zip + " is not an imported model");
        }
        FastCpu.configure();
        return ImportedModels.trainable(zip, metadata);
    }

    /** The ensemble spec of model {@code zip}, checked; empty for a plain one-network model. */
    public Optional<EnsembleSpec> ensemble(Path zip) {
        JsonNode node = tree(zip).get(ENSEMBLE_KEY);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        Path json = metadataFile(zip);
        EnsembleSpec spec;
        try {
            spec = JSON.treeToValue(node, EnsembleSpec.class);
        } catch (IOException e) {
            throw new EmolensException(json + ": the ensemble description is not valid: " + JsonErrors.describe(e) + ".", e);
        }
        if (!spec.problems().isEmpty()) {
            throw new EmolensException(json + ": " + String.join("; ", spec.problems()) + ". The ensemble cannot be loaded.");
        }
        return Optional.of(spec);
    }

    private static JsonNode tree(Path zip) {
        Path json = metadataFile(zip);
        if (!Files.isRegularFile(json)) {
            throw new EmolensException(json + " is missing: every model needs its metadata file beside it (labels, input size, normalization).");
        }
        try {
            JsonNode node = JSON.readTree(json.toFile());
            if (node == null || !node.isObject()) {
                throw new EmolensException(json + " is not valid model metadata: not a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new EmolensException(json + " is not valid model metadata: " + JsonErrors.describe(e) + ".", e);
        }
    }

    @Override
    public EmotionClassifier load(Path zip) {
        if (!Files.isRegularFile(zip)) {
            throw new EmolensException("Model file not found: " + zip);
        }
        ModelMetadata metadata = metadata(zip);
        Optional<EnsembleSpec> ensemble = ensemble(zip);
        FastCpu.configure();
        if (metadata.keras() != null) {
            return ImportedModels.load(zip, metadata, true);
        }
        if (ensemble.isEmpty()) {
            return new Dl4jEmotionClassifier(restore(() -> ModelSerializer.restoreMultiLayerNetwork(zip.toFile(), false), zip.toString()),
                    zip.getFileName().toString(), metadata);
        }
        return loadEnsemble(EnsembleFiles.read(zip, ensemble.get()), metadata, ensemble.get(), zip.getFileName().toString());
    }

    /**
     * An ensemble classifier over the members' DL4J network files {@code files} (in {@code ensemble.members()}
     * order), e.g. while an ensemble is being built and its temperature fitted, before it is saved.
     */
    public Dl4jEmotionClassifier loadEnsemble(List<byte[]> files, ModelMetadata metadata, EnsembleSpec ensemble, String name) {
        if (files.size() != ensemble.members().size()) {
            throw new IllegalArgumentException(files.size() + " member files for " + ensemble.members().size() + " members");
        }
        FastCpu.configure();
        List<MultiLayerNetwork> networks = new ArrayList<>();
        try {
            for (int i = 0; i < files.size(); i++) {
                byte[] bytes = files.get(i);
                networks.add(restore(() -> ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(bytes), false),
                        name + " member " + ensemble.members().get(i).entry()));
            }
        } catch (RuntimeException e) {
            networks.forEach(MultiLayerNetwork::close);
            throw e;
        }
        return new Dl4jEmotionClassifier(networks, name, metadata, ensemble);
    }

    private interface Restorer {
        MultiLayerNetwork restore() throws IOException;
    }

    /** Restores one network, checks its outputs and folds it for inference. */
    private static MultiLayerNetwork restore(Restorer restorer, String what) {
        MultiLayerNetwork network;
        try {
            network = restorer.restore();
        } catch (IOException | RuntimeException e) {
            throw new EmolensException(what + " is not a readable DL4J model (" + e.getMessage() + "). The file may be damaged or incomplete.", e);
        }
        long outputs = network.layerSize(network.getnLayers() - 1);
        if (outputs != Emotion.COUNT) {
            network.close();
            throw new EmolensException(what + " has " + outputs + " outputs, expected " + Emotion.COUNT + " emotions.");
        }
        MultiLayerNetwork inference = InferenceNetworks.fold(network);
        if (inference != network) {
            network.close();
        }
        return inference;
    }

    /** The SHA-256 of {@code file} as hex, read in 64 KiB blocks. */
    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new EmolensException("Cannot read " + file + ": " + e.getMessage());
        }
    }
}
