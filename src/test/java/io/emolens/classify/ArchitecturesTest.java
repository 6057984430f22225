package io.emolens.classify;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import io.emolens.TestFiles;
import io.emolens.core.Emotion;
import io.emolens.preprocess.FaceTensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArchitecturesTest {
    private static final NetworkConfig SEED_CONFIG = NetworkConfig.of(1e-4, 0, 42);

    @Test
    void seedNetworkHasTheKerasParameterCount() {
        Architectures.Cost cost = Architectures.cost(Architectures.configuration("seed", SEED_CONFIG));
        assertEquals(2_345_607, cost.parameters());
        MultiLayerNetwork net = Architectures.build("seed", SEED_CONFIG);
        assertEquals(2_345_607, net.numParams());
        assertEquals(cost.parameters(), net.numParams());
        net.close();
    }

    @Test
    void flopsPerFaceMatchAHandCount() {
        // seed: conv 46x46x(9x1x32) + 44x44x(9x32x64) + 20x20x(9x64x128) + 8x8x(9x128x128) + 2048x1024 + 1024x7 multiply-adds
        long macs = 46L * 46 * 9 * 32 + 44L * 44 * 9 * 32 * 64 + 20L * 20 * 9 * 64 * 128 + 8L * 8 * 9 * 128 * 128 + 2048L * 1024 + 1024L * 7;
        assertEquals(2 * macs, Architectures.cost(Architectures.configuration("seed", SEED_CONFIG)).flopsPerFace());
    }

    @Test
    void unknownArchitectureNamesTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Architectures.configuration("resnet", SEED_CONFIG));
        assertTrue(e.getMessage().contains("default") && e.getMessage().contains("seed"), e.getMessage());
    }

    /**
     * The fast path (oneDNN helpers and {@link FastCpu#install}) and DL4J's plain path give the same outputs for the
     * same weights (within 1e-5), the same gradients and the same losses over the first two Adam steps, on real
     * FER2013 faces. For {@code seed} gradients agree within 1e-3 of each variable's largest value and both losses
     * within 1e-4 relative. With batch norm and ReLU ({@code default}) single gradient entries differ by up to ~4% of
     * a variable's largest value (a few of the values feeding a ReLU land on the other side of zero by rounding, see
     * docs/ONEDNN.md; forward outputs agree to 1e-5), so the gradient bound there is 5e-2; the loss before the first
     * update agrees within 1e-4 and after it within 2e-3 (measured 5e-4): Adam's first step moves every weight by
     * about the learning rate whatever its gradient's size, so rounding-level gradient differences become
     * learning-rate-sized weight differences. For the same reason parameters after Adam steps are not compared.
     */
    @Test
    void fastPathMatchesThePlainPath() throws IOException {
        for (String arch : Architectures.names()) {
            NetworkConfig config = new NetworkConfig(1e-3, 1e-4, 0.0, 0.0, 7);
            MultiLayerNetwork fast = Architectures.build(arch, config);
            assertNotNull(fast.getLayer(0).getHelper(), arch + ": oneDNN helper attached");
            assertEquals(org.deeplearning4j.nn.conf.CacheMode.DEVICE, fast.getLayerWiseConfigurations().getCacheMode(),
                    arch + ": forward cache on, so backprop does not recompute convolutions");
            long batchNormLayers = java.util.Arrays.stream(fast.getLayers())
                    .filter(l -> l instanceof org.deeplearning4j.nn.layers.normalization.BatchNormalization).count();
            assertEquals(batchNormLayers, FastCpu.rowStatsBatchNormLayers(fast), arch + ": batch norm on the row-statistics helper");
            assertTrue(fast.getLayer(0).getHelper() instanceof InputConvolutionHelper, arch + ": first convolution skips the input gradient");
            long activationLayers = fast.getLayerWiseConfigurations().getConfs().stream()
                    .filter(c -> c.getLayer() instanceof org.deeplearning4j.nn.conf.layers.ActivationLayer).count();
            assertEquals(activationLayers, java.util.Arrays.stream(fast.getLayers()).filter(l -> l instanceof ReluLayer).count(),
                    arch + ": every ReLU activation layer replaced by ReluLayer");
            MultiLayerNetwork plain = FastCpu.withoutHelpers(() -> {
                MultiLayerNetwork net = new MultiLayerNetwork(Architectures.configuration(arch, config));
                net.init(fast.params().dup(), true);
                return net;
            });
            assertNull(plain.getLayer(0).getHelper(), arch + ": reference path has no helper");
            DataSet faces = fixtureFaces(32);
            INDArray a = fast.output(faces.getFeatures(), false);
            INDArray b = plain.output(faces.getFeatures(), false);
            assertTrue(a.equalsWithEps(b, 1e-5), arch + ": outputs differ by " + a.sub(b).amaxNumber());
            for (MultiLayerNetwork net : List.of(fast, plain)) {
                net.setInput(faces.getFeatures());
                net.setLabels(faces.getLabels());
                net.computeGradientAndScore();
            }
            java.util.Map<String, INDArray> gFast = fast.gradient().gradientForVariable();
            java.util.Map<String, INDArray> gPlain = plain.gradient().gradientForVariable();
            for (String variable : gPlain.keySet()) {
                double relative = gFast.get(variable).sub(gPlain.get(variable)).amaxNumber().doubleValue()
                        / Math.max(1e-6, gPlain.get(variable).amaxNumber().doubleValue());
                double tolerance = arch.equals(Architectures.SEED) ? 1e-3 : 5e-2;
                assertTrue(relative < tolerance, arch + " " + variable + ": gradient differs by " + relative + " of its largest value");
            }
            for (int step = 0; step < 2; step++) {
                fast.fit(faces);
                plain.fit(faces);
                double tolerance = arch.equals(Architectures.SEED) || step == 0 ? 1e-4 : 2e-3;
                assertEquals(plain.score(), fast.score(), tolerance * Math.abs(plain.score()), arch + ": loss at training step " + (step + 1));
            }
            fast.close();
            plain.close();
        }
    }

    static DataSet fixtureFaces(int n) throws IOException {
        List<String> rows = Files.readAllLines(TestFiles.resource("fer2013/fixture_fer2013.csv"));
        List<float[]> inputs = new ArrayList<>();
        INDArray labels = Nd4j.zeros(n, Emotion.COUNT);
        for (int i = 0; i < n; i++) {
            String[] parts = rows.get(i + 1).split(",");
            String[] px = parts[1].split(" ");
            byte[] gray = new byte[FaceTensor.PIXELS];
            for (int k = 0; k < gray.length; k++) {
                gray[k] = (byte) Integer.parseInt(px[k]);
            }
            inputs.add(FaceTensor.normalize(gray));
            labels.putScalar(i, Integer.parseInt(parts[0]), 1);
        }
        float[] flat = new float[n * FaceTensor.PIXELS];
        for (int i = 0; i < n; i++) {
            System.arraycopy(inputs.get(i), 0, flat, i * FaceTensor.PIXELS, FaceTensor.PIXELS);
        }
        return new DataSet(Nd4j.create(flat, new long[] {n, 1, FaceTensor.SIZE, FaceTensor.SIZE}), labels);
    }
}
