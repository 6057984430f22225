package io.emolens.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import io.emolens.bench.PipelineBenchmark;
import io.emolens.classify.EmotionClassifier;
import io.emolens.core.EmolensException;
import io.emolens.detect.DetectorSettings;
import io.emolens.pipeline.ClassifyPolicy;
import io.emolens.pipeline.FrameAnalyzer;
import io.emolens.session.AnalyzeService;
import io.emolens.session.AnalyzerFactory;
import io.emolens.source.FrameSourceFactory;
import io.emolens.track.TrackerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bench pipeline [--input CLIP] [--model FILE] [--detector haar|yunet] [--detect-width PX] [--passes N] [--json OUT]}. */
@Command(name = "pipeline", mixinStandardHelpOptions = true,
        description = "Detection ms/frame, classification ms/face, end-to-end FPS and peak RSS on a clip (default: the demo clip).")
public final class BenchPipelineCommand implements Callable<Integer> {
    @Option(names = "--input", paramLabel = "CLIP", description = "video to measure on (default: demo/demo.mp4)")
    Path input;

    @Option(names = "--model", paramLabel = "FILE", description = "model file (default: the shipped model, if any)")
    Path model;

    @Option(names = "--passes", defaultValue = "3", description = "measured passes after one warm-up pass (default 3)")
    int passes;

    @Option(names = "--json", paramLabel = "OUT", description = "also write the results as JSON")
    Path json;

    @Mixin
    DetectorOptions detection;

    @Spec
    CommandSpec spec;

    private final AnalyzerFactory analyzers;
    private final FrameSourceFactory sources;
    private final Supplier<Path> demoClip;
    private final PrintStream out;

    public BenchPipelineCommand(AnalyzerFactory analyzers, FrameSourceFactory sources, Supplier<Path> demoClip, PrintStream out) {
        this.analyzers = analyzers;
        this.sources = sources;
        this.demoClip = demoClip;
        this.out = out;
    }

    @Override
    public Integer call() throws IOException {
        Path clip = input != null ? input : demoClip.get();
        DetectorSettings detector = detection.settings(spec.commandLine());
        analyzers.detectorProblem(detector).ifPresent(problem -> {
            throw new EmolensException(problem);
        });
        Path modelFile = model != null ? model : analyzers.defaultModel().orElse(null);
        EmotionClassifier classifier = modelFile == null ? null : analyzers.loadModel(modelFile);
        PipelineBenchmark.Result r;
        try (FrameAnalyzer analyzer = analyzers.create(classifier, TrackerConfig.UNSMOOTHED, ClassifyPolicy.EVERY_FACE, detector)) {
            r = new PipelineBenchmark().run(() -> sources.open(clip), analyzer, passes);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("input", clip.toString());
        values.put("model", modelFile == null ? null : modelFile.getFileName().toString());
        values.put("detector", detector.kind().id());
        values.put("detect_width", detector.detectWidth());
        values.put("detect_ms_per_frame", r.detectMsPerFrame());
        values.put("classify_ms_per_face", r.classifyMsPerFace() < 0 ? null : r.classifyMsPerFace());
        values.put("end_to_end_fps", r.endToEndFps());
        values.put("frames", r.framesPerPass());
        values.put("faces_classified", r.facesPerPass());
        values.put("passes", r.passes());
        values.put("peak_rss_mb", r.peakRssMb());
        values.put("cpus", Runtime.getRuntime().availableProcessors());
        out.printf("clip %s: %d frames, %d faces classified per pass, %d passes (median)%n", clip.getFileName(), r.framesPerPass(), r.facesPerPass(), r.passes());
        out.printf("detection      %8.2f ms/frame (%s)%n", r.detectMsPerFrame(), detector.describe());
        out.println(r.classifyMsPerFace() < 0 ? "classification     n/a (no model)" : String.format("classification %8.2f ms/face", r.classifyMsPerFace()));
        out.printf("end to end     %8.1f frames/s%n", r.endToEndFps());
        out.printf("peak RSS       %8.0f MiB%n", r.peakRssMb());
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
