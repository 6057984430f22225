package org.nd4j.nativeblas;

/**
 * Compatibility shim for a Deeplearning4j 1.0.0-M2.1 bug, see {@code io.emolens.classify.FastCpu}.
 * {@code BaseMKLDNNHelper.mklDnnEnabled()} looks up {@code org.nd4j.nativeblas.Nd4jCpu$Environment.isUseMKLDNN()}
 * by reflection, but M2.1 moved that class to {@code org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu} and renamed
 * the method {@code isUseONEDNN()}. The failed lookup silently disables every oneDNN layer helper. This class
 * answers the old lookup by asking the real environment.
 */
public final class Nd4jCpu {
    private Nd4jCpu() {
    }

    /** The old environment entry point, as DL4J's reflection expects it. */
    public static final class Environment {
        private static final Environment INSTANCE = new Environment();

        private Environment() {
        }

        public static Environment getInstance() {
            return INSTANCE;
        }

        public boolean isUseMKLDNN() {
            return org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu.Environment.getInstance().isUseONEDNN();
        }
    }
}
