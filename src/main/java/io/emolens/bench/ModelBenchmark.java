package io.emolens.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

import org.nd4j.linalg.factory.Nd4j;

import io.emolens.classify.EmotionClassifier;
import io.emolens.classify.FastCpu;
import io.emolens.classify.ModelMetadata;
import io.emolens.classify.ModelStore;
import io.emolens.core.ProcessMemory;

/**
 * Measures any saved model file (trained or imported) as the app runs it: classification ms per face at batch 1 and
 * 16, wall clock and process CPU time (the CPU time is what the model costs when other processes share the cores),
 * each the median of {@code runs} timed runs after warm-up, through the classifier's own input (random faces: speed
 * does not depend on pixel values). With {@code oneDnn} false, an imported model runs as DL4J's importer built it,
 * on DL4J's plain kernels, without the load-time rewrite: the baseline.
 */
public final class ModelBenchmark {
    private static final long WARM_UP_NANOS = 3_000_000_000L;
    private final Consumer<String> log;

    public ModelBenchmark(Consumer<String> log) {
        this.log = log;
    }

    /** Runs the measures; keys as in {@code bench cnn}'s JSON, snake_case. */
    public Map<String, Object> run(Path model, boolean oneDnn, int runs) {
        ModelStore store = new ModelStore();
        ModelMetadata metadata = store.metadata(model);
        Map<String, Object> out = new LinkedHashMap<>();
        try (EmotionClassifier classifier = oneDnn ? store.load(model) : FastCpu.withoutHelpers(() -> store.loadAsImported(model))) {
            log.accept(model.getFileName() + ": " + metadata.architecture() + ", input " + classifier.inputSpec() + ", "
                    + String.format("%,d", metadata.parameters()) + " parameters" + (oneDnn ? "" : ", as imported, plain kernels"));
            double[][] b1 = runs(classifier, 1, 20, runs);
            double[][] b16 = runs(classifier, 16, 4, runs);
            out.put("infer_ms_per_face_b1", CnnBenchmark.median(b1[0]));
            out.put("infer_ms_per_face_b16", CnnBenchmark.median(b16[0]));
            out.put("infer_cpu_ms_per_face_b1", CnnBenchmark.median(b1[1]));
            out.put("infer_cpu_ms_per_face_b16", CnnBenchmark.median(b16[1]));
            out.put("infer_ms_per_face_b1_range", range(b1[0]));
            out.put("infer_ms_per_face_b16_range", range(b16[0]));
            out.put("input", classifier.inputSpec().toString());
        }
        out.put("peak_rss_mb", round(ProcessMemory.peakRssMb()));
        out.put("framework", "dl4j");
        out.put("model", model.getFileName().toString());
        out.put("architecture", metadata.architecture());
        out.put("compute", oneDnn ? "onednn" : "plain");
        out.put("parameters", metadata.parameters());
        out.put("runs", runs);
        out.put("cpu", ProcessMemory.cpuModel());
        out.put("cpus", Runtime.getRuntime().availableProcessors());
        out.put("threads", Nd4j.getEnvironment().maxMasterThreads());
        out.put("date", Instant.now().toString());
        return out;
    }

    /** {wall ms/face per run, CPU ms/face per run}. */
    private double[][] runs(EmotionClassifier classifier, int batch, int callsPerRun, int runs) {
        List<float[]> faces = faces(classifier, batch);
        long warmUpEnd = System.nanoTime() + WARM_UP_NANOS;
        for (int i = 0; i < 5 || System.nanoTime() < warmUpEnd; i++) {
            classifier.classify(faces);
        }
        double[] wall = new double[runs];
        double[] cpu = new double[runs];
        for (int r = 0; r < runs; r++) {
            long c0 = cpuNanos();
            long t0 = System.nanoTime();
            for (int i = 0; i < callsPerRun; i++) {
                classifier.classify(faces);
            }
            wall[r] = (System.nanoTime() - t0) / 1e6 / (callsPerRun * batch);
            cpu[r] = (cpuNanos() - c0) / 1e6 / (callsPerRun * batch);
        }
        log.accept("batch " + batch + ": ms/face " + Arrays.toString(Arrays.stream(wall).map(ModelBenchmark::round).toArray())
                + ", CPU ms/face " + Arrays.toString(Arrays.stream(cpu).map(ModelBenchmark::round).toArray()));
        return new double[][] {wall, cpu};
    }

    private static List<float[]> faces(EmotionClassifier classifier, int n) {
        Random random = new Random(16);
        List<float[]> faces = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] gray = new byte[48 * 48];
            random.nextBytes(gray);
            faces.add(classifier.inputSpec().input(gray));
        }
        return faces;
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static List<Double> range(double[] values) {
        return List.of(round(Arrays.stream(values).min().orElse(0)), round(Arrays.stream(values).max().orElse(0)));
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
