package io.emolens.cli;

import java.util.ArrayList;
import java.util.List;

import io.emolens.detect.DetectorSettings;
import io.emolens.pipeline.ClassifyPolicy;
import io.emolens.pipeline.FrameAnalyzer;
import io.emolens.session.AnalyzerFactory;
import io.emolens.track.TrackerConfig;

/**
 * The extra detectors {@code analyze} runs beside its main analyzer, one per further CPU core, each made by the same
 * factory with the same settings (a detector is not thread-safe, so each thread gets its own). Closes them.
 */
final class ParallelDetectors implements AutoCloseable {
    private final List<FrameAnalyzer> analyzers = new ArrayList<>();

    ParallelDetectors(AnalyzerFactory factory, DetectorSettings config) {
        this(factory, config, Runtime.getRuntime().availableProcessors() - 1);
    }

    ParallelDetectors(AnalyzerFactory factory, DetectorSettings config, int count) {
        try {
            for (int i = 0; i < count; i++) {
                analyzers.add(factory.create(null, TrackerConfig.UNSMOOTHED, ClassifyPolicy.EVERY_FACE, config));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    List<FrameAnalyzer> list() {
        return List.copyOf(analyzers);
    }

    @Override
    public void close() {
        analyzers.forEach(FrameAnalyzer::close);
        analyzers.clear();
    }
}
