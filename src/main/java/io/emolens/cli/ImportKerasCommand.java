package io.emolens.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.emolens.session.KerasImportService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code import-keras FILE.h5 --out MODEL.zip [--labels …] [--normalization unit|signed|raw] [--name NAME] [--data FER2013]}. */
@Command(name = "import-keras", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Import a Keras 2 HDF5 model (Sequential or functional, saved with model.save()) as an Emolens model.",
                "Input size and channels come from the file; the model then works in the app, analyze, evaluate and the model manager."})
public final class ImportKerasCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE.h5", description = "the Keras model file")
    Path file;

    @Option(names = "--out", required = true, paramLabel = "MODEL.zip", description = "the Emolens model to write (MODEL.json is written beside it)")
    Path out;

    @Option(names = "--labels", paramLabel = "L1,…,L7",
            description = "the model's seven outputs in its own order, e.g. angry,disgust,fear,happy,neutral,sad,surprise (default: FER2013 order Angry,Disgust,Fear,Happy,Sad,Surprise,Neutral)")
    String labels;

    @Option(names = "--normalization", defaultValue = "unit", paramLabel = "unit|signed|raw",
            description = "pixel mapping the model was trained with: unit = pixel/255, signed = pixel/127.5 - 1, raw = 0-255 (default: ${DEFAULT-VALUE})")
    String normalization;

    @Option(names = "--name", paramLabel = "NAME", description = "name shown in the app's status bar (default: the model file name)")
    String name;

    @Option(names = "--data", paramLabel = "FER2013", description = "fer2013.csv(.gz) or image folder: measure and record PrivateTest accuracy")
    Path data;

    private final PrintStream console;

    public ImportKerasCommand() {
        this(System.out);
    }

    /** Prints progress and results to {@code console}. */
    public ImportKerasCommand(PrintStream console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        if (!out.getFileName().toString().endsWith(".zip")) {
            throw new io.emolens.core.EmolensException("--out must name a .zip model file, not " + out);
        }
        new KerasImportService().importModel(file, out, new KerasImportService.Choices(labels, normalization, name, data), console::println);
        return 0;
    }
}
