package io.emolens.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.emolens.classify.Dl4jEmotionClassifier;
import io.emolens.classify.EmotionClassifier;
import io.emolens.classify.EnsembleSpec;
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
import io.emolens.eval.ReliabilityDiagram;
import io.emolens.train.EnsembleBuilder;
import io.emolens.train.TrainServices;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code emolens evaluate}: scores a model on one FER2013 split and prints and saves the metrics. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Evaluate a model on a FER2013 split with the model's own inference (an ensemble's members, flip averaging and temperature as its metadata says): accuracy, macro-F1, log-loss, ECE (15 bins), per-class precision/recall/F1 and the confusion matrix (rows = true label, FER order). With --json, also a confusion heatmap and a reliability diagram PNG beside the JSON."})
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
    @Option(names = "--tta", description = "test-time augmentation: average with the mirrored face (models whose inference already averages flips ignore it)")
    boolean tta;
    @Option(names = "--members", description = "also score each member of an ensemble alone (with the ensemble's flip setting, no temperature) beside the whole model")
    boolean members;
    @Option(names = "--json", paramLabel = "OUT", description = "write the metrics as JSON to OUT, a confusion heatmap (OUT with .png) and a reliability diagram (OUT with -reliability.png) beside it")
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
        boolean flips = tta;
        try (EmotionClassifier classifier = TrainServices.classifier(model)) {
            Optional<EnsembleSpec> ensemble = classifier instanceof Dl4jEmotionClassifier d ? d.ensemble() : Optional.empty();
            if (tta && (members || ensemble.map(EnsembleSpec::flipAverage).orElse(false))) {
                out.println("--tta ignored: " + (members ? "with --members the members run as the model runs them"
                        : classifier.name() + " averages flips in its own inference"));
                flips = false;
            }
            out.println("evaluating " + classifier.name() + " on " + faces.size() + " " + which + " faces"
                    + ensemble.map(EvaluateCommand::describe).orElse("") + (flips ? " with test-time augmentation" : ""));
            if (members) {
                if (!(classifier instanceof Dl4jEmotionClassifier d) || ensemble.isEmpty()) {
                    throw new EmolensException("--members needs an ensemble model file; " + model + " is one network");
                }
                List<Evaluation> all = EnsembleBuilder.evaluateMembers(d, faces, which.usage());
                e = all.get(all.size() - 1);
                out.println(membersTable(ensemble.get(), all));
            } else {
                e = new Evaluator(batch, flips).evaluate(classifier, faces, which.usage());
            }
        }
        out.println(e.format());
        if (json != null) {
            e.writeJson(json);
            String what = which + (flips ? " (TTA)" : "") + ", " + model.getFileName();
            Path png = heatmapPath(json);
            ConfusionHeatmap.write(e.confusion(), "Confusion matrix, " + what, png);
            Path reliability = reliabilityPath(json);
            ReliabilityDiagram.write(e, "Reliability, " + what, reliability);
            out.println("wrote " + json + ", " + png + " and " + reliability);
        }
        return 0;
    }

    private static String describe(EnsembleSpec s) {
        return String.format(" (%d member%s%s, temperature %.3f)", s.members().size(), s.members().size() == 1 ? "" : "s",
                s.flipAverage() ? ", flips averaged" : "", s.temperature());
    }

    private static String membersTable(EnsembleSpec spec, List<Evaluation> all) {
        StringBuilder sb = new StringBuilder(EnsembleBuilder.header());
        for (int i = 0; i < spec.members().size(); i++) {
            sb.append(EnsembleBuilder.row("member " + (i + 1) + " " + spec.members().get(i).name(), all.get(i)));
        }
        sb.append(EnsembleBuilder.row(String.format("ensemble (T = %.3f)", spec.temperature()), all.get(all.size() - 1)));
        return sb.toString();
    }

    /** {@code out/eval.json} -> {@code out/eval-reliability.png}. */
    static Path reliabilityPath(Path json) {
        String name = json.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return json.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + "-reliability.png");
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
