package io.emolens.archive;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Function;
import java.util.function.Supplier;

import io.emolens.pipeline.FrameAnalyzer;

/**
 * The analyzers of one executor process, kept across its tasks: a task borrows one (building it the first time: the
 * detector, and the model loaded once), analyzes its segment and gives it back, so an executor with N task slots builds
 * at most N. Static because Spark gives a task nothing that lives as long as its executor; they are freed when the
 * process ends (with a local master, the driver's process: a second run in it reuses them).
 */
public final class ExecutorAnalyzers {
    private static final Map<ExecutorSetup, ConcurrentLinkedDeque<FrameAnalyzer>> IDLE = new ConcurrentHashMap<>();
    private static final Map<ExecutorSetup, Path> HOMES = new ConcurrentHashMap<>();

    private ExecutorAnalyzers() {
    }

    /** Runs {@code work} with an analyzer of {@code setup}, whose files {@code home} lays out on first use. */
    public static <T> T with(ExecutorSetup setup, Supplier<Path> home, Function<FrameAnalyzer, T> work) {
        FrameAnalyzer analyzer = IDLE.computeIfAbsent(setup, s -> new ConcurrentLinkedDeque<>()).poll();
        if (analyzer == null) {
            analyzer = setup.analyzer(HOMES.compute(setup, (s, old) -> old != null && Files.isDirectory(old) ? old : home.get()));
        }
        boolean reusable = false;
        try {
            T result = work.apply(analyzer);
            reusable = true;
            return result;
        } finally {
            if (reusable) {
                IDLE.get(setup).push(analyzer);
            } else {
                analyzer.close();
            }
        }
    }
}
