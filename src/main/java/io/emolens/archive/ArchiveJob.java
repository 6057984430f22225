package io.emolens.archive;

import java.io.PrintStream;

/**
 * An archive run: lists the videos, skips those the output already holds complete, analyzes the rest as Spark tasks
 * and writes faces/, videos.csv and videos.parquet. Implemented over Spark in {@code archive.spark}, loaded by
 * {@link SparkRuntime}; this interface is all the rest of the app sees of it.
 */
public interface ArchiveJob {
    /** Exit code when every video is complete. */
    int ALL_COMPLETE = 0;
    /** Exit code when some video failed (the others are written). */
    int SOME_FAILED = 3;

    /**
     * Runs {@code request} with analyzers made by {@code setup}, progress on {@code console}; returns {@link #ALL_COMPLETE}
     * or {@link #SOME_FAILED}. Bad usage (a missing input, no videos, an output folder that cannot be written) throws
     * {@link io.emolens.core.EmolensException} before any analysis.
     */
    int run(ArchiveRequest request, ExecutorSetup setup, PrintStream console);
}
