package io.emolens.archive.spark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.spark.SparkFiles;
import org.apache.spark.util.CollectionAccumulator;

import io.emolens.archive.ExecutorAnalyzers;
import io.emolens.archive.ExecutorSetup;
import io.emolens.archive.SegmentAnalysis;
import io.emolens.archive.SegmentResult;
import io.emolens.archive.VideoProbe;
import io.emolens.archive.VideoSegment;
import io.emolens.archive.WarmUp;

/**
 * What runs on an executor: probing a video, finding a segment's cuts and analyzing a segment, each failure a value
 * rather than a failed task.
 */
final class Tasks {
    private Tasks() {
    }

    static VideoProbe probe(String source, ExecutorSetup setup) {
        try {
            return new SegmentAnalysis(setup.sources()).probe(source, ArchiveFiles.local(source, videoCache()));
        } catch (IOException | RuntimeException e) {
            return VideoProbe.failed(source, SegmentAnalysis.reason(e));
        }
    }

    /** The cuts of {@code segment} ({@link SegmentAnalysis#cuts}), none when its video cannot be fetched. */
    static List<WarmUp.Cut> cuts(VideoSegment segment, ExecutorSetup setup) {
        try {
            return new SegmentAnalysis(setup.sources()).cuts(segment, ArchiveFiles.local(segment.source(), videoCache()));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    static SegmentResult analyze(VideoSegment segment, ExecutorSetup setup, Map<String, String> shipped, CollectionAccumulator<SegmentResult> done) {
        long start = System.nanoTime();
        SegmentResult result;
        try {
            Path local = ArchiveFiles.local(segment.source(), videoCache());
            result = ExecutorAnalyzers.with(setup, () -> Shipping.home(shipped),
                    analyzer -> new SegmentAnalysis(setup.sources()).analyze(segment, local, analyzer));
        } catch (IOException | RuntimeException e) {
            result = SegmentResult.failed(segment, (System.nanoTime() - start) / 1_000_000, SegmentAnalysis.reason(e));
        }
        done.add(result.withoutRows());
        return result;
    }

    private static Path videoCache() {
        return Path.of(SparkFiles.getRootDirectory(), "emolens-videos");
    }
}
