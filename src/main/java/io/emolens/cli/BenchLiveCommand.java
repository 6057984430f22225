package io.emolens.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Stream;

import io.emolens.bench.LiveBenchmark;
import io.emolens.bench.ScratchFolders;
import io.emolens.classify.EmotionClassifier;
import io.emolens.core.EmolensException;
import io.emolens.detect.DetectorConfig;
import io.emolens.detect.DetectorKind;
import io.emolens.detect.DetectorSettings;
import io.emolens.detect.YunetConfig;
import io.emolens.pipeline.ClassifyPolicy;
import io.emolens.pipeline.FrameAnalyzer;
import io.emolens.pipeline.LiveStats;
import io.emolens.session.AnalyzeService;
import io.emolens.session.AnalyzerFactory;
import io.emolens.source.FrameSourceFactory;
import io.emolens.track.BoxMotion;
import io.emolens.track.TrackerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code bench live [--input CLIP] [--seconds S] [--detector NAME] [--model FILE] [--record] [--follow MODE] [--json OUT]}. */
@Command(name = "live", mixinStandardHelpOptions = true,
        description = "Plays a clip (default: the demo clip) through the app's live path without a window: display and analysis FPS, label age, peak RSS.")
public final class BenchLiveCommand implements Callable<Integer> {
    static final String DEFAULT_DETECTOR = "haar";

    @Option(names = "--input", paramLabel = "CLIP", description = "video or stream URL to play (default: demo/demo.mp4, looped)")
    String input;

    @Option(names = "--seconds", defaultValue = "20", description = "measured seconds after a 3 s warm-up (default ${DEFAULT-VALUE})")
    double seconds;

    @Option(names = "--detector", defaultValue = DEFAULT_DETECTOR, paramLabel = "NAME", description = "face detector: haar or yunet, with its default settings (default: ${DEFAULT-VALUE})")
    String detector;

    @Option(names = "--model", paramLabel = "FILE", description = "model file (default: the shipped model, if any)")
    Path model;

    @Option(names = "--no-model", description = "detection only, no classifier")
    boolean noModel;

    @Option(names = "--record", description = "record a session (annotated video, CSVs) while measuring, as the app does")
    boolean record;

    @Option(names = "--follow", defaultValue = "velocity", paramLabel = "MODE",
            description = "how boxes follow faces between analyses: velocity (extrapolate) or hold (default: ${DEFAULT-VALUE})")
    String follow;

    @Option(names = "--whole-frames", description = "scan every analyzed frame whole, as before faces were followed between scans (for comparison)")
    boolean wholeFrames;

    @Option(names = "--json", paramLabel = "OUT", description = "also write the results as JSON")
    Path json;

    @Spec
    CommandSpec spec;

    private final AnalyzerFactory analyzers;
    private final FrameSourceFactory sources;
    private final Supplier<Path> demoClip;
    private final PrintStream out;

    public BenchLiveCommand(AnalyzerFactory analyzers, FrameSourceFactory sources, Supplier<Path> demoClip, PrintStream out) {
        this.analyzers = analyzers;
        this.sources = sources;
        this.demoClip = demoClip;
        this.out = out;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        BoxMotion.Mode mode = switch (follow.toLowerCase(Locale.ROOT)) {
            case "velocity" -> BoxMotion.Mode.VELOCITY;
            case "hold" -> BoxMotion.Mode.HOLD;
            default -> throw new ParameterException(spec.commandLine(), "--follow must be velocity or hold, was " + follow);
        };
        DetectorSettings detection;
        try {
            detection = DetectorKind.of(detector) == DetectorKind.YUNET ? YunetConfig.DEFAULT : DetectorConfig.DEFAULT;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        String clip = input != null ? input : demoClip.get().toString();
        Path modelFile = noModel ? null : model != null ? model : analyzers.defaultModel().orElse(null);
        EmotionClassifier classifier = modelFile == null ? null : analyzers.loadModel(modelFile);
        FrameAnalyzer analyzer = wholeFrames ? analyzers.create(classifier, TrackerConfig.DEFAULT, ClassifyPolicy.LIVE, detection)
                : analyzers.createLive(classifier, detection);
        Path scratch = record ? Files.createTempDirectory("emolens-bench-live") : null;
        LiveBenchmark.Result r;
        try {
            r = new LiveBenchmark().run(() -> sources.open(clip), analyzer, mode, seconds, scratch == null ? null : scratch.resolve("session"));
        } finally {
            if (scratch != null) {
                ScratchFolders.delete(scratch);
            }
        }
        LiveStats.Snapshot s = r.stats();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("input", clip);
        values.put("whole_frames", wholeFrames);
        values.put("model", modelFile == null ? null : modelFile.getFileName().toString());
        values.put("detector", detector);
        values.put("follow", mode.name().toLowerCase(Locale.ROOT));
        values.put("record", record);
        values.put("seconds", s.seconds());
        values.put("source_fps", r.sourceFps());
        values.put("display_fps", s.displayFps());
        values.put("analysis_fps", s.analysisFps());
        values.put("label_age_ms_p50", Double.isNaN(s.labelAgeP50Ms()) ? null : s.labelAgeP50Ms());
        values.put("label_age_ms_p95", Double.isNaN(s.labelAgeP95Ms()) ? null : s.labelAgeP95Ms());
        values.put("dropped_analysis_frames", s.droppedAnalysis());
        values.put("frames_read", s.read());
        values.put("frames_displayed", s.displayed());
        values.put("frames_skipped", s.skipped());
        values.put("frames_analyzed", s.analyzed());
        values.put("labels_drawn", s.labelAges());
        values.put("recorded_frames", r.recordedFrames());
        values.put("recording_dropped_frames", r.videoDropped());
        values.put("analysis_cpu_ms_per_frame", r.analysisCpuMsPerFrame());
        values.put("display_cpu_ms_per_frame", r.displayCpuMsPerFrame());
        values.put("peak_rss_mb", r.peakRssMb());
        values.put("cpus", Runtime.getRuntime().availableProcessors());
        out.printf("%s, model %s, detector %s, boxes %s%s, %.1f s measured, %d CPUs%n", Path.of(clip).getFileName(),
                modelFile == null ? "none" : modelFile.getFileName(), detector, values.get("follow"), record ? ", recording" : "",
                s.seconds(), Runtime.getRuntime().availableProcessors());
        out.printf("source      %6.2f frames/s%n", r.sourceFps());
        out.printf("display     %6.2f frames/s (%.2fx source; %d shown, %d skipped to stay in real time)%n", s.displayFps(),
                r.sourceFps() > 0 ? s.displayFps() / r.sourceFps() : Double.NaN, s.displayed(), s.skipped());
        out.printf("analysis    %6.2f frames/s (%d analyzed, %d replaced by a newer frame before analysis)%n", s.analysisFps(), s.analyzed(),
                s.droppedAnalysis());
        out.printf("label age   p50 %.0f ms, p95 %.0f ms (%d labels drawn)%n", s.labelAgeP50Ms(), s.labelAgeP95Ms(), s.labelAges());
        out.printf("CPU         analysis %.1f ms per analyzed frame, source thread %.1f ms per shown frame%n", r.analysisCpuMsPerFrame(),
                r.displayCpuMsPerFrame());
        if (record) {
            out.printf("recorded    %d frames (%d dropped by the encoder), session %s%n", r.recordedFrames(), r.videoDropped(), r.sessionStatus());
        }
        out.printf("peak RSS    %6.0f MiB%n", r.peakRssMb());
        if (json != null) {
            try {
                AnalyzeService.json().writeValue(json.toFile(), values);
            } catch (IOException e) {
                throw new EmolensException("Cannot write " + json + ": " + e.getMessage(), e);
            }
        }
        return 0;
    }
}
