package io.emolens.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import io.emolens.classify.EmotionClassifier;
import io.emolens.core.EmolensException;
import io.emolens.core.FileKinds;
import io.emolens.data.Dataset;
import io.emolens.data.DatasetReader;
import io.emolens.data.LabeledFace;
import io.emolens.data.ReadOptions;
import io.emolens.data.Split;
import io.emolens.eval.ConfusionHeatmap;
import io.emolens.eval.Evaluation;
import io.emolens.eval.Evaluator;
import io.emolens.train.TrainServices;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code emolens evaluate}: scores a model on one FER2013 split and prints and saves the metrics. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Evaluate a model on a FER2013 split: accuracy, macro-F1, per-class precision/recall/F1 and the confusion matrix (rows = true label, FER order). With --json, also a heatmap PNG beside the JSON."})
public final class EvaluateCommand implements Callable<Integer> {
    private final PrintStream console;
    private final PrintStream errors;

    public EvaluateCommand() {
        this(System.out, System.err);
    }

    /** Prints results to {@code console} and errors to {@code errors} (the streams {@code Main.runCli} was given). */
    public EvaluateCommand(PrintStream console, PrintStream errors) {
        this.console = console;
        this.errors = errors;
    }

    @Option(names = "--data", required = true, paramLabel = "FILE_OR_DIR", description = "fer2013.csv(.gz) or an image folder with train/ and test/")
    Path data;
    @Option(names = "--split", defaultValue = "PrivateTest", description = "Training, PublicTest or PrivateTest (default: ${DEFAULT-VALUE})")
    String split;
    @Option(names = "--model", paramLabel = "FILE", description = "model file, or a training run folder (its best epoch) (default: ${DEFAULT-VALUE})",
            defaultValue = "models/emolens-default.zip")
    Path model;
    @Option(names = "--tta", description = "test-time augmentation: average with the mirrored face")
    boolean tta;
    @Option(names = "--json", paramLabel = "OUT", description = "write the metrics as JSON to OUT and a confusion heatmap beside it (OUT with .png)")
    Path json;
    @Option(names = "--batch", defaultValue = "256", description = "faces per network call (default: ${DEFAULT-VALUE})")
    int batch;
    @Option(names = "--strict", description = "stop at the first bad row with file and line instead of skipping it")
    boolean strict;

    @Override
    public Integer call() {
        try {
            return run(console);
        } catch (EmolensException | IllegalArgumentException e) {
            errors.println("error: " + FileKinds.oneLine(e.getMessage(), 600));
            return 2;
        }
    }

    private int run(PrintStream out) {
        Split which = Split.require(split);
        Dataset dataset = DatasetReader.readAny(data, strict ? ReadOptions.STRICT : ReadOptions.DEFAULT);
        if (!dataset.issues().isClean()) {
            out.println(dataset.issues().format());
        }
        List<LabeledFace> faces = dataset.split(which);
        if (faces.isEmpty()) {
            throw new EmolensException("no " + which + " rows in " + data + "; choose another --split");
        }
        Evaluation e;
        try (EmotionClassifier classifier = TrainServices.classifier(model)) {
            out.println("evaluating " + classifier.name() + " on " + faces.size() + " " + which + " faces"
                    + (tta ? " with test-time augmentation" : ""));
            e = new Evaluator(batch, tta).evaluate(classifier, faces, which.usage());
        }
        out.println(e.format());
        if (json != null) {
            e.writeJson(json);
            Path png = heatmapPath(json);
            ConfusionHeatmap.write(e.confusion(), "Confusion matrix, " + which + (tta ? " (TTA)" : "") + ", "
                    + model.getFileName(), png);
            out.println("wrote " + json + " and " + png);
        }
        return 0;
    }

    /** {@code out/eval.json} -> {@code out/eval.png}. */
    static Path heatmapPath(Path json) {
        String name = json.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return json.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".png");
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new EvaluateCommand()).execute(args));
    }
}
