package io.emolens.train;

import java.util.ArrayList;
import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What fine-tuning does around every batch beside the optimizer's step: the learning rate rises linearly over the
 * first warm-up epochs (a fresh Adam takes full-size steps whatever the gradient), the frozen layers are put back to
 * the base's weights, and the tuned ones are pulled toward them (L2-SP, Li et al. 2018: the penalty
 * λ/2·‖w − w₀‖², applied as the decoupled step w ← w − rate·λ·(w − w₀)). A function of epoch and batch only, so a
 * resumed run takes the same steps.
 */
final class BaseAnchor {
    private final List<INDArray> weights;
    private final List<INDArray> base;
    private final int frozen;
    private final double l2sp;
    private final int warmupEpochs;

    private BaseAnchor(List<INDArray> weights, List<INDArray> base, int frozen, double l2sp, int warmupEpochs) {
        this.weights = weights;
        this.base = base;
        this.frozen = frozen;
        this.l2sp = l2sp;
        this.warmupEpochs = warmupEpochs;
    }

    /** The anchor of {@code network} to the weights of {@code base} (copied; the caller closes {@code base}). */
    static BaseAnchor of(FineTuneSpec spec, TrainingNetwork network, TrainingNetwork base) {
        List<INDArray> weights = network.layerParams();
        List<INDArray> start = new ArrayList<>();
        for (INDArray p : base.layerParams()) {
            start.add(p.dup());
        }
        if (start.size() != weights.size()) {
            throw new IllegalStateException("the base has " + start.size() + " layers with weights, the tuned network " + weights.size());
        }
        int frozen = spec.tunedLayers() == 0 ? 0 : Math.max(0, weights.size() - spec.tunedLayers());
        return new BaseAnchor(weights, start, frozen, spec.l2sp(), spec.warmupEpochs());
    }

    /** True when {@code epoch} (1-based) is inside the warm-up. */
    boolean warming(int epoch) {
        return epoch <= warmupEpochs;
    }

    /** The learning rate of batch {@code batch} of {@code batches} in {@code epoch}, where the epoch's own rate is {@code rate}. */
    double rate(int epoch, int batch, int batches, double rate) {
        if (!warming(epoch)) {
            return rate;
        }
        double step = (epoch - 1) * (double) batches + batch + 1;
        return rate * Math.min(1, step / ((double) warmupEpochs * batches));
    }

    /** After a step taken at {@code rate}: frozen layers back to the base, tuned ones pulled toward it. */
    void afterStep(double rate) {
        double pull = Math.min(1, rate * l2sp);
        for (int i = 0; i < weights.size(); i++) {
            INDArray w = weights.get(i);
            if (i < frozen) {
                w.assign(base.get(i));
            } else if (pull > 0) {
                w.subi(base.get(i)).muli(1 - pull).addi(base.get(i));
            }
        }
    }

    /** Layers with weights that stay the base's. */
    int frozenLayers() {
        return frozen;
    }
}
