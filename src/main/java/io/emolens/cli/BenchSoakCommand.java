package io.emolens.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Stream;

import io.emolens.bench.ResourceSample;
import io.emolens.bench.ScratchFolders;
import io.emolens.bench.SoakBenchmark;
import io.emolens.bench.SoakChart;
import io.emolens.classify.EmotionClassifier;
import io.emolens.core.EmolensException;
import io.emolens.detect.DetectorConfig;
import io.emolens.detect.DetectorSettings;
import io.emolens.detect.YunetConfig;
import io.emolens.pipeline.FrameAnalyzer;
import io.emolens.session.AnalyzeService;
import io.emolens.session.AnalyzerFactory;
import io.emolens.source.FrameSourceFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench soak --minutes N [--input CLIP_OR_URL] [--model FILE] [--json OUT]}: resources of the live path over a long run. */
@Command(name = "soak", mixinStandardHelpOptions = true,
        description = "Runs the live path for N minutes on the demo clip (or a stream), toggling recording, swapping the model and the detection "
                + "settings every " + SoakBenchmark.ACTION_SECONDS + " s, and samples RSS, JavaCPP memory, threads and open files each minute. "
                + "With --json also a PNG chart beside it.")
public final class BenchSoakCommand implements Callable<Integer> {
    @Option(names = "--minutes", defaultValue = "60", description = "how long to run (default ${DEFAULT-VALUE})")
    double minutes;

    @Option(names = "--input", paramLabel = "CLIP", description = "video or stream URL (default: the demo clip, looped)")
    String input;

    @Option(names = "--model", paramLabel = "FILE", description = "model to load and swap (default: the shipped model)")
    Path model;

    @Option(names = "--json", paramLabel = "OUT", description = "write the samples as JSON, and a chart as OUT with .png")
    Path json;

    private final AnalyzerFactory analyzers;
    private final FrameSourceFactory sources;
    private final Supplier<Path> demoClip;
    private final PrintStream out;

    public BenchSoakCommand(AnalyzerFactory analyzers, FrameSourceFactory sources, Supplier<Path> demoClip, PrintStream out) {
        this.analyzers = analyzers;
        this.sources = sources;
        this.demoClip = demoClip;
        this.out = out;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        String clip = input != null ? input : demoClip.get().toString();
        Path modelFile = model != null ? model : analyzers.defaultModel()
                .orElseThrow(() -> new EmolensException("bench soak swaps a model in and out: give one with --model (no shipped model found)"));
        Supplier<EmotionClassifier> loader = () -> analyzers.loadModel(modelFile);
        FrameAnalyzer analyzer = analyzers.createLive(loader.get(), null);
        List<DetectorSettings> detectors = List.of(DetectorConfig.DEFAULT, YunetConfig.DEFAULT, DetectorConfig.DEFAULT.withDetectWidth(320), YunetConfig.DEFAULT.withDetectWidth(320));
        Path scratch = Files.createTempDirectory("emolens-bench-soak");
        out.printf("soak: %s, model %s, %.0f min; minute, RSS MiB, JavaCPP MiB, heap MiB, threads, open files, heap committed MiB%n",
                clip, modelFile.getFileName(), minutes);
        SoakBenchmark.Result r;
        try {
            r = new SoakBenchmark().run(() -> sources.open(clip), analyzer, loader, detectors, scratch, minutes,
                    s -> out.printf("%5.1f %8.0f %8.0f %8.0f %5d %5d %8.0f%n", s.minute(), s.rssMb(), s.javacppMb(), s.heapUsedMb(), s.threads(),
                            s.openFiles(), s.heapCommittedMb()));
        } finally {
            ScratchFolders.delete(scratch);
        }
        Map<String, Object> values = summary(r, clip, modelFile);
        out.printf("%d frames shown, %d analyzed, %d recordings; RSS %s; threads %s; open files %s%n", r.frames(), r.analyzed(), r.recordings(),
                values.get("rss_growth_text"), values.get("threads_range"), values.get("open_files_range"));
        r.failure().ifPresent(f -> out.println("the live path stopped early: " + f));
        if (json != null) {
            AnalyzeService.json().writeValue(json.toFile(), values);
            Path png = json.resolveSibling(json.getFileName().toString().replaceFirst("\\.json$", "") + ".png");
            SoakChart.write(r.samples(), "bench soak: " + Path.of(clip).getFileName() + ", " + Math.round(minutes) + " min", png);
            out.println("wrote " + json + " and " + png);
        }
        return r.failure().isPresent() ? 2 : 0;
    }

    private static Map<String, Object> summary(SoakBenchmark.Result r, String clip, Path modelFile) {
        List<ResourceSample> s = r.samples();
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("input", clip);
        v.put("model", modelFile.getFileName().toString());
        v.put("action_seconds", SoakBenchmark.ACTION_SECONDS);
        v.put("frames", r.frames());
        v.put("analyzed", r.analyzed());
        v.put("recordings", r.recordings());
        ResourceSample from = s.stream().filter(x -> x.minute() >= 10 - 1e-6).findFirst().orElse(s.get(Math.min(1, s.size() - 1)));
        ResourceSample last = s.get(s.size() - 1);
        double growth = 100 * (last.rssMb() - from.rssMb()) / from.rssMb();
        v.put("rss_growth_from_minute", Math.round(from.minute()));
        v.put("rss_growth_percent", growth);
        v.put("rss_growth_text", String.format("%+.1f%% from minute %.0f (%.0f -> %.0f MiB)", growth, from.minute(), from.rssMb(), last.rssMb()));
        v.put("threads_range", s.stream().mapToInt(ResourceSample::threads).min().orElse(0) + "-" + s.stream().mapToInt(ResourceSample::threads).max().orElse(0));
        v.put("open_files_range", s.stream().mapToInt(ResourceSample::openFiles).min().orElse(0) + "-" + s.stream().mapToInt(ResourceSample::openFiles).max().orElse(0));
        v.put("failure", r.failure().orElse(null));
        v.put("actions", r.actions());
        v.put("samples", s);
        v.put("cpus", Runtime.getRuntime().availableProcessors());
        return v;
    }
}
