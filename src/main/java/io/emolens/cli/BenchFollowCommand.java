package io.emolens.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import io.emolens.bench.FollowBenchmark;
import io.emolens.pipeline.ClassifyPolicy;
import io.emolens.pipeline.FrameAnalyzer;
import io.emolens.session.AnalyzerFactory;
import io.emolens.source.FrameSourceFactory;
import io.emolens.track.BoxMotion;
import io.emolens.track.TrackerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench follow [--input CLIP] [--periods 2,3,5,8]}: hold or extrapolate boxes between live analyses, measured. */
@Command(name = "follow", mixinStandardHelpOptions = true,
        description = "How well boxes follow faces between live analyses (held or moved at the face's speed), against each frame's own detection.")
public final class BenchFollowCommand implements Callable<Integer> {
    @Option(names = "--input", paramLabel = "CLIP", description = "video (default: demo/demo.mp4)")
    Path input;

    @Option(names = "--periods", split = ",", defaultValue = "2,3,5,8", paramLabel = "N",
            description = "frames between analyses to replay (default: ${DEFAULT-VALUE})")
    int[] periods;

    private final AnalyzerFactory analyzers;
    private final FrameSourceFactory sources;
    private final Supplier<Path> demoClip;
    private final PrintStream out;

    public BenchFollowCommand(AnalyzerFactory analyzers, FrameSourceFactory sources, Supplier<Path> demoClip, PrintStream out) {
        this.analyzers = analyzers;
        this.sources = sources;
        this.demoClip = demoClip;
        this.out = out;
    }

    @Override
    public Integer call() {
        Path clip = input != null ? input : demoClip.get();
        try (FrameAnalyzer analyzer = analyzers.create(null, TrackerConfig.DEFAULT, ClassifyPolicy.LIVE)) {
            out.printf("%s: boxes shown between analyses vs the frame's own detection%n", clip.getFileName());
            out.println("period  follow           mean IoU  centre error (px)  boxes");
            for (FollowBenchmark.Score s : new FollowBenchmark().run(() -> sources.open(clip), analyzer, periods)) {
                String follow = s.mode() == BoxMotion.Mode.HOLD ? "hold" : "velocity<=" + s.maxAheadMs() + "ms";
                out.printf("%6d  %-15s  %8.3f  %17.1f  %5d%n", s.period(), follow, s.meanIou(), s.meanCentreErrorPx(), s.boxes());
            }
        }
        BenchCommand.printPeakRss(out);
        return 0;
    }
}
