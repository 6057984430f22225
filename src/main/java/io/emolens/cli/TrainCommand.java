package io.emolens.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;

import io.emolens.classify.Architectures;
import io.emolens.classify.FastCpu;
import io.emolens.classify.NetworkConfig;
import io.emolens.core.EmolensException;
import io.emolens.core.FileKinds;
import io.emolens.data.Dataset;
import io.emolens.data.DatasetReader;
import io.emolens.data.PhotoFolderReader;
import io.emolens.data.LabelMode;
import io.emolens.data.ReadOptions;
import io.emolens.data.SplitReport;
import io.emolens.detect.DetectorSettings;
import io.emolens.detect.FaceDetector;
import io.emolens.session.AnalyzerFactory;
import io.emolens.train.AugmentConfig;
import io.emolens.train.CrossValidation;
import io.emolens.train.EnsembleBuilder;
import io.emolens.train.FineTuneResult;
import io.emolens.train.FineTuner;
import io.emolens.train.ModelExporter;
import io.emolens.train.NetworkFactory;
import io.emolens.train.RunFolder;
import io.emolens.train.TrainConfig;
import io.emolens.train.Trainer;
import io.emolens.train.TrainingControl;
import io.emolens.train.TrainingResult;
import io.emolens.train.TrainServices;
import io.emolens.train.TuneOptions;
import io.emolens.train.VoteLabels;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;

/** {@code emolens train}: parses options and runs the training service, printing progress to the console. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train an emotion CNN on FER2013 with early stopping on PublicTest, checkpoints every epoch, learning curves (RUN_DIR/curves.csv, curves.png), an over-fitting diagnosis, and a final PrivateTest evaluation. Resume a killed or finished run with --resume RUN_DIR."})
public final class TrainCommand implements Callable<Integer> {
    private final NetworkFactory networks;
    private final ModelExporter exporter;
    private final AnalyzerFactory analyzers;
    private final PrintStream console;
    private final PrintStream errors;

    /** The command over the classify package's architectures and model store. */
    public TrainCommand() {
        this(System.out, System.err);
    }

    /** The command printing to {@code console} and {@code errors} (the streams {@code Main.runCli} was given). */
    public TrainCommand(PrintStream console, PrintStream errors) {
        this(null, console, errors);
    }

    /** As above; {@code analyzers} gives whole-photo data the app's detector and crop (null: such data is refused). */
    public TrainCommand(AnalyzerFactory analyzers, PrintStream console, PrintStream errors) {
        this(TrainServices.networks(), TrainServices.exporter(), analyzers, console, errors);
    }

    /** The command over other networks and exporter (tests), printing to {@code console} and {@code errors}. */
    TrainCommand(NetworkFactory networks, ModelExporter exporter, PrintStream console, PrintStream errors) {
        this(networks, exporter, null, console, errors);
    }

    private TrainCommand(NetworkFactory networks, ModelExporter exporter, AnalyzerFactory analyzers, PrintStream console, PrintStream errors) {
        this.networks = networks;
        this.exporter = exporter;
        this.analyzers = analyzers;
        this.console = console;
        this.errors = errors;
    }

    @Option(names = "--data", paramLabel = "FILE_OR_DIR", description = "fer2013.csv(.gz) (an optional subject or group column names each face's person), a folder with train/<class>/ and test/<class>/ face images, or whole photos in class folders (angry … neutral; faces found with --detector and cropped as the app does; PERSON.… or PERSON_… names give the person) (on --resume: defaults to the run's data)")
    Path data;
    @Option(names = "--arch", paramLabel = "NAME", defaultValue = "default", description = "architecture: default or seed (default: ${DEFAULT-VALUE})")
    String arch;
    @Option(names = "--out", paramLabel = "RUN_DIR", description = "new run folder (checkpoints, curves, model)")
    Path out;
    @Option(names = "--resume", paramLabel = "RUN_DIR", description = "continue the run in RUN_DIR from its last completed epoch")
    Path resume;
    @Option(names = "--max-epochs", description = "epoch limit (default 60; on --resume: raises the limit)")
    Integer maxEpochs;
    @Option(names = "--batch", description = "minibatch size (default 64)")
    Integer batch;
    @Option(names = "--lr", description = "initial Adam learning rate (default 1e-3; seed: 1e-4)")
    Double lr;
    @Option(names = "--l2", description = "L2 weight decay (default 1e-4; seed: 0)")
    Double l2;
    @Option(names = "--dropout", description = "fraction dropped after the hidden dense layer (default: the architecture's own, 0.5)")
    Double dropout;
    @Option(names = "--conv-dropout", description = "fraction dropped after each convolution block (default: the architecture's own)")
    Double convDropout;
    @Option(names = "--patience", description = "early stopping: epochs without improvement (default 10)")
    Integer patience;
    @Option(names = "--monitor", description = "metric for the best epoch: VAL_ACCURACY or VAL_LOSS (default VAL_ACCURACY)")
    TrainConfig.Monitor monitor;
    @Option(names = "--lr-patience", description = "epochs without validation-loss improvement before halving the learning rate; 0 = never (default 3)")
    Integer lrPatience;
    @Option(names = "--seed", description = "random seed (default 42)")
    Long seed;
    @Option(names = "--no-augment", description = "switch augmentation off")
    boolean noAugment;
    @Option(names = "--shift", description = "max shift, fraction of the face (default 0.1)")
    Double shift;
    @Option(names = "--rotation", description = "max rotation in degrees (default 10)")
    Double rotation;
    @Option(names = "--zoom", description = "max zoom fraction (default 0.1)")
    Double zoom;
    @Option(names = "--brightness", description = "max brightness offset (default 0.1)")
    Double brightness;
    @Option(names = "--contrast", description = "max contrast change (default 0.2)")
    Double contrast;
    @Option(names = "--no-flip", description = "no horizontal flips")
    boolean noFlip;
    @Option(names = "--camera-augment", description = "also distort faces as a webcam and the app's own crop do: low resolution, blur, low light, noise, JPEG (each 1 in 4)")
    boolean cameraAugment;
    @Option(names = "--ferplus", paramLabel = "VOTES.csv", description = "FER+ votes for the FER2013 rows (fer2013new.csv, plain or .gz): curves show PublicTest's agreement with the annotators' majority, and --label-mode trains on them")
    Path ferPlus;
    @Option(names = "--label-mode", paramLabel = "MODE", description = "with --ferplus: fer2013 (FER2013's labels, default), majority (the annotators' clear majority), votes (their vote distribution), blend[:W] (W x votes + (1 - W) x FER2013's label, W default 0.5) or agreed (FER2013's label, only on the rows whose label is the clear majority); contempt, unknown and not-a-face votes are left out, and rows without usable votes are not trained on")
    String labelMode;
    @Option(names = "--class-weights", description = "weight the loss by inverse class frequency")
    boolean classWeights;
    @Option(names = "--subsample", description = "use at most N images per split (quick trials; default all)")
    Integer subsample;
    @Option(names = "--average-from", paramLabel = "EPOCH", description = "from this epoch on, keep the running mean of every "
            + "epoch's weights and make the model that mean (stochastic weight averaging; set --patience high enough to get "
            + "there); 0 = off (default). On --resume: may be set or changed")
    Integer averageFrom;
    @Option(names = "--checkpoint-minutes", description = "also checkpoint inside an epoch every N minutes; 0 = epoch ends only (default 10)")
    Double checkpointMinutes;
    @Option(names = "--folds", description = "k-fold cross-validation on Training instead of one run (k >= 2)")
    Integer folds;
    @Option(names = "--strict", description = "stop at the first bad row with file and line instead of skipping it")
    boolean strict;
    @Option(names = "--report-only", description = "print the split report and exit")
    boolean reportOnly;
    @Option(names = "--from", paramLabel = "MODEL.zip", description = "fine-tune this model (plain or ensemble) on --data instead of training a new network: its weights, input and labels; learning rate 1e-4, at most 10 epochs, patience 4 unless given")
    Path from;
    @Option(names = "--replay", paramLabel = "FER2013", description = "with --from: mix a fresh stratified sample of this FER2013 file's Training rows into every epoch, so the model keeps reading faces in general; its PrivateTest is measured before and after")
    Path replay;
    @Option(names = "--replay-fraction", paramLabel = "F", description = "with --replay: share of each epoch's images that are FER2013 rows (default 0.5)")
    Double replayFraction;
    @Option(names = {"--max-general-drop", "--max-forgetting"}, paramLabel = "POINTS", description = "with --replay: an epoch that loses more accuracy than this on the replay file's PublicTest (faces in general) than the base network cannot be the kept epoch; the kept one is the best on your held-out faces among the others (default 2.0)")
    Double maxForgetting;
    @Option(names = "--tune", paramLabel = "all|head|N", description = "with --from: the layers tuned, the rest keep the base's weights: all, head (the last 2 layers with weights) or the last N (default all)")
    String tune;
    @Option(names = "--batch-norm", paramLabel = "frozen|trained", description = "with --from: frozen keeps the base's batch-norm statistics (folded into the layers before them, as at inference); trained lets your faces update them (default frozen)")
    String batchNorm;
    @Option(names = "--l2-sp", paramLabel = "LAMBDA", description = "with --from: pull the tuned weights toward the base's, penalty LAMBDA/2 x |w - w0|^2 (L2-SP); about 1/LAMBDA is how far a weight may move (default 0, none)")
    Double l2sp;
    @Option(names = "--warmup", paramLabel = "EPOCHS", description = "with --from: the learning rate rises linearly from 0 over the first EPOCHS epochs; 0 = none (default 1)")
    Integer warmup;
    @Mixin
    DetectorOptions detection;
    @Spec
    CommandSpec spec;
    @Option(names = "--into", paramLabel = "ENSEMBLE.zip", description = "when the run ends with a model, add it as a member of this ensemble model (created if absent) and refit its temperature on PublicTest")
    Path into;

    @Override
    public Integer call() {
        try {
            return run(console);
        } catch (EmolensException | IllegalArgumentException e) {
            errors.println("error: " + FileKinds.oneLine(e.getMessage(), 600));
            return 2;
        }
    }

    private int run(PrintStream console) {
        if ((resume == null) == (out == null) && !reportOnly) {
            throw new EmolensException("give either --out RUN_DIR for a new run or --resume RUN_DIR to continue one");
        }
        Path dataPath = data;
        if (dataPath == null && resume != null) {
            dataPath = Path.of(FineTuner.isFineTuneRun(resume) ? FineTuner.readPlan(resume).data() : new RunFolder(resume).readSpec().data());
        }
        if (dataPath == null) {
            throw new EmolensException("--data FILE_OR_DIR is required: the FER2013 CSV or image folder");
        }
        console.println("reading " + dataPath + " ...");
        Dataset dataset = read(dataPath);
        console.println(SplitReport.of(dataset).format());
        if (reportOnly) {
            return 0;
        }
        if (into != null && (folds != null || !into.getFileName().toString().endsWith(".zip"))) {
            throw new EmolensException(folds != null ? "--into adds one model to an ensemble; it cannot be used with --folds"
                    : "--into must name a .zip model file, was " + into);
        }
        if (resume == null && from == null && Architectures.names().contains(arch)) {
            FastCpu.configure();
            Architectures.Cost cost = Architectures.cost(Architectures.configuration(arch, NetworkConfig.of(1e-3, 0, 0)));
            console.println(String.format("architecture %s: %,d parameters, %.0f MFLOP per face; oneDNN helpers %s",
                    arch, cost.parameters(), cost.flopsPerFace() / 1e6, FastCpu.enabled() ? "on" : "off"));
        }
        ConsoleProgress progress = new ConsoleProgress(console, 30);
        TrainingControl control = new TrainingControl();
        if (from != null || (resume != null && FineTuner.isFineTuneRun(resume))) {
            return fineTune(dataset, progress, control);
        }
        if (replay != null || replayFraction != null || maxForgetting != null || tune != null || batchNorm != null || l2sp != null || warmup != null) {
            throw new EmolensException("--replay, --replay-fraction, --max-general-drop, --tune, --batch-norm, --l2-sp and --warmup belong to fine-tuning: add --from MODEL.zip");
        }
        Trainer trainer = new Trainer(networks, exporter);
        TrainingResult result;
        if (resume != null && (ferPlus != null || labelMode != null || cameraAugment)) {
            throw new EmolensException("--ferplus, --label-mode and --camera-augment set up a new run; a resumed run keeps the labels and augmentation it started with");
        }
        if (resume != null) {
            result = trainer.resume(dataset, resume, overrides(), progress, control);
        } else if (folds != null) {
            console.println(new CrossValidation(trainer, folds).run(dataset, config(), out, progress, control).format());
            return 0;
        } else {
            result = trainer.train(dataset, config(), out, progress, control);
        }
        console.println();
        console.println("Run " + result.summary() + ".");
        if (!result.history().isEmpty()) {
            console.println(result.diagnosis().text());
        }
        if (result.validation() != null) {
            console.println(result.validation().format());
        }
        if (result.test() != null) {
            console.println(result.test().format());
        }
        console.println("run folder: " + result.runDir().toAbsolutePath() + (result.model() == null ? ""
                : "\nmodel: " + result.model().toAbsolutePath()));
        if (into != null) {
            if (result.model() == null) {
                throw new EmolensException("the run saved no model, so nothing was added to " + into);
            }
            console.println("adding the model to " + into + " ...");
            console.print(new EnsembleBuilder(console::println).addMember(into, result.model(), dataset).format());
        }
        return 0;
    }

    private int fineTune(Dataset dataset, ConsoleProgress progress, TrainingControl control) {
        if (folds != null || into != null) {
            throw new EmolensException("--folds and --into cannot be combined with fine-tuning");
        }
        FineTuner tuner = new FineTuner(exporter);
        FineTuneResult result;
        if (resume != null && (replay != null || replayFraction != null || maxForgetting != null || tune != null || batchNorm != null
                || l2sp != null || warmup != null)) {
            throw new EmolensException("a resumed fine-tuning run keeps the replay, guard and method it started with (its finetune.json)");
        }
        if (resume != null) {
            console.println("continuing the fine-tuning run in " + resume);
            result = tuner.resume(resume, dataset, progress, control);
        } else {
            if (replay == null && replayFraction != null) {
                throw new EmolensException("--replay-fraction needs --replay FER2013");
            }
            String architecture = tuner.checkBase(from);
            TrainConfig config = config(FineTuner.defaults(architecture));
            TuneOptions options = tuneOptions();
            console.println("fine-tuning " + from + " (" + architecture + ") on " + dataset.source()
                    + String.format(": learning rate %.3g, at most %d epochs%s", config.learningRate(), config.maxEpochs(),
                    replay == null ? ", no replay" : String.format(", replaying %s (%.0f%% of each epoch), kept epochs within %.1f points of the base on its PublicTest",
                            replay, 100 * options.replayFraction(), 100 * options.maxGeneralDrop())));
            result = tuner.fineTune(from, dataset, config, options, out, progress, control);
        }
        console.println();
        console.print(result.format());
        return 0;
    }

    /** How --from tunes: the defaults overridden by the options given. */
    private TuneOptions tuneOptions() {
        TuneOptions d = TuneOptions.defaults(replay);
        if (batchNorm != null && !batchNorm.equals("frozen") && !batchNorm.equals("trained")) {
            throw new EmolensException("--batch-norm must be frozen or trained, was " + batchNorm);
        }
        return d.withReplay(replay, or(replayFraction, d.replayFraction()))
                .withMaxGeneralDrop(maxForgetting == null ? d.maxGeneralDrop() : maxForgetting / 100)
                .withMethod(tune == null ? d.tunedLayers() : TuneOptions.parseLayers(tune),
                        batchNorm == null ? d.batchNormFrozen() : batchNorm.equals("frozen"), or(l2sp, d.l2sp()), or(warmup, d.warmupEpochs()));
    }

    /** The faces of {@code path}: a FER2013 CSV, an image folder of crops, or whole photos through the app's detector and crop. */
    private Dataset read(Path path) {
        ReadOptions options = strict ? ReadOptions.STRICT : ReadOptions.DEFAULT;
        if (!PhotoFolderReader.isPhotoFolder(path)) {
            return DatasetReader.readAny(path, options);
        }
        if (analyzers == null) {
            throw new EmolensException(path + " holds whole photos in class folders: run 'train' from emolens.jar, which finds their faces with the app's detector");
        }
        DetectorSettings settings = detection.settings(spec.commandLine());
        console.println("whole photos: each photo's largest face as " + settings.describe() + " finds it, cropped as the app crops faces");
        try (FaceDetector detector = analyzers.detector(settings)) {
            return new PhotoFolderReader(detector, analyzers.preprocessor()).read(path, options);
        }
    }

    /** The settings of a new run: the architecture's defaults overridden by the options given. */
    TrainConfig config() {
        return config(TrainConfig.defaults(arch));
    }

    private TrainConfig config(TrainConfig d) {
        String arch = d.architecture();
        AugmentConfig a = noAugment ? AugmentConfig.NONE : new AugmentConfig(!noFlip, or(shift, d.augment().maxShift()),
                or(rotation, d.augment().maxRotation()), or(zoom, d.augment().maxZoom()),
                or(brightness, d.augment().maxBrightness()), or(contrast, d.augment().maxContrast()), cameraAugment || d.augment().camera());
        double rate = or(lr, d.learningRate());
        return new TrainConfig(arch, or(maxEpochs, d.maxEpochs()), or(batch, d.batchSize()), rate, or(l2, d.l2()),
                or(dropout, d.dropout()), or(convDropout, d.convDropout()), or(patience, d.patience()), monitor == null ? d.monitor() : monitor,
                or(lrPatience, d.lrPatience()), d.lrFactor(), Math.min(rate, d.minLearningRate()), or(seed, d.seed()), a,
                classWeights, d.trainEvalSize(), or(subsample, d.subsample()), or(checkpointMinutes, d.checkpointSeconds() / 60) * 60,
                or(averageFrom, d.averageFrom()), labels());
    }

    /** The FER+ votes and label mode given, or null. */
    private VoteLabels labels() {
        if (ferPlus == null) {
            if (labelMode != null) {
                throw new EmolensException("--label-mode " + labelMode + " needs --ferplus VOTES.csv, the FER+ votes file");
            }
            return null;
        }
        return VoteLabels.of(ferPlus, labelMode == null ? LabelMode.FER2013 : LabelMode.parse(labelMode));
    }

    /** What --resume may change: the epoch limit, patience, learning rate and weight averaging. */
    private UnaryOperator<TrainConfig> overrides() {
        return c -> {
            TrainConfig r = maxEpochs == null ? c : c.withMaxEpochs(maxEpochs);
            r = patience == null ? r : r.withPatience(patience);
            r = averageFrom == null ? r : r.withAverageFrom(averageFrom);
            return lr == null ? r : r.withLearningRate(lr);
        };
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new TrainCommand()).execute(args));
    }
}
