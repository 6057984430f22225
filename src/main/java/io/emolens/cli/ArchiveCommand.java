package io.emolens.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import io.emolens.archive.ArchiveJob;
import io.emolens.archive.ArchiveRequest;
import io.emolens.archive.ExecutorSetup;
import io.emolens.core.EmolensException;
import io.emolens.detect.DetectorSettings;
import io.emolens.session.AnalyzerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code archive INPUT… --out OUT [--master URL] [--segment-minutes M] [--detector haar|yunet …] [--model FILE]}: a video
 * archive analyzed as a Spark job, embedded ({@code local[*]}) or under spark-submit. Finds Spark, checks the detector
 * and model here, before Spark starts, then hands over to the {@link ArchiveJob}.
 */
@Command(name = "archive", mixinStandardHelpOptions = true,
        description = "Analyze every video of an archive (files or folders, any Hadoop filesystem) as an Apache Spark job; "
                + "writes OUT/faces/ (Parquet), OUT/videos.csv and OUT/videos.parquet. Exit 0: all complete, 3: some failed, 2: bad usage.")
public final class ArchiveCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "video files or folders (searched recursively), local paths or URIs such as hdfs://… or s3a://…")
    List<String> inputs;

    @Option(names = "--out", required = true, paramLabel = "OUT", description = "output folder (created if missing; a re-run skips the videos it holds complete)")
    String out;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master (default: the one spark-submit gives, else local[*], Spark inside this process)")
    String master;

    @Option(names = "--segment-minutes", paramLabel = "M", defaultValue = "5",
            description = "cut longer videos into segments of M minutes, each a task of its own (default: ${DEFAULT-VALUE})")
    double segmentMinutes;

    @Option(names = "--model", paramLabel = "FILE", description = "model file (default: models/emolens-default.zip)")
    Path model;

    @Mixin
    DetectorOptions detection;

    @Spec
    CommandSpec spec;

    private final AnalyzerFactory analyzers;
    private final BiFunction<DetectorSettings, Path, ExecutorSetup> setups;
    private final Supplier<ArchiveJob> job;
    private final PrintStream err;

    /**
     * @param setups how executors build analyzers, for these detector settings and model file (null: detection only)
     * @param job    the Spark job, loaded when the command runs
     */
    public ArchiveCommand(AnalyzerFactory analyzers, BiFunction<DetectorSettings, Path, ExecutorSetup> setups, Supplier<ArchiveJob> job,
                          PrintStream err) {
        this.analyzers = analyzers;
        this.setups = setups;
        this.job = job;
        this.err = err;
    }

    @Override
    public Integer call() {
        DetectorSettings detector = detection.settings(spec.commandLine());
        if (!(segmentMinutes > 0)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--segment-minutes must be more than 0, was " + segmentMinutes);
        }
        ArchiveJob archive = job.get();
        analyzers.detectorProblem(detector).ifPresent(problem -> {
            throw new EmolensException(problem);
        });
        Path modelFile = model != null ? model : analyzers.defaultModel().orElse(null);
        if (modelFile != null) {
            analyzers.loadModel(modelFile).close();
        } else {
            err.println("emolens: no model found (models/emolens-default.zip); detecting faces only, labels left empty.");
        }
        ArchiveRequest request = new ArchiveRequest(inputs, out, master, segmentMinutes);
        return archive.run(request, setups.apply(detector, modelFile), err);
    }
}
