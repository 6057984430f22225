package io.emolens.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.emolens.classify.Dl4jEmotionClassifier;
import io.emolens.classify.EmotionClassifier;
import io.emolens.classify.EnsembleSpec;
import io.emolens.core.EmolensException;
import io.emolens.core.Emotion;
import io.emolens.core.FileKinds;
import io.emolens.data.Dataset;
import io.emolens.data.DatasetReader;
import io.emolens.data.FerPlusVotes;
import io.emolens.data.LabeledFace;
import io.emolens.data.ReadOptions;
import io.emolens.data.Split;
import io.emolens.detect.DetectorSettings;
import io.emolens.detect.FaceDetector;
import io.emolens.eval.ConfusionHeatmap;
import io.emolens.eval.Evaluation;
import io.emolens.eval.Evaluator;
import io.emolens.eval.MajorityAgreement;
import io.emolens.eval.PhotoBenchmark;
import io.emolens.eval.ReliabilityDiagram;
import io.emolens.preprocess.FacePreprocessor;
import io.emolens.preprocess.RegisteredFacePreprocessor;
import io.emolens.session.AnalyzerFactory;
import io.emolens.source.ImageReader;
import io.emolens.train.EnsembleBuilder;
import io.emolens.train.TrainServices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code emolens evaluate}: scores a model on one FER2013 split and prints and saves the metrics. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Evaluate a model on a FER2013 split with the model's own inference (an ensemble's members, flip averaging and temperature as its metadata says): accuracy, macro-F1, log-loss, ECE (15 bins), per-class precision/recall/F1 and the confusion matrix (rows = true label, FER order). With --json, also a confusion heatmap and a reliability diagram PNG beside the JSON. "
                + "--ferplus adds the agreement with the FER+ annotators' majority; --photos DIR runs the app end to end on whole labelled photos instead."})
public final class EvaluateCommand implements Callable<Integer> {
    private final AnalyzerFactory analyzers;
    private final PrintStream console;
    private final PrintStream errors;

    /**
     * Prints results to {@code console} and errors to {@code errors} (the streams {@code Main.runCli} was given);
     * {@code analyzers} gives {@code --photos} the app's detectors and crop.
     */
    public EvaluateCommand(AnalyzerFactory analyzers, PrintStream console, PrintStream errors) {
        this.analyzers = analyzers;
        this.console = console;
        this.errors = errors;
    }

    @Option(names = "--data", paramLabel = "FILE_OR_DIR", description = "fer2013.csv(.gz) or an image folder with train/ and test/")
    Path data;
    @Option(names = "--photos", paramLabel = "DIR", description = "instead of --data: whole photos in class folders (angry, disgust, fear, happy, sad, surprise, neutral), "
            + "run through the app end to end: --detector's largest face, the app's crop, the model's inference; a photo without a face counts as wrong. "
            + "With --json, also a contact sheet of the mistakes (OUT with -mistakes.png)")
    Path photos;
    @Option(names = "--crop-scale", defaultValue = "1", paramLabel = "F", description = "with --photos: crops F times as large around each face as the app takes, to see how framing moves the figure (default: ${DEFAULT-VALUE})")
    double cropScale;
    @Option(names = "--crop-by", paramLabel = "box|eyes", description = "with --photos and YuNet: place and scale the crop by the box or by the eyes (default: the app's way, by the eyes)")
    String cropBy;
    @Mixin
    DetectorOptions detection;
    @Spec
    CommandSpec spec;
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
    @Option(names = "--ferplus", paramLabel = "VOTES.csv", description = "FER+ votes (fer2013new.csv, plain or .gz): also the agreement with the ten annotators' clear majority (ferplus_majority_accuracy, ferplus_majority_rows) on the faces of the split that have one")
    Path ferPlus;
    @Option(names = "--predictions", paramLabel = "OUT.csv", description = "also write every face's (or photo's) probabilities: origin,truth,label,angry,...,neutral (photos: the box too)")
    Path predictions;
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
        if ((data == null) == (photos == null)) {
            throw new EmolensException("give --data FER2013 (faces already cropped) or --photos DIR (whole photos in class folders)");
        }
        if (photos != null) {
            return photos(out);
        }
        Split which = Split.require(split);
        Dataset dataset = DatasetReader.readAny(data, strict ? ReadOptions.STRICT : ReadOptions.DEFAULT);
        if (!dataset.issues().isClean()) {
            out.println(dataset.issues().format());
        }
        List<LabeledFace> faces = dataset.split(which);
        if (faces.isEmpty()) {
            throw new EmolensException("no " + which + " rows in " + data + "; choose another --split");
        }
        FerPlusVotes votes = null;
        if (ferPlus != null) {
            votes = FerPlusVotes.read(ferPlus);
            votes.checkFits(dataset);
            if (!votes.splits().contains(which)) {
                throw new EmolensException(ferPlus + " has votes for " + votes.splits().stream().map(Split::usage).toList()
                        + " only, not for " + which.usage() + "; choose one of those with --split");
            }
        }
        Evaluation e = null;
        MajorityAgreement agreement = null;
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
            }
            if (!members || votes != null || predictions != null) {
                List<float[]> probabilities = new Evaluator(batch, flips).probabilities(classifier, faces);
                if (!members) {
                    e = Evaluator.score(probabilities, faces, which.usage());
                }
                if (votes != null) {
                    agreement = MajorityAgreement.of(probabilities, faces, votes);
                }
                if (predictions != null) {
                    List<String> rows = new java.util.ArrayList<>();
                    for (int i = 0; i < faces.size(); i++) {
                        rows.add(PredictionsCsv.row(List.of(faces.get(i).origin(), faces.get(i).emotion().label()), probabilities.get(i)));
                    }
                    PredictionsCsv.write(predictions, List.of("origin", "truth"), rows);
                }
            }
        }
        out.println(e.format());
        if (agreement != null) {
            out.println(agreement.format());
        }
        if (json != null) {
            e.writeJson(json, agreement == null ? Map.of() : agreement.toJson());
            String what = which + (flips ? " (TTA)" : "") + ", " + model.getFileName();
            Path png = heatmapPath(json);
            ConfusionHeatmap.write(e.confusion(), "Confusion matrix, " + what, png);
            Path reliability = reliabilityPath(json);
            ReliabilityDiagram.write(e, "Reliability, " + what, reliability);
            out.println("wrote " + json + ", " + png + " and " + reliability);
        }
        return 0;
    }

    private int photos(PrintStream out) {
        if (!(cropScale >= 0.5 && cropScale <= 2)) {
            throw new EmolensException("--crop-scale must be within 0.5..2, was " + cropScale);
        }
        if (cropBy != null && !cropBy.equals("box") && !cropBy.equals("eyes")) {
            throw new EmolensException("--crop-by must be box or eyes, was " + cropBy);
        }
        DetectorSettings settings = detection.settings(spec.commandLine());
        List<Map.Entry<Path, Emotion>> files = PhotoBenchmark.list(photos);
        FacePreprocessor crop = analyzers.preprocessor();
        if (crop instanceof RegisteredFacePreprocessor registered) {
            registered = registered.scaled(cropScale);
            crop = cropBy == null ? registered : registered.placedByEyes(cropBy.equals("eyes"));
        }
        PhotoBenchmark.Result r;
        PhotoBenchmark bench;
        try (FaceDetector detector = analyzers.detector(settings); EmotionClassifier classifier = TrainServices.classifier(model)) {
            out.println("evaluating " + classifier.name() + " on " + files.size() + " photos in " + photos + " with " + settings.describe());
            bench = new PhotoBenchmark(detector, crop, classifier, ImageReader::read);
            ProgressBar bar = new ProgressBar(errors, true, "photos");
            r = bench.run(photos, files, settings.kind().title(), model.getFileName().toString(), done -> bar.update(done, files.size()));
            bar.finish();
        }
        out.print(r.format());
        if (predictions != null) {
            List<String> rows = new java.util.ArrayList<>();
            for (PhotoBenchmark.Photo p : r.photos()) {
                List<String> head = p.found() ? List.of(p.file(), p.truth().label(), String.valueOf(p.box().x()), String.valueOf(p.box().y()),
                        String.valueOf(p.box().width()), String.valueOf(p.box().height()))
                        : List.of(p.file(), p.truth().label(), "", "", "", "");
                rows.add(PredictionsCsv.row(head, p.probability()));
            }
            PredictionsCsv.write(predictions, List.of("origin", "truth", "x", "y", "w", "h"), rows);
        }
        if (json != null) {
            Map<String, Object> doc = new java.util.LinkedHashMap<>(r.toJson());
            doc.put("crop_scale", cropScale);
            doc.put("crop_by", cropBy == null ? "app" : cropBy);
            Evaluation.writeDocument(json, doc);
            Path sheet = mistakesPath(json);
            int drawn = bench.writeMistakes(r, photos, sheet, 200);
            out.println("wrote " + json + " and " + sheet + " (" + drawn + " mistakes)");
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
        return besideJson(json, "-reliability.png");
    }

    /** {@code out/eval.json} -> {@code out/eval.png}. */
    static Path heatmapPath(Path json) {
        return besideJson(json, ".png");
    }

    /** {@code out/eval.json} -> {@code out/eval-mistakes.png}. */
    static Path mistakesPath(Path json) {
        return besideJson(json, "-mistakes.png");
    }

    /** The file beside {@code json} named as it is without its extension, then {@code suffix}. */
    private static Path besideJson(Path json, String suffix) {
        String name = json.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return json.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + suffix);
    }
}
