package io.emolens.classify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

import io.emolens.core.EmolensException;
import io.emolens.core.Emotion;

/**
 * Saves and loads Emolens models: {@code NAME.zip} (DL4J network, no optimizer state: a trained
 * {@link MultiLayerNetwork} or an imported Keras {@link ComputationGraph}) with {@code NAME.json} ({@link ModelMetadata}). Saving writes both through temporary files and atomic moves, so a killed process
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

    /** Saves a trained ({@link MultiLayerNetwork}) or imported ({@link ComputationGraph}) network with its metadata. */
    public void save(Model network, ModelMetadata metadata, Path zip) {
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

    /** Replaces the metadata of model {@code zip} (e.g. with measured accuracies), atomically. */
    public void writeMetadata(Path zip, ModelMetadata metadata) {
        Path json = metadataFile(zip);
        Path tmpJson = json.resolveSibling(json.getFileName() + ".part");
        try {
            JSON.writeValue(tmpJson.toFile(), metadata);
            Files.move(tmpJson, json, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new EmolensException("Cannot save " + json + ": " + e.getMessage(), e);
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
            throw new EmolensException(json + " is not valid model metadata: " + e.getMessage(), e);
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

    @Override
    public EmotionClassifier load(Path zip) {
        if (!Files.isRegularFile(zip)) {
            throw new EmolensException("Model file not found: " + zip);
        }
        ModelMetadata metadata = metadata(zip);
        FastCpu.configure();
        if (metadata.keras() != null) {
            return ImportedModels.load(zip, metadata, true);
        }
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
