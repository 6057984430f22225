package io.emolens.session;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.emolens.classify.EmotionClassifier;
import io.emolens.classify.KerasFile;
import io.emolens.classify.KerasImporter;
import io.emolens.classify.LabelOrder;
import io.emolens.classify.ModelMetadata;
import io.emolens.classify.ModelStore;
import io.emolens.core.EmolensException;
import io.emolens.data.DatasetReader;
import io.emolens.data.LabeledFace;
import io.emolens.data.ReadOptions;
import io.emolens.data.Split;
import io.emolens.eval.Evaluation;
import io.emolens.eval.Evaluator;
import io.emolens.preprocess.Normalization;

/**
 * Brings a Keras model into Emolens, for {@code import-keras} and Model → Import Keras model…: previews the file,
 * imports it with the chosen labels and normalization as an ordinary Emolens model, and with FER2013 data measures
 * its PrivateTest accuracy through the normal loading path, recording it in the model's metadata.
 */
public final class KerasImportService {

    /**
     * What the user chose.
     *
     * @param labels        the model's outputs in its own order (comma-separated), null or blank for FER2013 order
     * @param normalization unit, signed or raw
     * @param name          display name, null for the file name
     * @param data          FER2013 csv or image folder for the accuracy check, null to skip it
     */
    public record Choices(String labels, String normalization, String name, Path data) {
        LabelOrder labelOrder() {
            return labels == null || labels.isBlank() ? LabelOrder.fer() : LabelOrder.parse(labels);
        }

        Normalization pixels() {
            try {
                return Normalization.parse(normalization == null ? "unit" : normalization.trim());
            } catch (IllegalArgumentException e) {
                throw new EmolensException("--normalization: " + e.getMessage());
            }
        }
    }

    /**
     * A previewed file.
     *
     * @param file       what the file holds
     * @param parameters trainable parameters of the imported network
     */
    public record Preview(KerasFile file, long parameters) {
        /** One line per layer: index, name, class and settings. */
        public List<String> layerLines() {
            return file.layers().stream().map(l -> String.format("%3d  %-28s %-24s %s", l.index(), l.name(), l.kind(), l.detail())).toList();
        }
    }

    /**
     * The outcome of an import.
     *
     * @param model    the saved model file (its metadata beside it)
     * @param metadata what was saved
     * @param test     PrivateTest evaluation, null without data
     */
    public record Result(Path model, ModelMetadata metadata, Evaluation test) {
    }

    /** Reads and checks {@code h5} fully (the same import as {@link #importModel}) without saving anything. */
    public Preview preview(Path h5) {
        try (KerasImporter.Imported imported = new KerasImporter().read(h5)) {
            return new Preview(imported.source(), imported.parameters());
        }
    }

    /** Imports {@code h5} as model {@code zip}; {@code log} receives progress lines. */
    public Result importModel(Path h5, Path zip, Choices choices, Consumer<String> log) {
        LabelOrder labels = choices.labelOrder();
        Normalization pixels = choices.pixels();
        if (choices.data() != null && !Files.exists(choices.data())) {
            throw new EmolensException("FER2013 data not found at " + choices.data().toAbsolutePath() + " (--data)");
        }
        if (zip.toAbsolutePath().getParent() != null) {
            try {
                Files.createDirectories(zip.toAbsolutePath().getParent());
            } catch (java.io.IOException e) {
                throw new EmolensException("Cannot create the folder of " + zip + ": " + e.getMessage());
            }
        }
        KerasImporter importer = new KerasImporter();
        ModelMetadata metadata;
        try (KerasImporter.Imported imported = importer.read(h5)) {
            metadata = importer.save(imported, labels, pixels, Map.of(), Map.of(), choices.name(), zip);
        }
        log.accept(String.format("imported %s: Keras %s (%s), %s, %d layers, %,d parameters; input %s; outputs %s",
                h5.getFileName(), metadata.keras().kerasVersion(), metadata.keras().backend(), metadata.keras().modelClass(),
                metadata.keras().layers(), metadata.parameters(), metadata.inputSpec(), String.join(",", metadata.labels())));
        log.accept("saved " + zip + " and " + ModelStore.metadataFile(zip).getFileName());
        if (choices.data() == null) {
            return new Result(zip, metadata, null);
        }
        Evaluation test = privateTest(zip, choices.data(), log);
        if (test == null) {
            return new Result(zip, metadata, null);
        }
        Map<String, Double> accuracy = new LinkedHashMap<>(metadata.accuracy());
        Map<String, Double> macroF1 = new LinkedHashMap<>(metadata.macroF1());
        accuracy.put(Split.PRIVATE_TEST.usage(), test.accuracy());
        macroF1.put(Split.PRIVATE_TEST.usage(), test.macroF1());
        ModelMetadata measured = new ModelMetadata(metadata.formatVersion(), metadata.labels(), metadata.inputSize(), metadata.normalization(),
                metadata.architecture(), metadata.parameters(), metadata.flopsPerFace(), choices.data().getFileName().toString(), "",
                0, 0, 0, accuracy, macroF1, metadata.training(), metadata.created(), metadata.versions(), metadata.keras());
        new ModelStore().writeMetadata(zip, measured);
        return new Result(zip, measured, test);
    }

    /** PrivateTest accuracy of saved model {@code zip}, loaded as the app loads it; null when the data has no PrivateTest rows. */
    public Evaluation privateTest(Path zip, Path data, Consumer<String> log) {
        List<LabeledFace> faces = DatasetReader.readAny(data, ReadOptions.DEFAULT).split(Split.PRIVATE_TEST);
        if (faces.isEmpty()) {
            log.accept("no PrivateTest rows in " + data + ": accuracy not measured");
            return null;
        }
        try (EmotionClassifier classifier = new ModelStore().load(zip)) {
            Evaluation e = new Evaluator().evaluate(classifier, faces, Split.PRIVATE_TEST.usage());
            log.accept(String.format("PrivateTest accuracy %.4f (%d faces), macro-F1 %.4f", e.accuracy(), faces.size(), e.macroF1()));
            return e;
        }
    }
}
