package io.emolens.train;

import java.nio.file.Path;

import io.emolens.data.DatasetReader;
import io.emolens.data.ReadOptions;

/** A training process for {@link KillAndResumeTest} to kill: the tiny CNN on a fixture, slowed per batch. */
public final class KillableTraining {
    private KillableTraining() {
    }

    /** args: data file, run folder. */
    public static void main(String[] args) {
        TrainingListener slow = new TrainingListener() {
            @Override
            public void onBatch(BatchProgress progress) {
                try {
                    Thread.sleep(40);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        new Trainer(TinyNetworks.FACTORY, TinyNetworks.EXPORTER).train(DatasetReader.readAny(Path.of(args[0]), ReadOptions.STRICT),
                TrainConfig.defaults("tiny").withMaxEpochs(1000).withPatience(1000).withCheckpointSeconds(0.05), Path.of(args[1]), slow, new TrainingControl());
    }
}
