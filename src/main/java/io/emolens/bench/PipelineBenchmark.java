package io.emolens.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import io.emolens.core.ProcessMemory;
import io.emolens.core.VideoFrame;
import io.emolens.pipeline.AnalyzedFrame;
import io.emolens.pipeline.FrameAnalyzer;
import io.emolens.source.FrameSource;
import io.emolens.track.TrackedFace;

/**
 * Measures the live pipeline on a clip: detection ms per frame, classification ms per face, end-to-end
 * frames per second (decode + detect + classify, no pacing, no drawing) and peak resident memory.
 * The first pass warms up; each statistic is the median over the measured passes.
 */
public final class PipelineBenchmark {

    /**
     * @param detectMsPerFrame   median over passes of mean detection time per frame
     * @param classifyMsPerFace  median over passes of classification time per classified face, or -1 with no model
     * @param endToEndFps        median over passes of frames per second of wall time
     * @param framesPerPass      frames in the clip
     * @param facesPerPass       faces classified per pass
     * @param peakRssMb          the process's peak resident set size (VmHWM), -1 where /proc is absent
     */
    public record Result(double detectMsPerFrame, double classifyMsPerFace, double endToEndFps,
                         long framesPerPass, long facesPerPass, int passes, double peakRssMb) {
    }

    public Result run(Supplier<FrameSource> clip, FrameAnalyzer analyzer, int passes) {
        if (passes < 1) {
            throw new IllegalArgumentException("passes must be >= 1, was " + passes);
        }
        runPass(clip, analyzer);
        List<double[]> stats = new ArrayList<>();
        for (int p = 0; p < passes; p++) {
            stats.add(runPass(clip, analyzer));
        }
        boolean classified = stats.get(0)[4] > 0;
        return new Result(median(stats, 0), classified ? median(stats, 1) : -1, median(stats, 2),
                (long) stats.get(0)[3], (long) stats.get(0)[4], passes, ProcessMemory.peakRssMb());
    }

    private static double[] runPass(Supplier<FrameSource> clip, FrameAnalyzer analyzer) {
        analyzer.reset();
        double detectMs = 0;
        double classifyMs = 0;
        long frames = 0;
        long faces = 0;
        long start = System.nanoTime();
        try (FrameSource source = clip.get()) {
            Optional<VideoFrame> next;
            while ((next = source.next()).isPresent()) {
                AnalyzedFrame result = analyzer.analyze(next.get());
                frames++;
                detectMs += result.detectMs();
                classifyMs += result.classifyMs();
                for (TrackedFace f : result.faces()) {
                    if (f.classified()) {
                        faces++;
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new double[] {detectMs / Math.max(1, frames), classifyMs / Math.max(1, faces), frames / seconds, frames, faces};
    }

    private static double median(List<double[]> stats, int column) {
        List<Double> values = new ArrayList<>();
        for (double[] s : stats) {
            values.add(s[column]);
        }
        Collections.sort(values);
        int n = values.size();
        return n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
    }
}
