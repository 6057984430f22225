package io.emolens.archive.spark;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

import org.apache.spark.util.CollectionAccumulator;

import io.emolens.archive.ArchiveProgress;
import io.emolens.archive.SegmentResult;
import io.emolens.archive.VideoProbe;

/** Prints the progress line every few seconds while segments finish (Spark reports them as their tasks end). */
final class Reporter implements AutoCloseable {
    private final ArchiveProgress progress;
    private final CollectionAccumulator<SegmentResult> done;
    private final Map<String, VideoProbe> probes;
    private final PrintStream console;
    private final Thread thread;
    private String last = "";

    Reporter(ArchiveProgress progress, CollectionAccumulator<SegmentResult> done, Map<String, VideoProbe> probes, PrintStream console, long everyMs) {
        this.progress = progress;
        this.done = done;
        this.probes = probes;
        this.console = console;
        this.thread = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(everyMs);
                    report();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "emolens-archive-progress");
        thread.setDaemon(true);
        thread.start();
    }

    /** Prints the line now, if anything changed since the last one. */
    synchronized void report() {
        List<SegmentResult> finished = done.value();
        for (SegmentResult r : finished) {
            VideoProbe p = probes.get(r.segment().source());
            progress.segmentDone(r.segment(), r.frames(), p == null ? 0 : p.durationMs());
        }
        String line = progress.line(System.nanoTime());
        String counts = line.replaceAll(", [0-9.]+ frames/s.*", "");
        if (!counts.equals(last)) {
            console.println(line);
            last = counts;
        }
    }

    @Override
    public void close() {
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
