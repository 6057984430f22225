package io.emolens.classify;

import java.util.Map;

import org.bytedeco.javacpp.Loader;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.layers.mkldnn.BaseMKLDNNHelper;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Turns on Deeplearning4j's oneDNN layer helpers, which M2.1 leaves off; measured 5-8x faster on this
 * CPU with the same results (issue 6, docs/ONEDNN.md). Three things are needed, and this class owns them:
 * the {@code linux-x86_64-onednn} libnd4j build (pom), the system property
 * {@value #HELPERS_DISABLE_PROPERTY}{@code =false} read each time a layer is created, and the shim
 * {@link org.nd4j.nativeblas.Nd4jCpu} that answers DL4J's broken reflective oneDNN check.
 * Call {@link #configure()} before building or loading any network.
 */
public final class FastCpu {

    /** Read by DL4J's {@code HelperUtils.createHelper} whenever a layer is instantiated; default true. */
    public static final String HELPERS_DISABLE_PROPERTY = "org.eclipse.deeplearning4j.helpers.disable";

    /** Which kernels a network's layers get when it is instantiated. */
    public enum Compute {
        /** oneDNN helpers on convolution, pooling and batch-norm layers: the product path. */
        ONEDNN,
        /** DL4J's built-in im2col + gemm path: the reference for numerical checks and benchmarks. */
        PLAIN
    }

    /**
     * What {@link #configure()} found.
     *
     * @param onednnBuild    libnd4j was built with oneDNN (its build info says HAVE_ONEDNN)
     * @param helpersEnabled DL4J's own check {@code BaseMKLDNNHelper.mklDnnEnabled()} now answers true
     * @param nativeLibrary  path of the loaded libnd4jcpu
     * @param threads        threads libnd4j uses per op
     */
    public record Status(boolean onednnBuild, boolean helpersEnabled, String nativeLibrary, int threads) {
        /** True when layers will run on oneDNN. */
        public boolean fast() {
            return onednnBuild && helpersEnabled;
        }

        @Override
        public String toString() {
            return (fast() ? "oneDNN" : "plain (oneDNN off)") + ", " + threads + " threads, " + nativeLibrary;
        }
    }

    private static Status status;

    private FastCpu() {
    }

    /**
     * Enables the helpers (idempotent) and reports whether they are active. Does not throw when oneDNN is
     * unavailable: the network then runs on the plain path, only slower; callers may print the status.
     */
    public static synchronized Status configure() {
        if (status == null) {
            if (System.getProperty(HELPERS_DISABLE_PROPERTY) == null) {
                System.setProperty(HELPERS_DISABLE_PROPERTY, "false");
            }
            Nd4j.getEnvironment().allowHelpers(true);
            String buildInfo = NativeOpsHolder.getInstance().getDeviceNativeOps().buildInfo();
            boolean onednn = buildInfo != null && buildInfo.contains("HAVE_ONEDNN");
            String library = Loader.getLoadedLibraries().entrySet().stream()
                    .filter(e -> e.getKey().contains("nd4jcpu") && !e.getKey().contains("jni"))
                    .map(Map.Entry::getValue).findFirst().orElse("?");
            status = new Status(onednn, BaseMKLDNNHelper.mklDnnEnabled(), library, Nd4j.getEnvironment().maxThreads());
        }
        return status;
    }

    /** Number of layers of {@code net} that run on a helper (oneDNN) rather than the built-in kernels. */
    public static int helperLayers(MultiLayerNetwork net) {
        int n = 0;
        for (org.deeplearning4j.nn.api.Layer layer : net.getLayers()) {
            if (layer.getHelper() != null) {
                n++;
            }
        }
        return n;
    }

    /**
     * Instantiates {@code conf} with the given kernels. The helper choice is made per layer when the
     * network is initialized, so the property is switched only for the duration of {@code init()}.
     */
    public static MultiLayerNetwork init(MultiLayerConfiguration conf, Compute compute) {
        configure();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        synchronized (FastCpu.class) {
            String before = System.getProperty(HELPERS_DISABLE_PROPERTY);
            System.setProperty(HELPERS_DISABLE_PROPERTY, compute == Compute.PLAIN ? "true" : "false");
            try {
                net.init();
            } finally {
                if (before == null) {
                    System.clearProperty(HELPERS_DISABLE_PROPERTY);
                } else {
                    System.setProperty(HELPERS_DISABLE_PROPERTY, before);
                }
            }
        }
        return net;
    }
}
