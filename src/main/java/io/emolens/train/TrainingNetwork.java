package io.emolens.train;

import java.io.IOException;
import java.nio.file.Path;

import java.util.ArrayList;
import java.util.List;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

import io.emolens.classify.FastCpu;
import io.emolens.core.EmolensException;

/**
 * The one owner of a network being trained: hides whether it is a {@link MultiLayerNetwork} or a
 * {@link ComputationGraph}, and saves and restores it with its optimizer state.
 */
final class TrainingNetwork implements AutoCloseable {
    private final MultiLayerNetwork mln;
    private final ComputationGraph graph;
    private final NetworkInput input;

    TrainingNetwork(Model model) {
        this(model, NetworkInput.OWN);
    }

    TrainingNetwork(Model model, NetworkInput input) {
        this.input = input;
        if (model instanceof MultiLayerNetwork m) {
            mln = m;
            graph = null;
        } else if (model instanceof ComputationGraph g) {
            mln = null;
            graph = g;
        } else {
            throw new IllegalArgumentException("unsupported network type " + model.getClass().getName());
        }
    }

    /** Restores a checkpoint of one of Emolens's own networks on the oneDNN fast path. */
    static TrainingNetwork load(Path file) {
        return load(file, NetworkInput.OWN);
    }

    /** Restores a checkpoint of a network taking {@code input} on the oneDNN fast path. */
    static TrainingNetwork load(Path file, NetworkInput input) {
        FastCpu.configure();
        try {
            return isGraph(file)
                    ? new TrainingNetwork(FastCpu.install(ModelSerializer.restoreComputationGraph(file.toFile(), true)), input)
                    : new TrainingNetwork(FastCpu.install(ModelSerializer.restoreMultiLayerNetwork(file.toFile(), true)), input);
        } catch (IOException | RuntimeException e) {
            throw new EmolensException("cannot load checkpoint " + file.toAbsolutePath() + ": " + e.getMessage()
                    + ". The file may be damaged; delete the run folder's state.json to start over.", e);
        }
    }

    private static boolean isGraph(Path file) throws IOException {
        try (var zip = new java.util.zip.ZipFile(file.toFile())) {
            var entry = zip.getEntry(ModelSerializer.CONFIGURATION_JSON);
            if (entry == null) {
                throw new IOException("no " + ModelSerializer.CONFIGURATION_JSON + " inside");
            }
            String json = new String(zip.getInputStream(entry).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return json.contains("\"vertices\"");
        }
    }

    /** What the network takes and answers. */
    NetworkInput input() {
        return input;
    }

    Model model() {
        return mln != null ? mln : graph;
    }

    void fit(DataSet batch) {
        if (mln != null) {
            mln.fit(batch);
        } else {
            graph.fit(batch);
        }
    }

    /** Score (loss including regularization) of the last {@link #fit} batch. */
    double score() {
        return model().score();
    }

    /** Softmax output in inference mode (no dropout). */
    INDArray output(INDArray features) {
        return mln != null ? mln.output(features, false) : graph.outputSingle(false, features);
    }

    /**
     * Weights the cross-entropy of every output layer per class (FER order), so rare classes count more.
     * The weights become part of the saved configuration; inference is unaffected.
     */
    void setClassWeights(float[] weights) {
        List<Layer> outputs = new ArrayList<>();
        if (mln != null) {
            outputs.add(mln.getOutputLayer());
        } else {
            for (int i = 0; i < graph.getNumOutputArrays(); i++) {
                outputs.add(graph.getOutputLayer(i));
            }
        }
        for (Layer layer : outputs) {
            if (!(layer.conf().getLayer() instanceof BaseOutputLayer out) || !(out.getLossFn() instanceof LossMCXENT loss)) {
                throw new IllegalArgumentException("class weights need an output layer with cross-entropy (MCXENT) loss, found "
                        + layer.conf().getLayer().getClass().getSimpleName());
            }
            out.setLossFn(new LossMCXENT(loss.getSoftmaxClipEps(), Nd4j.create(weights).reshape(1, weights.length)));
        }
    }

    void setLearningRate(double lr) {
        if (mln != null) {
            mln.setLearningRate(lr);
        } else {
            graph.setLearningRate(lr);
        }
    }

    void setEpochCount(int epoch) {
        if (mln != null) {
            mln.getLayerWiseConfigurations().setEpochCount(epoch);
        } else {
            graph.getConfiguration().setEpochCount(epoch);
        }
    }

    /** The parameters of every layer that has some, in layer order: views of the network's own, so writes change it. */
    List<INDArray> layerParams() {
        List<INDArray> out = new ArrayList<>();
        Layer[] layers = mln != null ? mln.getLayers() : graph.getLayers();
        for (Layer layer : layers) {
            if (layer.numParams() > 0) {
                out.add(layer.params());
            }
        }
        return out;
    }

    long numParams() {
        return model().numParams();
    }

    /** Writes the network with its updater state, so that training continues exactly from it. */
    void save(Path file) throws IOException {
        ModelSerializer.writeModel(model(), file.toFile(), true);
    }

    /** Writes the network without optimizer state. */
    void saveWeights(Path file) throws IOException {
        ModelSerializer.writeModel(model(), file.toFile(), false);
    }

    /** A copy of this network (same layers and input) holding {@code params}; the caller closes it. */
    TrainingNetwork withParams(INDArray params) {
        Model copy = mln != null ? mln.clone() : graph.clone();
        copy.setParams(params);
        return new TrainingNetwork(copy, input);
    }

    @Override
    public void close() {
        model().close();
    }
}
