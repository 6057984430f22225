package io.emolens.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import io.emolens.bench.RecordingBenchmark;
import io.emolens.bench.ScratchFolders;
import io.emolens.classify.EmotionClassifier;
import io.emolens.session.AnalyzerFactory;
import io.emolens.session.RecordingSettings;
import io.emolens.source.FrameSourceFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench recording [--input CLIP] [--model FILE | --no-model] [--seconds S] [--passes N] [--raw]}: live FPS with and without recording. */
@Command(name = "recording", mixinStandardHelpOptions = true,
        description = "Live FPS on a clip (default: the demo clip) without and with recording, side by side.")
public final class BenchRecordingCommand implements Callable<Integer> {
    @Option(names = "--input", paramLabel = "CLIP", description = "video to play (default: demo/demo.mp4)")
    Path input;

    @Option(names = "--seconds", defaultValue = "10", description = "measured seconds per pass and mode (default 10)")
    double seconds;

    @Option(names = "--passes", defaultValue = "3", description = "passes after the warm-up (default 3)")
    int passes;

    @Option(names = "--raw", description = "also record the raw video (a second encoder)")
    boolean raw;

    @Option(names = "--model", paramLabel = "FILE", description = "model file (default: the shipped model, if any)")
    Path model;

    @Option(names = "--no-model", description = "detection only, no classifier")
    boolean noModel;

    private final AnalyzerFactory analyzers;
    private final FrameSourceFactory sources;
    private final Supplier<Path> demoClip;
    private final PrintStream out;

    public BenchRecordingCommand(AnalyzerFactory analyzers, FrameSourceFactory sources, Supplier<Path> demoClip, PrintStream out) {
        this.analyzers = analyzers;
        this.sources = sources;
        this.demoClip = demoClip;
        this.out = out;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        Path clip = input != null ? input : demoClip.get();
        Path modelFile = noModel ? null : model != null ? model : analyzers.defaultModel().orElse(null);
        Supplier<EmotionClassifier> classifier = () -> modelFile == null ? null : analyzers.loadModel(modelFile);
        Path scratch = Files.createTempDirectory("emolens-bench-recording");
        try {
            RecordingBenchmark.Result r = new RecordingBenchmark(analyzers, classifier, () -> sources.open(clip), scratch,
                    RecordingSettings.LIVE.withRawVideo(raw)).run(passes, seconds);
            out.printf("clip %s, model %s, %d passes x %.0f s per mode (median), %d CPUs, codec %s%s%n", clip.getFileName(),
                    modelFile == null ? "none (detection only)" : modelFile.getFileName(), r.passes(), r.seconds(),
                    Runtime.getRuntime().availableProcessors(), r.codec(), raw ? ", raw video too" : "");
            out.printf("live (paced)       %6.1f FPS plain  %6.1f FPS recording  (%+.1f%%)%n", r.livePlainFps(), r.liveRecordingFps(), -r.liveLossPercent());
            out.printf("saturated (unpaced)%6.1f FPS plain  %6.1f FPS recording  (%+.1f%%)%n", r.saturatedPlainFps(), r.saturatedRecordingFps(),
                    -r.saturatedLossPercent());
            out.printf("recorded %d frames, %d dropped by the encoder%n", r.recordedFrames(), r.droppedFrames());
            out.printf("CPU per recorded frame: analysis %.1f ms, recorder on the pipeline thread %.2f ms, encoder thread %.1f ms%n",
                    r.analyzeCpuMs(), r.recorderCallCpuMs(), r.encoderCpuMs());
            for (double[] p : r.perPass()) {
                out.printf("  pass: live %.1f / %.1f, saturated %.1f / %.1f FPS (plain / recording)%n", p[0], p[1], p[2], p[3]);
            }
            BenchCommand.printPeakRss(out);
            return 0;
        } finally {
            ScratchFolders.delete(scratch);
        }
    }
}
