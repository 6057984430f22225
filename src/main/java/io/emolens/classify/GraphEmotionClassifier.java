package io.emolens.classify;

import java.util.ArrayList;
import java.util.List;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import io.emolens.core.EmotionScores;
import io.emolens.preprocess.InputSpec;

/**
 * An imported (Keras) network scoring all faces of a frame in one batch: takes faces made for its own
 * {@link InputSpec} (size, channels, normalization), lays them out as the network wants (NHWC for TensorFlow
 * models) and returns probabilities rearranged from the model's label order into FER2013 order. Owns the graph;
 * thread-confined.
 */
public final class GraphEmotionClassifier implements EmotionClassifier {
    private final ComputationGraph graph;
    private final String name;
    private final InputSpec spec;
    private final LabelOrder labels;
    private final boolean channelsLast;
    private boolean closed;

    /**
     * @param graph        the network, one input and one 7-way softmax output
     * @param name         shown in the status bar
     * @param spec         its input
     * @param labels       its output order
     * @param channelsLast true when the network takes [batch, height, width, channels]
     */
    public GraphEmotionClassifier(ComputationGraph graph, String name, InputSpec spec, LabelOrder labels, boolean channelsLast) {
        this.graph = graph;
        this.name = name;
        this.spec = spec;
        this.labels = labels;
        this.channelsLast = channelsLast;
    }

    @Override
    public InputSpec inputSpec() {
        return spec;
    }

    /** Raw network output for {@code faces}, in the model's own label order. */
    public float[][] modelOutputs(List<float[]> faces) {
        if (closed) {
            throw new IllegalStateException("classifier " + name + " is closed");
        }
        float[][] out = new float[faces.size()][];
        NetworkCalls.inCalls(faces, NetworkCalls.MAX_ROWS,
                (part, offset) -> System.arraycopy(outputs(part, offset), 0, out, offset, part.size()));
        return out;
    }

    private float[][] outputs(List<float[]> faces, int offset) {
        int n = faces.size();
        int values = spec.values();
        float[] batch = new float[n * values];
        for (int i = 0; i < n; i++) {
            float[] face = faces.get(i);
            if (face.length != values) {
                throw new IllegalArgumentException("face " + (offset + i) + " has " + face.length + " values, expected " + values + " (" + spec + ")");
            }
            System.arraycopy(face, 0, batch, i * values, values);
        }
        int s = spec.size();
        int c = spec.channels();
        try (INDArray planar = Nd4j.create(batch, new long[] {n, c, s, s})) {
            INDArray input = !channelsLast ? planar : c == 1 ? planar.reshape(n, s, s, 1) : planar.permute(0, 2, 3, 1).dup('c');
            try (INDArray out = graph.outputSingle(false, input)) {
                return out.toFloatMatrix();
            } finally {
                if (input != planar) {
                    input.close();
                }
            }
        }
    }

    @Override
    public List<EmotionScores> classify(List<float[]> faces) {
        if (faces.isEmpty()) {
            return List.of();
        }
        List<EmotionScores> out = new ArrayList<>(faces.size());
        for (float[] row : modelOutputs(faces)) {
            out.add(new EmotionScores(labels.toFer(row)));
        }
        return out;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            graph.close();
        }
    }
}
