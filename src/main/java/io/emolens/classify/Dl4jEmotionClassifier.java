package io.emolens.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import io.emolens.core.EmotionScores;
import io.emolens.data.FacePixels;
import io.emolens.preprocess.FaceTensor;

/**
 * A loaded model scoring faces in batches of at most {@link NetworkCalls#MAX_ROWS} rows: one DL4J network, or an
 * ensemble ({@link EnsembleSpec}) whose members each run once per batch on the faces and, with flip averaging, their
 * mirror images; the members' probabilities are averaged and rescaled by the model's temperature, so the
 * scores are the calibrated probabilities. Owns the networks; thread-confined.
 */
public final class Dl4jEmotionClassifier implements EmotionClassifier {
    private final List<MultiLayerNetwork> networks;
    private final String name;
    private final ModelMetadata metadata;
    private final EnsembleSpec ensemble;
    private final boolean flip;
    private final double temperature;
    private boolean closed;

    /** A plain one-network model. */
    public Dl4jEmotionClassifier(MultiLayerNetwork network, String name, ModelMetadata metadata) {
        this(List.of(network), name, metadata, null);
    }

    /** An ensemble: {@code networks} in the order of {@code ensemble.members()}; null {@code ensemble} for one plain network. */
    public Dl4jEmotionClassifier(List<MultiLayerNetwork> networks, String name, ModelMetadata metadata, EnsembleSpec ensemble) {
        if (networks.isEmpty() || (ensemble != null && ensemble.members().size() != networks.size())) {
            throw new IllegalArgumentException(networks.size() + " networks for " + (ensemble == null ? 1 : ensemble.members().size()) + " members");
        }
        this.networks = List.copyOf(networks);
        this.name = name;
        this.metadata = metadata;
        this.ensemble = ensemble;
        this.flip = ensemble != null && ensemble.flipAverage();
        this.temperature = ensemble == null ? 1 : ensemble.temperature();
    }

    public ModelMetadata metadata() {
        return metadata;
    }

    /** The ensemble spec, empty for a plain one-network model. */
    public Optional<EnsembleSpec> ensemble() {
        return Optional.ofNullable(ensemble);
    }

    /** Number of networks. */
    public int members() {
        return networks.size();
    }

    @Override
    public List<EmotionScores> classify(List<float[]> faces) {
        List<float[][]> perMember = memberProbabilities(faces);
        List<EmotionScores> out = new ArrayList<>(faces.size());
        for (int i = 0; i < faces.size(); i++) {
            out.add(new EmotionScores(combine(perMember, i)));
        }
        return out;
    }

    /**
     * Each member's probabilities for each face ({@code result.get(member)[face]}), flip-averaged when the model
     * averages flips, before the members are combined and the temperature applied.
     */
    public List<float[][]> memberProbabilities(List<float[]> faces) {
        if (closed) {
            throw new IllegalStateException("classifier " + name + " is closed");
        }
        int n = faces.size();
        List<float[][]> out = new ArrayList<>(networks.size());
        networks.forEach(net -> out.add(new float[n][]));
        int perCall = flip ? NetworkCalls.MAX_ROWS / 2 : NetworkCalls.MAX_ROWS;
        NetworkCalls.inCalls(faces, perCall, (part, offset) -> score(part, offset, out));
        return out;
    }

    /** Runs every network once on {@code faces} (and their mirror images) and writes their rows from {@code offset}. */
    private void score(List<float[]> faces, int offset, List<float[][]> out) {
        int n = faces.size();
        int rows = flip ? 2 * n : n;
        float[] batch = new float[rows * FaceTensor.PIXELS];
        for (int i = 0; i < n; i++) {
            float[] face = faces.get(i);
            if (face.length != FaceTensor.PIXELS) {
                throw new IllegalArgumentException("face " + (offset + i) + " has " + face.length + " values, expected " + FaceTensor.PIXELS);
            }
            System.arraycopy(face, 0, batch, i * FaceTensor.PIXELS, FaceTensor.PIXELS);
            if (flip) {
                FacePixels.mirror(face, batch, (n + i) * FaceTensor.PIXELS);
            }
        }
        try (INDArray input = Nd4j.create(batch, new long[] {rows, 1, FaceTensor.SIZE, FaceTensor.SIZE})) {
            for (int m = 0; m < networks.size(); m++) {
                try (INDArray probabilities = networks.get(m).output(input, false)) {
                    float[][] p = probabilities.toFloatMatrix();
                    float[][] member = out.get(m);
                    for (int i = 0; i < n; i++) {
                        member[offset + i] = flip ? Probabilities.mean(List.of(p[i], p[n + i])) : p[i];
                    }
                }
            }
        }
    }

    /** The model's output for face {@code i} from {@link #memberProbabilities}: the members' mean, temperature applied. */
    public float[] combine(List<float[][]> perMember, int i) {
        float[] mean = perMember.size() == 1 ? perMember.get(0)[i].clone()
                : Probabilities.mean(perMember.stream().map(m -> m[i]).toList());
        return Temperature.apply(mean, temperature);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            networks.forEach(MultiLayerNetwork::close);
        }
    }
}
