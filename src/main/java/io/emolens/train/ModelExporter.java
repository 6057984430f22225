package io.emolens.train;

import java.nio.file.Path;
import java.util.Map;

import org.deeplearning4j.nn.api.Model;

import io.emolens.eval.Evaluation;

/**
 * Saves a run's best network as an Emolens model (network file plus metadata) into the run folder.
 * Implemented over the classify package's model store, so trained models load like any other.
 */
@FunctionalInterface
public interface ModelExporter {

    /**
     * Facts the model's metadata records.
     *
     * @param config       the training settings
     * @param data         the data source
     * @param dataChecksum checksum of the data
     * @param bestEpoch    the epoch kept (the last averaged one for a weight average)
     * @param epochsRun    epochs completed
     * @param trainSeconds summed epoch wall time
     * @param evaluations  evaluation of the kept epoch per split name (Training sample, PublicTest, PrivateTest)
     * @param averaged     the epochs whose mean weights were kept, empty when one epoch's weights were
     */
    record Info(TrainConfig config, String data, String dataChecksum, int bestEpoch, int epochsRun, double trainSeconds,
                Map<String, Evaluation> evaluations, java.util.List<Integer> averaged) {
    }

    /** Writes the model into {@code runDir} and returns the model file. */
    Path export(Model network, Info info, Path runDir);
}
