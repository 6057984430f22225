import java.util.LinkedHashMap;
import java.util.Map;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.layers.IOutputLayer;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import io.emolens.classify.Architectures;
import io.emolens.classify.NetworkConfig;

/**
 * Per-layer training time of an architecture at batch 64, as `train` builds it (oneDNN helpers and FastCpu's fixes):
 * each layer's forward (training mode) and backward pass timed alone inside one reused workspace, minimum of 15
 * after 3 warm-up passes, then totals per layer kind. bench/torch_layer_times.py measures PyTorch's layers the same way.
 * Run after `mvn -q -DskipTests package`: java -cp "target/classes:target/lib/*" bench/LayerTimes.java default
 */
public class LayerTimes {
    public static void main(String[] args) {
        String arch = args.length > 0 ? args[0] : Architectures.DEFAULT;
        int warmUp = 3;
        int timed = 15;
        MultiLayerNetwork net = Architectures.build(arch, NetworkConfig.of(1e-3, 1e-4, 42));
        net.initGradientsView();
        WorkspaceConfiguration wsConfig = WorkspaceConfiguration.builder().initialSize(0).overallocationLimit(0.02)
                .policyAllocation(AllocationPolicy.OVERALLOCATE).policyLearning(LearningPolicy.FIRST_LOOP).build();
        LayerWorkspaceMgr.Builder builder = LayerWorkspaceMgr.builder();
        for (ArrayType type : ArrayType.values()) {
            builder.with(type, "LAYER_TIMES", wsConfig);
        }
        LayerWorkspaceMgr mgr = builder.build();
        INDArray images = Nd4j.rand(DataType.FLOAT, 64, 1, 48, 48);
        INDArray labels = Nd4j.zeros(DataType.FLOAT, 64, 7);
        for (int i = 0; i < 64; i++) {
            labels.putScalar(i, i % 7, 1);
        }
        Layer[] layers = net.getLayers();
        double[] forward = new double[layers.length];
        double[] backward = new double[layers.length];
        java.util.Arrays.fill(forward, Double.MAX_VALUE);
        java.util.Arrays.fill(backward, Double.MAX_VALUE);
        for (int pass = 0; pass < warmUp + timed; pass++) {
            try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().getAndActivateWorkspace(wsConfig, "LAYER_TIMES")) {
                INDArray activation = images;
                for (int i = 0; i < layers.length; i++) {
                    InputPreProcessor pre = net.getLayerWiseConfigurations().getInputPreProcess(i);
                    layers[i].setInput(pre == null ? activation : pre.preProcess(activation, 64, mgr), mgr);
                    long t0 = System.nanoTime();
                    activation = layers[i].activate(true, mgr);
                    forward[i] = pass < warmUp ? forward[i] : Math.min(forward[i], (System.nanoTime() - t0) / 1e6);
                }
                ((IOutputLayer) layers[layers.length - 1]).setLabels(labels);
                INDArray epsilon = null;
                for (int i = layers.length - 1; i >= 0; i--) {
                    long t0 = System.nanoTime();
                    epsilon = layers[i].backpropGradient(epsilon, mgr).getSecond();
                    backward[i] = pass < warmUp ? backward[i] : Math.min(backward[i], (System.nanoTime() - t0) / 1e6);
                    InputPreProcessor pre = net.getLayerWiseConfigurations().getInputPreProcess(i);
                    if (epsilon != null && pre != null) {
                        epsilon = pre.backprop(epsilon, 64, mgr);
                    }
                }
            }
        }
        Map<String, double[]> byKind = new LinkedHashMap<>();
        for (int i = 0; i < layers.length; i++) {
            String kind = layers[i].getClass().getSimpleName();
            System.out.printf("%2d %-20s forward %7.2f ms  backward %7.2f ms%n", i, kind, forward[i], backward[i]);
            double[] sum = byKind.computeIfAbsent(kind, k -> new double[2]);
            sum[0] += forward[i];
            sum[1] += backward[i];
        }
        byKind.forEach((kind, sum) -> System.out.printf("total %-20s forward %7.1f ms  backward %7.1f ms%n", kind, sum[0], sum[1]));
    }
}
