package io.emolens.archive;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Function;
import java.util.function.Supplier;

import io.emolens.pipeline.FrameAnalyzer;

/**
 * The analyzers of one executor process, kept across its tasks: a task borrows one (building it the first time: the
 * detector, and the model loaded once), analyzes its segment and gives it back, so an executor with N task slots builds
 * at most N. Static because Spark gives a task nothing that lives as long as its executor; the job empties it when it
 * ends ({@link #closeAll}), which matters where the executor is the driver's own process (local masters).
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
            analyzer = setup.analyzer(HOMES.computeIfAbsent(setup, s -> home.get()));
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

    /** Closes every idle analyzer of this process. */
    public static void closeAll() {
        List<FrameAnalyzer> all = new ArrayList<>();
        IDLE.values().forEach(q -> {
            FrameAnalyzer a;
            while ((a = q.poll()) != null) {
                all.add(a);
            }
        });
        HOMES.clear();
        all.forEach(FrameAnalyzer::close);
    }
}
