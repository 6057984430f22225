package io.emolens.classify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

import io.emolens.core.EmolensException;
import io.emolens.core.JsonErrors;
import io.emolens.core.Emotion;

/**
 * Saves and loads Emolens models: {@code NAME.zip} (DL4J network, no optimizer state) with {@code NAME.json}
 * ({@link ModelMetadata}). Saving writes both through temporary files and atomic moves, so a killed process
 * never leaves half a model; loading checks the metadata and the network's shape and says what is wrong.
 */
public final class ModelStore implements ModelLoader {
    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The metadata file of model {@code zip}: same name, {@code .json}. */
    public static Path metadataFile(Path zip) {
        String name = zip.getFileName().toString();
        String base = name.endsWith(".zip") ? name.substring(0, name.length() - 4) : name;
        return zip.resolveSibling(base + ".json");
    }

    public void save(MultiLayerNetwork network, ModelMetadata metadata, Path zip) {
        Path tmpZip = zip.resolveSibling(zip.getFileName() + ".part");
        Path json = metadataFile(zip);
        Path tmpJson = json.resolveSibling(json.getFileName() + ".part");
        try {
            ModelSerializer.writeModel(network, tmpZip.toFile(), false);
            JSON.writeValue(tmpJson.toFile(), metadata);
            Files.move(tmpJson, json, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.move(tmpZip, zip, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            String reason = String.valueOf(e.getMessage()).contains("No space left") ? "the disk is full" : e.getMessage();
            throw new EmolensException("Cannot save model " + zip + ": " + reason, e);
        }
    }

    /** Reads and checks the metadata of model {@code zip}. */
    public ModelMetadata metadata(Path zip) {
        Path json = metadataFile(zip);
        if (!Files.isRegularFile(json)) {
            throw new EmolensException(json + " is missing: every model needs its metadata file beside it (labels, input size, normalization).");
        }
        ModelMetadata m;
        try {
            m = JSON.readValue(json.toFile(), ModelMetadata.class);
        } catch (IOException e) {
            throw new EmolensException(json + " is not valid model metadata: " + JsonErrors.describe(e) + ".", e);
        }
        if (!m.incompatibilities().isEmpty()) {
            throw new EmolensException(json + ": " + String.join("; ", m.incompatibilities()) + ". This model was not made for Emolens.");
        }
        return m;
    }

    @Override
    public Dl4jEmotionClassifier load(Path zip) {
        if (!Files.isRegularFile(zip)) {
            throw new EmolensException("Model file not found: " + zip);
        }
        ModelMetadata metadata = metadata(zip);
        FastCpu.configure();
        MultiLayerNetwork network;
        try {
            network = ModelSerializer.restoreMultiLayerNetwork(zip.toFile(), false);
        } catch (IOException | RuntimeException e) {
            throw new EmolensException(zip + " is not a readable DL4J model (" + e.getMessage() + "). The file may be damaged or incomplete.", e);
        }
        long outputs = network.layerSize(network.getnLayers() - 1);
        if (outputs != Emotion.COUNT) {
            network.close();
            throw new EmolensException(zip + " has " + outputs + " outputs, expected " + Emotion.COUNT + " emotions.");
        }
        MultiLayerNetwork inference = InferenceNetworks.fold(network);
        if (inference != network) {
            network.close();
        }
        return new Dl4jEmotionClassifier(inference, zip.getFileName().toString(), metadata);
    }
}
