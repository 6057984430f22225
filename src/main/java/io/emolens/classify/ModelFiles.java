package io.emolens.classify;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.emolens.core.EmolensException;
import io.emolens.core.Emotion;
import io.emolens.preprocess.FaceTensor;

/**
 * Saves and loads Emolens models: {@code NAME.zip} (DL4J network with updater state, so training can
 * resume) plus {@code NAME.json} ({@link ModelMetadata}); a copy of the metadata inside the zip ties the two
 * together. Saving is atomic per file (temp file, then move); loading checks everything and refuses a
 * mismatch with an {@link EmolensException} naming the file, the problem and the fix.
 */
public final class ModelFiles {

    /** Zip entry holding the metadata copy that must match the sidecar JSON. */
    static final String EMBEDDED_METADATA = "emolens-metadata.json";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ModelFiles() {
    }

    /** The metadata file belonging to a model zip (or to a path without extension). */
    public static Path metadataPath(Path model) {
        return model.resolveSibling(baseName(model) + ".json");
    }

    /** The network file belonging to a metadata JSON (or to a path without extension). */
    public static Path networkPath(Path model) {
        return model.resolveSibling(baseName(model) + ".zip");
    }

    /** Writes {@code network} to {@code model} ({@code .zip}) and its metadata beside it, each atomically. */
    public static void save(MultiLayerNetwork network, ModelMetadata metadata, Path model) throws IOException {
        List<String> problems = metadata.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("refusing to save inconsistent metadata: " + String.join("; ", problems));
        }
        Path zip = networkPath(model);
        Path json = metadataPath(model);
        Path dir = zip.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        byte[] metadataBytes = JSON.writeValueAsBytes(metadata);
        Path tmpZip = Files.createTempFile(dir, "." + baseName(zip), ".zip.tmp");
        Path tmpJson = Files.createTempFile(dir, "." + baseName(json), ".json.tmp");
        try {
            ModelSerializer.writeModel(network, tmpZip.toFile(), true);
            try (FileSystem fs = FileSystems.newFileSystem(URI.create("jar:" + tmpZip.toUri()), Map.of())) {
                Files.write(fs.getPath(EMBEDDED_METADATA), metadataBytes);
            }
            Files.write(tmpJson, metadataBytes);
            Files.move(tmpZip, zip, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmpJson, json, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmpZip);
            Files.deleteIfExists(tmpJson);
        }
    }

    /** Reads and checks only the metadata of {@code model} ({@code .zip} or {@code .json}). */
    public static ModelMetadata readMetadata(Path model) {
        Path json = metadataPath(model);
        ModelMetadata metadata;
        try {
            metadata = JSON.readValue(Files.readAllBytes(json), ModelMetadata.class);
        } catch (NoSuchFileException e) {
            throw new EmolensException(json + ": metadata file not found next to " + networkPath(model).getFileName()
                    + "; Emolens cannot check a model without it: save the model with Emolens (train) or restore the .json");
        } catch (JsonProcessingException e) {
            throw new EmolensException(json + ": not valid model metadata (" + e.getOriginalMessage()
                    + "); restore the file or save the model again", e);
        } catch (IOException e) {
            throw new EmolensException(json + ": cannot read (" + e.getMessage() + "); check the file's permissions", e);
        }
        List<String> problems = metadata.problems();
        if (!problems.isEmpty()) {
            throw new EmolensException(json + ": " + String.join("; ", problems)
                    + "; this model was not made for Emolens' input: use a model trained by Emolens or retrain");
        }
        return metadata;
    }

    /** Loads a model for inference or further training, on the fast CPU path, after checking it. */
    public static LoadedModel load(Path model) {
        ModelMetadata metadata = readMetadata(model);
        Path zip = networkPath(model);
        if (!Files.isRegularFile(zip)) {
            throw new EmolensException(zip + ": model file not found (its metadata " + metadataPath(model).getFileName()
                    + " exists); copy the .zip back or retrain");
        }
        checkEmbedded(zip, metadata);
        FastCpu.configure();
        MultiLayerNetwork network;
        try {
            network = ModelSerializer.restoreMultiLayerNetwork(zip.toFile(), true);
        } catch (Exception | Error e) {
            throw new EmolensException(zip + ": not a readable DL4J network (" + e + "); the file is damaged or"
                    + " truncated: copy it again or retrain", e);
        }
        try (INDArray probe = Nd4j.zeros(DataType.FLOAT, 1, 1, FaceTensor.SIZE, FaceTensor.SIZE);
             INDArray out = network.output(probe, false)) {
            if (out.rank() != 2 || out.size(1) != Emotion.COUNT) {
                throw new IllegalStateException("output shape is " + Arrays.toString(out.shape()));
            }
        } catch (RuntimeException e) {
            network.close();
            throw new EmolensException(zip + ": the network does not map a 1x48x48 face to 7 emotion scores (" + e.getMessage()
                    + "); its metadata " + metadataPath(model).getFileName() + " does not describe it: retrain", e);
        }
        return new LoadedModel(new Dl4jEmotionClassifier(network, baseName(zip)), metadata);
    }

    private static void checkEmbedded(Path zip, ModelMetadata metadata) {
        try (FileSystem fs = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()), Map.of())) {
            Path entry = fs.getPath(EMBEDDED_METADATA);
            if (Files.exists(entry) && !JSON.readValue(Files.readAllBytes(entry), ModelMetadata.class).equals(metadata)) {
                throw new EmolensException(metadataPath(zip) + ": does not belong to " + zip.getFileName()
                        + " (the metadata saved inside the zip differs); restore the matching pair or save the model again");
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof EmolensException ee) {
                throw ee;
            }
            throw new EmolensException(zip + ": not a readable model zip (" + e.getMessage() + "); the file is damaged or"
                    + " truncated: copy it again or retrain", e);
        }
    }

    private static String baseName(Path p) {
        String name = p.getFileName().toString();
        for (String ext : new String[] {".zip", ".json"}) {
            if (name.endsWith(ext)) {
                return name.substring(0, name.length() - ext.length());
            }
        }
        return name;
    }
}
