package io.emolens.classify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.deeplearning4j.nn.modelimport.keras.Hdf5Archive;

import io.emolens.core.EmolensException;
import io.emolens.preprocess.InputSpec;

/**
 * What a Keras file holds, read before any import: format, Keras version, architecture (its layers with their
 * index), input shape. Refuses, with one line naming the file and what to do, what Emolens cannot import: files that
 * are not HDF5, Keras 3 {@code .keras} archives, weights-only files, layers that run Python code (Lambda) or are
 * custom or unsupported, and inputs that are not square faces of a sensible size. Nothing in the file is executed.
 *
 * @param file         the file
 * @param kerasVersion {@code keras_version} attribute ("unknown" if absent)
 * @param backend      {@code backend} attribute ("unknown" if absent)
 * @param modelClass   Sequential, Model or Functional
 * @param inputSize    input side in pixels
 * @param channels     input channels (1 or 3)
 * @param dataFormat   {@link KerasSource#CHANNELS_LAST} or {@link KerasSource#CHANNELS_FIRST}
 * @param layers       the layers in file order
 */
public record KerasFile(Path file, String kerasVersion, String backend, String modelClass, int inputSize, int channels,
                        String dataFormat, List<Layer> layers) {

    /** A Keras layer: position in the file, name, class name and a short description of its settings. */
    public record Layer(int index, String name, String kind, String detail) {
    }

    private static final byte[] HDF5_MAGIC = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    /** Keras layer classes DL4J 1.0.0-M2.1 imports and an image classifier uses. */
    private static final Set<String> SUPPORTED = Set.of("InputLayer", "Conv2D", "Convolution2D", "SeparableConv2D",
            "SeparableConvolution2D", "DepthwiseConv2D", "BatchNormalization", "Activation", "ReLU", "LeakyReLU", "ELU",
            "PReLU", "ThresholdedReLU", "Softmax", "Dense", "Flatten", "Dropout", "SpatialDropout2D", "GaussianNoise",
            "GaussianDropout", "AlphaDropout", "MaxPooling2D", "MaxPool2D", "AveragePooling2D", "AvgPool2D",
            "GlobalAveragePooling2D", "GlobalMaxPooling2D", "GlobalAvgPool2D", "GlobalMaxPool2D", "ZeroPadding2D",
            "Cropping2D", "UpSampling2D", "Add", "Concatenate", "Average", "Maximum", "Multiply", "Subtract", "Reshape");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads and checks {@code file}; throws {@link EmolensException} with a one-line reason. */
    public static KerasFile inspect(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new EmolensException("Keras file not found: " + file);
        }
        byte[] head = head(file);
        if (startsWith(head, ZIP_MAGIC)) {
            throw new EmolensException(file + " is a Keras 3 .keras archive (a zip), which DL4J 1.0.0-M2.1 cannot read: "
                    + "save the model from Keras 2 / tf.keras 2.x as HDF5 with model.save('model.h5')");
        }
        if (!startsWith(head, HDF5_MAGIC)) {
            throw new EmolensException(file + " is not an HDF5 file: import a Keras 2 model saved with model.save('model.h5')");
        }
        String configJson;
        String version;
        String backend;
        try (Hdf5Archive archive = new Hdf5Archive(file.toString())) {
            if (!archive.hasAttribute("model_config")) {
                throw new EmolensException(file + " has weights but no architecture: save the whole model with model.save()");
            }
            configJson = archive.readAttributeAsJson("model_config");
            version = archive.hasAttribute("keras_version") ? archive.readAttributeAsString("keras_version") : "unknown";
            backend = archive.hasAttribute("backend") ? archive.readAttributeAsString("backend") : "unknown";
        } catch (EmolensException e) {
            throw e;
        } catch (Exception e) {
            throw new EmolensException(file + " is HDF5 but not a readable Keras model: " + oneLine(e));
        }
        return parse(file, configJson, version.trim(), backend.trim());
    }

    static KerasFile parse(Path file, String configJson, String version, String backend) {
        JsonNode config;
        try {
            config = JSON.readTree(configJson);
        } catch (IOException e) {
            throw new EmolensException(file + ": its model_config is not valid JSON (" + oneLine(e) + ")");
        }
        String modelClass = config.path("class_name").asText();
        if (version.startsWith("3.")) {
            throw new EmolensException(file + " was written by Keras 3 (" + version + "); DL4J 1.0.0-M2.1, Emolens's importer, reads only "
                    + "Keras 1 and 2 files: save the model from Keras 2 / tf.keras 2.x with model.save('model.h5')");
        }
        JsonNode layerNodes = config.path("config").isArray() ? config.path("config") : config.path("config").path("layers");
        if (!layerNodes.isArray() || layerNodes.isEmpty()) {
            throw new EmolensException(file + ": " + (modelClass.isEmpty() ? "no model" : modelClass + " model with no layers")
                    + " in its model_config; Emolens imports Sequential and functional Keras models");
        }
        if (!Set.of("Sequential", "Model", "Functional").contains(modelClass)) {
            throw new EmolensException(file + " holds a Keras '" + modelClass + "' model (a subclassed or custom model); "
                    + "Emolens imports Sequential and functional models");
        }
        List<Layer> layers = new ArrayList<>();
        for (int i = 0; i < layerNodes.size(); i++) {
            JsonNode l = layerNodes.get(i);
            String kind = l.path("class_name").asText();
            String name = l.path("config").path("name").asText(l.path("name").asText("?"));
            if (kind.equals("Lambda")) {
                throw new EmolensException(file + ": layer " + i + " '" + name + "' is a Lambda layer (Python code), which Emolens "
                        + "does not run: rebuild the model without Lambda layers");
            }
            if (!SUPPORTED.contains(kind)) {
                throw new EmolensException(file + ": layer " + i + " '" + name + "' is a " + kind + " layer, which Emolens cannot import"
                        + " (a custom or unsupported layer; no code from the file is run)");
            }
            layers.add(new Layer(i, name, kind, detail(l.path("config"))));
        }
        JsonNode shape = inputShape(layerNodes);
        if (shape == null) {
            throw new EmolensException(file + ": the model has no input shape (batch_input_shape); build it with an Input layer or input_shape=");
        }
        boolean channelsFirst = channelsFirst(layerNodes);
        List<String> dims = new ArrayList<>();
        shape.forEach(d -> dims.add(d.isNull() ? "None" : d.asText()));
        if (dims.size() != 4 || dims.subList(1, 4).contains("None")) {
            throw new EmolensException(file + ": input shape " + dims + " is not an image of fixed size; Emolens feeds (height, width, channels) faces");
        }
        int h = Integer.parseInt(dims.get(channelsFirst ? 2 : 1));
        int w = Integer.parseInt(dims.get(channelsFirst ? 3 : 2));
        int c = Integer.parseInt(dims.get(channelsFirst ? 1 : 3));
        if (h != w) {
            throw new EmolensException(file + ": input is " + h + "x" + w + "; Emolens feeds square faces");
        }
        if (h < InputSpec.MIN_SIZE || h > InputSpec.MAX_SIZE || (c != 1 && c != 3)) {
            throw new EmolensException(file + ": input shape " + dims + " is not a face Emolens can feed (square, "
                    + InputSpec.MIN_SIZE + "–" + InputSpec.MAX_SIZE + " pixels, 1 or 3 channels)");
        }
        return new KerasFile(file, version, backend, modelClass, h, c, channelsFirst ? KerasSource.CHANNELS_FIRST : KerasSource.CHANNELS_LAST,
                List.copyOf(layers));
    }

    private static JsonNode inputShape(JsonNode layers) {
        for (JsonNode l : layers) {
            for (String key : List.of("batch_input_shape", "batch_shape")) {
                JsonNode s = l.path("config").path(key);
                if (s.isArray()) {
                    return s;
                }
            }
        }
        return null;
    }

    private static boolean channelsFirst(JsonNode layers) {
        for (JsonNode l : layers) {
            JsonNode c = l.path("config");
            if (c.path("data_format").asText().equals("channels_first") || c.path("dim_ordering").asText().equals("th")) {
                return true;
            }
        }
        return false;
    }

    private static String detail(JsonNode c) {
        List<String> parts = new ArrayList<>();
        if (c.has("filters")) {
            parts.add(c.get("filters").asText() + " filters");
        }
        if (c.has("units")) {
            parts.add(c.get("units").asText() + " units");
        }
        for (String key : List.of("kernel_size", "pool_size", "strides")) {
            if (c.path(key).isArray()) {
                List<String> v = new ArrayList<>();
                c.get(key).forEach(x -> v.add(x.asText()));
                parts.add(key.replace("_size", "") + " " + String.join("x", v));
            }
        }
        if (c.has("padding")) {
            parts.add(c.get("padding").asText());
        }
        if (c.has("activation") && !c.get("activation").asText().equals("linear")) {
            parts.add(c.get("activation").asText());
        }
        if (c.has("rate")) {
            parts.add("rate " + c.get("rate").asText());
        }
        return String.join(", ", parts);
    }

    private static byte[] head(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(8);
        } catch (IOException e) {
            throw new EmolensException("Cannot read " + file + ": " + e.getMessage());
        }
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        return head.length >= magic.length && Arrays.equals(Arrays.copyOf(head, magic.length), magic);
    }

    /** The first line of an exception's message, for one-line errors. */
    static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return (nl < 0 ? m : m.substring(0, nl)).trim();
    }
}
