package io.emolens.classify;

import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.layers.mkldnn.BaseMKLDNNHelper;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNBatchNormHelper;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNConvHelper;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Switches DL4J onto oneDNN (MKL-DNN) layer helpers and fixes what they leave slow: together 10–12x faster
 * training and 6–12x faster inference than DL4J's default im2col + gemm path on this project's CPUs
 * (docs/BENCHMARKS.md). Two things switch the helpers on, both done by {@link #configure()} before any network is
 * built or loaded:
 * <ol>
 * <li>the system property {@value #HELPERS_PROPERTY}{@code =false}: M2.1 disables helpers unless it is set;</li>
 * <li>the shim {@code org.nd4j.nativeblas.Nd4jCpu}: M2.1's helper check looks up a class and method that M2.1
 * itself renamed, fails silently and leaves every layer without helper.</li>
 * </ol>
 * The pom ships the {@code linux-x86_64-onednn} build of nd4j-native, which contains oneDNN. Setting the
 * property to {@code true} before start-up (-D) restores the plain path, used as the numerical reference.
 * {@link #configure()} also keeps OpenBLAS to one thread, and {@link #install} makes a built network train faster:
 * a cheaper batch-norm helper, no input-image gradient in the first convolution, DL4J's forward cache and a leaner
 * ReLU layer.
 */
public final class FastCpu {
    public static final String HELPERS_PROPERTY = "org.eclipse.deeplearning4j.helpers.disable";
    public static final String BLAS_THREADS_PROPERTY = "emolens.blasThreads";

    private FastCpu() {
    }

    /** Enables the helpers unless the user explicitly disabled them, and limits OpenBLAS's threads; idempotent. */
    public static void configure() {
        if (System.getProperty(HELPERS_PROPERTY) == null) {
            System.setProperty(HELPERS_PROPERTY, "false");
        }
        if (!Boolean.parseBoolean(System.getProperty(HELPERS_PROPERTY))) {
            limitBlasThreads();
        }
    }

    /**
     * One OpenBLAS thread on the helper path unless {@value #BLAS_THREADS_PROPERTY} says otherwise; the plain path,
     * which does its convolutions as OpenBLAS matrix products, keeps OpenBLAS's default. On the helper path the
     * convolutions run on oneDNN's OpenMP threads and what is left on OpenBLAS are small matrix products (dense
     * layers, the first layer's weight gradient), after which OpenBLAS's idle threads keep spinning on the cores the
     * next oneDNN op needs: with one BLAS thread, training ran 9–14% faster and batch-1 inference of the seed
     * network ~35% faster (docs/ONEDNN.md).
     */
    private static void limitBlasThreads() {
        Nd4j.factory().blas().setMaxThreads(Integer.getInteger(BLAS_THREADS_PROPERTY, 1));
    }

    /**
     * Four training speed-ups for a network built or restored on the oneDNN helpers (docs/ONEDNN.md); a network on
     * the plain path is returned untouched:
     * <ol>
     * <li>every batch-norm layer gets {@link RowStatsBatchNormHelper} instead of DL4J's helper;</li>
     * <li>the first layer of a {@link MultiLayerNetwork}, if a convolution, gets {@link InputConvolutionHelper}, which
     * skips the gradient with respect to the input images;</li>
     * <li>cache mode {@code DEVICE}: M2.1's convolution layer otherwise runs its forward convolution a second time
     * in the backward pass to recover the pre-activation output; with the cache it keeps a copy from the forward pass
     * (the same values, one memory copy instead of a convolution);</li>
     * <li>each plain-ReLU activation layer of a {@link MultiLayerNetwork} becomes a {@link ReluLayer}, which
     * trains without DL4J's extra copies and per-element function calls.</li>
     * </ol>
     * Idempotent; returns the network.
     */
    public static <T extends org.deeplearning4j.nn.api.Model> T install(T network) {
        Layer[] layers = layers(network);
        if (Arrays.stream(layers).noneMatch(l -> l.getHelper() != null)) {
            return network;
        }
        for (Layer layer : layers) {
            if (layer instanceof BatchNormalization bn && bn.getHelper() instanceof MKLDNNBatchNormHelper) {
                setField(BatchNormalization.class, bn, new RowStatsBatchNormHelper());
            }
        }
        if (network instanceof MultiLayerNetwork m && m.getLayerWiseConfigurations().getInputPreProcess(0) == null
                && layers[0].getClass() == ConvolutionLayer.class && layers[0].getHelper() instanceof MKLDNNConvHelper dl4jHelper) {
            setField(ConvolutionLayer.class, layers[0], new InputConvolutionHelper(dl4jHelper));
        }
        if (network instanceof MultiLayerNetwork m) {
            replaceReluLayers(m);
            m.getLayerWiseConfigurations().setCacheMode(CacheMode.DEVICE);
            m.setCacheMode(CacheMode.DEVICE);
        } else if (network instanceof ComputationGraph g) {
            g.getConfiguration().setCacheMode(CacheMode.DEVICE);
            g.setCacheMode(CacheMode.DEVICE);
        }
        return network;
    }

    private static Layer[] layers(org.deeplearning4j.nn.api.Model network) {
        return network instanceof MultiLayerNetwork m ? m.getLayers() : network instanceof ComputationGraph g ? g.getLayers() : new Layer[0];
    }

    /** Puts a {@link ReluLayer} in place of each of DL4J's plain-ReLU activation layers, in the layer array and map. */
    private static void replaceReluLayers(MultiLayerNetwork network) {
        Layer[] layers = network.getLayers();
        Map<String, Layer> byName = layerMap(network);
        for (int i = 0; i < layers.length; i++) {
            if (ReluLayer.replaces(layers[i])) {
                layers[i] = ReluLayer.replacing(layers[i], network.getLayerWiseConfigurations().getDataType());
                byName.put(layers[i].conf().getLayer().getLayerName(), layers[i]);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Layer> layerMap(MultiLayerNetwork network) {
        try {
            Field field = MultiLayerNetwork.class.getDeclaredField("layerMap");
            field.setAccessible(true);
            return (Map<String, Layer>) field.get(network);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("DL4J's MultiLayerNetwork has no 'layerMap' field any more: " + e, e);
        }
    }

    private static void setField(Class<?> layerClass, Layer layer, Object helper) {
        try {
            Field field = layerClass.getDeclaredField("helper");
            field.setAccessible(true);
            field.set(layer, helper);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("DL4J's " + layerClass.getSimpleName() + " has no 'helper' field any more: " + e, e);
        }
    }

    /** Number of batch-norm layers of {@code network} on {@link RowStatsBatchNormHelper}. */
    public static int rowStatsBatchNormLayers(MultiLayerNetwork network) {
        return (int) Arrays.stream(network.getLayers()).filter(l -> l.getHelper() instanceof RowStatsBatchNormHelper).count();
    }

    /** True when the oneDNN helpers are available to layers built from now on. */
    public static boolean enabled() {
        return !Boolean.parseBoolean(System.getProperty(HELPERS_PROPERTY, "true")) && BaseMKLDNNHelper.mklDnnEnabled();
    }

    /** True when the network's first layer runs on a oneDNN helper. */
    public static boolean usesHelpers(MultiLayerNetwork network) {
        Layer first = network.getLayer(0);
        return first.getHelper() != null;
    }

    /** Number of layers of {@code network} that run on a oneDNN helper. */
    public static int helperLayers(MultiLayerNetwork network) {
        return (int) Arrays.stream(network.getLayers()).filter(l -> l.getHelper() != null).count();
    }

    /**
     * Builds with DL4J's plain kernels (no helpers): the reference path for numerical checks and benchmarks.
     * Helpers are chosen when layers are created, so the property is restored afterwards.
     */
    public static synchronized <T> T withoutHelpers(Supplier<T> build) {
        String before = System.getProperty(HELPERS_PROPERTY);
        System.setProperty(HELPERS_PROPERTY, "true");
        try {
            return build.get();
        } finally {
            if (before == null) {
                System.clearProperty(HELPERS_PROPERTY);
            } else {
                System.setProperty(HELPERS_PROPERTY, before);
            }
        }
    }
}
