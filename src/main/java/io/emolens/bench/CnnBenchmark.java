package io.emolens.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import io.emolens.classify.Architectures;
import io.emolens.classify.FastCpu;
import io.emolens.classify.InferenceNetworks;
import io.emolens.classify.NetworkConfig;
import io.emolens.core.ProcessMemory;
import io.emolens.preprocess.FaceTensor;

/**
 * Measures a CNN architecture's compute on this CPU: inference ms per face at batch 1 and 16 and training
 * images/s at batch 64, each as the median of {@code runs} timed runs after warm-up, then peak RSS while
 * training several epochs' worth of batches (RSS after each epoch shows growth). Same measures as
 * {@code bench/torch_bench.py}. On the oneDNN path inference runs on the network the app loads, with batch norm
 * and dropout folded away ({@link InferenceNetworks}); the plain path measures DL4J's network as built. Inputs
 * are random faces: speed does not depend on pixel values.
 */
public final class CnnBenchmark {

    /**
     * @param architecture    architecture name
     * @param oneDnn          true for the product path (oneDNN helpers), false for DL4J's plain kernels
     * @param runs            timed runs per measure, median reported (at least 1)
     * @param memoryEpochs    training epochs for the memory check (0 skips it)
     * @param batchesPerEpoch batches of 64 per memory epoch
     */
    public record Config(String architecture, boolean oneDnn, int runs, int memoryEpochs, int batchesPerEpoch) {
        public Config {
            Architectures.configuration(architecture, NetworkConfig.of(1e-3, 0, 1));
            if (runs < 1 || memoryEpochs < 0 || batchesPerEpoch < 1) {
                throw new IllegalArgumentException("runs and batches per epoch must be >= 1, memory epochs >= 0");
            }
        }

        public static Config of(String architecture) {
            return new Config(architecture, true, 7, 3, 20);
        }
    }

    private static final int TRAIN_BATCH = 64;
    /** Inference warm-up: the JIT needs a few thousand calls of DL4J's Java side before batch-1 timings settle. */
    private static final long WARM_UP_NANOS = 3_000_000_000L;
    /**
     * Training warm-up: the backward pass, the updater and the helpers' Java code are compiled only after some tens
     * of steps; a training job runs for hours, so the steady state is what counts. bench/torch_bench.py does the same.
     */
    private static final long TRAIN_WARM_UP_NANOS = 10_000_000_000L;

    private final Consumer<String> log;

    /** @param log receives one progress line per phase (e.g. System.err::println) */
    public CnnBenchmark(Consumer<String> log) {
        this.log = log;
    }

    /** Runs all measures; returns the results keyed as in the JSON output, snake_case. */
    public Map<String, Object> run(Config config) {
        NetworkConfig networkConfig = config.architecture().equals(Architectures.SEED)
                ? NetworkConfig.of(1e-4, 0, 42) : NetworkConfig.of(1e-3, 1e-4, 42);
        MultiLayerNetwork net = config.oneDnn() ? Architectures.build(config.architecture(), networkConfig)
                : FastCpu.withoutHelpers(() -> Architectures.build(config.architecture(), networkConfig));
        Architectures.Cost cost = Architectures.cost(net.getLayerWiseConfigurations());
        log.accept(String.format("%s: %,d parameters, %.1f MFLOP per face, %d of %d layers on oneDNN helpers", config.architecture(),
                cost.parameters(), cost.flopsPerFace() / 1e6, FastCpu.helperLayers(net), net.getnLayers()));

        Map<String, Object> out = new LinkedHashMap<>();
        MultiLayerNetwork inference = config.oneDnn() ? InferenceNetworks.fold(net) : net;
        log.accept("inference network: " + inference.getnLayers() + " layers" + (inference != net ? " (batch norm and dropout folded, as the app loads models)" : ""));
        double[] b1 = inferRuns(inference, 1, 20, config.runs());
        double[] b16 = inferRuns(inference, 16, 4, config.runs());
        double[] train = trainRuns(net, 4, config.runs());
        out.put("infer_ms_per_face_b1", median(b1));
        out.put("infer_ms_per_face_b16", median(b16));
        out.put("train_images_per_s", median(train));
        out.put("infer_ms_per_face_b1_range", range(b1));
        out.put("infer_ms_per_face_b16_range", range(b16));
        out.put("train_images_per_s_range", range(train));
        if (config.memoryEpochs() > 0) {
            List<Double> heap = new ArrayList<>();
            List<Double> rss = memoryEpochs(net, config.memoryEpochs(), config.batchesPerEpoch(), heap);
            out.put("rss_mb_after_epoch", rss);
            out.put("java_heap_used_mb_after_epoch", heap);
            out.put("memory_epochs", config.memoryEpochs());
            out.put("memory_batches_per_epoch", config.batchesPerEpoch());
        }
        out.put("peak_rss_mb", round(ProcessMemory.peakRssMb()));
        out.put("framework", "dl4j");
        out.put("architecture", config.architecture());
        out.put("compute", config.oneDnn() ? "onednn" : "plain");
        out.put("helper_layers", FastCpu.helperLayers(net));
        out.put("inference_layers", inference.getnLayers());
        out.put("parameters", cost.parameters());
        out.put("mflops_per_face", round(cost.flopsPerFace() / 1e6));
        out.put("threads", Nd4j.getEnvironment().maxMasterThreads());
        out.put("runs", config.runs());
        out.put("cpu", ProcessMemory.cpuModel());
        out.put("cpus", Runtime.getRuntime().availableProcessors());
        out.put("backend", Nd4j.getBackend().getClass().getSimpleName());
        out.put("date", Instant.now().toString());
        if (inference != net) {
            inference.close();
        }
        net.close();
        return out;
    }

    private double[] inferRuns(MultiLayerNetwork net, int batch, int callsPerRun, int runs) {
        try (INDArray x = faces(batch)) {
            long warmUpEnd = System.nanoTime() + WARM_UP_NANOS;
            for (int i = 0; i < 5 || System.nanoTime() < warmUpEnd; i++) {
                net.output(x).close();
            }
            double[] msPerFace = new double[runs];
            for (int r = 0; r < runs; r++) {
                long t0 = System.nanoTime();
                for (int i = 0; i < callsPerRun; i++) {
                    net.output(x).close();
                }
                msPerFace[r] = (System.nanoTime() - t0) / 1e6 / (callsPerRun * batch);
            }
            log.accept("inference batch " + batch + ": ms/face " + Arrays.toString(rounded(msPerFace)));
            return msPerFace;
        }
    }

    private double[] trainRuns(MultiLayerNetwork net, int batchesPerRun, int runs) {
        DataSet data = batch();
        long warmUpEnd = System.nanoTime() + TRAIN_WARM_UP_NANOS;
        for (int i = 0; i < 3 || System.nanoTime() < warmUpEnd; i++) {
            net.fit(data);
        }
        double[] imagesPerS = new double[runs];
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < batchesPerRun; i++) {
                net.fit(data);
            }
            imagesPerS[r] = batchesPerRun * TRAIN_BATCH / ((System.nanoTime() - t0) / 1e9);
        }
        log.accept("training batch " + TRAIN_BATCH + ": images/s " + Arrays.toString(rounded(imagesPerS)));
        return imagesPerS;
    }

    /**
     * Trains {@code epochs} x {@code batchesPerEpoch} batches; after each epoch runs a GC (ND4J frees
     * detached native buffers only when their Java owners are collected) and records RSS and heap use.
     */
    private List<Double> memoryEpochs(MultiLayerNetwork net, int epochs, int batchesPerEpoch, List<Double> heap) {
        List<Double> rss = new ArrayList<>();
        for (int e = 0; e < epochs; e++) {
            for (int b = 0; b < batchesPerEpoch; b++) {
                DataSet data = batch();
                net.fit(data);
                data.getFeatures().close();
                data.getLabels().close();
            }
            System.gc();
            try {
                Thread.sleep(200);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
            rss.add(round(ProcessMemory.rssMb()));
            Runtime rt = Runtime.getRuntime();
            heap.add(round((rt.totalMemory() - rt.freeMemory()) / 1048576.0));
            log.accept("memory epoch " + (e + 1) + ": RSS " + rss.get(e) + " MB, peak " + round(ProcessMemory.peakRssMb())
                    + " MB, Java heap used " + heap.get(e) + " MB");
        }
        return rss;
    }

    private static INDArray faces(int n) {
        return Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, n, 1, FaceTensor.SIZE, FaceTensor.SIZE);
    }

    private static DataSet batch() {
        INDArray y = Nd4j.zeros(TRAIN_BATCH, 7);
        for (int i = 0; i < TRAIN_BATCH; i++) {
            y.putScalar(i, i % 7, 1);
        }
        return new DataSet(faces(TRAIN_BATCH), y);
    }

    static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return round(n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2);
    }

    private static List<Double> range(double[] values) {
        return List.of(round(Arrays.stream(values).min().orElse(0)), round(Arrays.stream(values).max().orElse(0)));
    }

    private static double[] rounded(double[] values) {
        return Arrays.stream(values).map(CnnBenchmark::round).toArray();
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
