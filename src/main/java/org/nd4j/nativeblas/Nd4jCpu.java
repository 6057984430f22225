package org.nd4j.nativeblas;

/**
 * Compatibility shim for Deeplearning4j 1.0.0-M2.1: {@code BaseMKLDNNHelper.mklDnnEnabled()} looks up
 * {@code org.nd4j.nativeblas.Nd4jCpu$Environment.getInstance().isUseMKLDNN()} by reflection, but in M2.1
 * that class moved to {@code org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment} and the method
 * became {@code isUseONEDNN()}. Without this class the lookup fails silently and no layer ever gets its
 * oneDNN helper. Only what the reflective lookup needs is here; see docs/ONEDNN.md and
 * {@link io.emolens.classify.FastCpu}.
 */
public final class Nd4jCpu {

    private Nd4jCpu() {
    }

    /** Answers the old lookup by delegating to the real M2.1 native environment. */
    public static final class Environment {
        private static final Environment INSTANCE = new Environment();

        private Environment() {
        }

        public static Environment getInstance() {
            return INSTANCE;
        }

        /** Whether libnd4j was built with oneDNN and uses it: the M2.1 {@code isUseONEDNN()}. */
        public boolean isUseMKLDNN() {
            return org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu.Environment.getInstance().isUseONEDNN();
        }
    }
}
