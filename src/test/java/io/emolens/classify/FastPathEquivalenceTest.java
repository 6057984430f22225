package io.emolens.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The oneDNN path computes what DL4J's built-in kernels compute: same weights and the same 16 FER2013
 * faces give the same outputs, and the same first two Adam steps. Dropout is seeded identically.
 */
class FastPathEquivalenceTest {

    /** Float32 kernels with different summation orders: outputs agree to this absolute difference. */
    static final double OUTPUT_TOLERANCE = 1e-5;

    @Test
    void seedGivesSameOutputsAndSameTwoAdamSteps() throws Exception {
        Pair p = pair("seed");
        assertEquals(0, maxAbsDiff(p.fast.output(p.batch.getFeatures()), p.plain.output(p.batch.getFeatures())),
                OUTPUT_TOLERANCE, "outputs");
        INDArray before = p.fast.params().dup();
        p.trainTwoSteps();
        assertTrue(maxAbsDiff(before, p.fast.params()) > 1e-4, "training must move the parameters");
        // measured 7.7e-7; Adam's first steps are ~lr * sign(gradient), so this also checks gradient signs
        assertEquals(0, maxAbsDiff(p.fast.params(), p.plain.params()), 1e-5, "params after 2 Adam steps");
        assertEquals(p.plain.score(), p.fast.score(), 1e-5, "loss");
        p.close();
    }

    /**
     * For the batch-norm network, inference agrees to 1e-5, but training steps agree only loosely: with
     * the oneDNN convolution helper (not the pooling or batch-norm helpers) some gradient elements of the
     * first two blocks differ by a few percent (docs/ONEDNN.md). The check bounds that deviation so a
     * regression to a real error is caught.
     */
    @Test
    void defaultGivesSameOutputsAndCloseTrainingSteps() throws Exception {
        Pair p = pair("default");
        assertEquals(0, maxAbsDiff(p.fast.output(p.batch.getFeatures()), p.plain.output(p.batch.getFeatures())),
                OUTPUT_TOLERANCE, "outputs");
        p.trainTwoSteps();
        double outputs = maxAbsDiff(p.fast.output(p.batch.getFeatures()), p.plain.output(p.batch.getFeatures()));
        System.out.printf("default after 2 steps: output diff %.3g, loss %.6f vs %.6f%n", outputs, p.fast.score(), p.plain.score());
        assertEquals(p.plain.score(), p.fast.score(), 1e-2, "loss");
        assertEquals(0, outputs, 2e-2, "outputs after 2 Adam steps");
        p.close();
    }

    private record Pair(MultiLayerNetwork fast, MultiLayerNetwork plain, DataSet batch) {
        void trainTwoSteps() {
            for (int step = 0; step < 2; step++) {
                Nd4j.getRandom().setSeed(7 + step);
                fast.fit(batch);
                Nd4j.getRandom().setSeed(7 + step);
                plain.fit(batch);
            }
        }

        void close() {
            fast.close();
            plain.close();
        }
    }

    private static Pair pair(String name) throws Exception {
        Architecture arch = Architectures.byName(name);
        MultiLayerNetwork fast = Architectures.build(arch, arch.defaults(), FastCpu.Compute.ONEDNN);
        MultiLayerNetwork plain = Architectures.build(arch, arch.defaults(), FastCpu.Compute.PLAIN);
        assertTrue(FastCpu.helperLayers(fast) > 0);
        assertEquals(0, FastCpu.helperLayers(plain));
        plain.setParams(fast.params().dup());
        return new Pair(fast, plain, new Fer2013Sample().batch(16));
    }

    static double maxAbsDiff(INDArray a, INDArray b) {
        return Transforms.abs(a.sub(b)).maxNumber().doubleValue();
    }
}
