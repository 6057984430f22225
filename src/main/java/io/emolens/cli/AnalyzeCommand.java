package io.emolens.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.emolens.classify.EmotionClassifier;
import io.emolens.core.EmolensException;
import io.emolens.detect.DetectorSettings;
import io.emolens.pipeline.ClassifyPolicy;
import io.emolens.pipeline.FrameAnalyzer;
import io.emolens.pipeline.OfflineAnalysis;
import io.emolens.session.Privacy;
import io.emolens.session.AnalysisSummary;
import io.emolens.session.AnalyzeService;
import io.emolens.session.AnalyzerFactory;
import io.emolens.track.TrackerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code analyze INPUT --out DIR [--model FILE] [--video [--blur-faces] | --data-only] [--detector haar|yunet] [--scale-factor F --min-neighbours N
 * --min-face PX] [--score-threshold S --nms-threshold T] [--detect-width PX]}: headless analysis into faces.csv and
 * summary.json.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Detect and classify every face of a video, an image or a folder of images.")
public final class AnalyzeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "INPUT", description = "video file, image file, folder of images, or network camera URL (http(s):// MJPEG, rtsp://)")
    String input;

    @Option(names = "--seconds", defaultValue = "0", paramLabel = "S", description = "stop after S seconds of the input (0: to the end; Ctrl+C also stops a stream cleanly)")
    double seconds;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder (created if missing)")
    Path out;

    @Option(names = "--model", paramLabel = "FILE", description = "model file (default: models/emolens-default.zip)")
    Path model;

    @Option(names = "--video", description = "also write the annotated video DIR/annotated.mp4 (DIR is a session folder: File → Open session…, or the review command)")
    boolean video;

    @Option(names = "--blur-faces", description = "blur every face (grown a little, boxes held between detections too) beyond recognition in DIR/annotated.mp4, before the overlay is drawn; session.json records it")
    boolean blurFaces;

    @Option(names = "--data-only", description = "keep faces.csv, labels.csv, session.json and summary.json only: no video and no face crops (crops.csv), for studies whose consent forbids storing faces")
    boolean dataOnly;

    @Option(names = "--scan-every", paramLabel = "N", defaultValue = "" + OfflineAnalysis.DEFAULT_SCAN_EVERY,
            description = "scan every N-th frame of a video (and each new shot) whole for faces and follow the known faces through the frames between; 1 scans every frame (3-4x slower; a new face in a shot is found up to N-1 frames sooner) (default: ${DEFAULT-VALUE})")
    int scanEvery;

    @Option(names = "--no-progress", description = "do not draw the progress bar on stderr")
    boolean noProgress;

    @Mixin
    DetectorOptions detection;

    @Spec
    CommandSpec spec;

    private final AnalyzerFactory analyzers;
    private final AnalyzeService service;
    private final PrintStream err;

    public AnalyzeCommand(AnalyzerFactory analyzers, AnalyzeService service, PrintStream err) {
        this.analyzers = analyzers;
        this.service = service;
        this.err = err;
    }

    /**
     * Detectors beside the main analyzer: one per further core when every frame is scanned (the main one scans too),
     * one per core when it follows faces on the calling thread while the others scan.
     */
    private int scanWorkers() {
        int cores = Runtime.getRuntime().availableProcessors();
        return scanEvery > 1 ? cores : cores - 1;
    }

    @Override
    public Integer call() {
        DetectorSettings detector = detection.settings(spec.commandLine());
        if (scanEvery < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--scan-every must be 1 or more, was " + scanEvery);
        }
        if (dataOnly && (video || blurFaces)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--data-only keeps no video: leave out --video" + (blurFaces ? " and --blur-faces" : ""));
        }
        if (blurFaces && !video) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--blur-faces blurs the annotated video: add --video");
        }
        analyzers.detectorProblem(detector).ifPresent(problem -> {
            throw new EmolensException(problem);
        });
        EmotionClassifier classifier = null;
        Path modelFile = model != null ? model : analyzers.defaultModel().orElse(null);
        if (modelFile != null) {
            classifier = analyzers.loadModel(modelFile);
        } else {
            err.println("emolens: no model found (models/" + "emolens-default.zip" + "); detecting faces only, labels left empty.");
        }
        AnalysisSummary summary;
        ProgressBar bar = new ProgressBar(err, !noProgress);
        try (FrameAnalyzer analyzer = analyzers.create(classifier, TrackerConfig.UNSMOOTHED, ClassifyPolicy.EVERY_FACE, detector);
             ParallelDetectors more = new ParallelDetectors(analyzers, detector, scanWorkers())) {
            summary = AnalysisInterrupt.run(control -> service.analyze(input, out, video, new Privacy(blurFaces, dataOnly), analyzer, more.list(), seconds, scanEvery, control,
                    bar::update));
        } finally {
            bar.finish();
        }
        err.printf("emolens: %d frames, %d with faces, %d face rows, %.1f frames/s, peak memory %.0f MiB -> %s%n",
                summary.frames(), summary.framesWithFaces(), summary.faces(), summary.processingFps(), summary.peakRssMb(), out);
        return 0;
    }
}
