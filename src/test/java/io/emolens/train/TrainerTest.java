package io.emolens.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.emolens.core.EmolensException;
import io.emolens.data.Dataset;
import io.emolens.data.DatasetReader;
import io.emolens.data.Fixtures;
import io.emolens.data.ReadOptions;

/** Short real training runs on the 300-row fixture with a small CNN. */
class TrainerTest {
    static final Dataset DATA = DatasetReader.readAny(Fixtures.CSV, ReadOptions.STRICT);

    @TempDir
    Path tmp;

    /** Records what the trainer reports. */
    static class Recorder implements TrainingListener {
        final List<EpochStats> epochs = new ArrayList<>();
        final List<BatchProgress> batches = new ArrayList<>();
        final List<String> messages = new ArrayList<>();
        RunInfo start;
        TrainingResult finish;

        @Override
        public void onStart(RunInfo info) {
            start = info;
        }

        @Override
        public void onBatch(BatchProgress progress) {
            batches.add(progress);
        }

        @Override
        public void onEpoch(EpochStats stats, int bestEpoch) {
            epochs.add(stats);
        }

        @Override
        public void onMessage(String message) {
            messages.add(message);
        }

        @Override
        public void onFinish(TrainingResult result) {
            finish = result;
        }
    }

    static TrainConfig config(int epochs) {
        return TrainConfig.defaults("tiny").withMaxEpochs(epochs);
    }

    static Trainer trainer() {
        return new Trainer(TinyNetworks.FACTORY, TinyNetworks.EXPORTER);
    }

    @Test
    void lossFallsAndTheRunFolderIsComplete() throws Exception {
        Recorder rec = new Recorder();
        Path run = tmp.resolve("run");
        TrainingResult r = trainer().train(DATA, config(5), run, rec, new TrainingControl());
        assertEquals(5, rec.epochs.size());
        assertTrue(rec.epochs.get(4).fitLoss() < rec.epochs.get(0).fitLoss() - 0.05,
                "fit loss should fall: " + rec.epochs);
        assertTrue(rec.epochs.get(4).trainLoss() < rec.epochs.get(0).trainLoss(), "train loss should fall: " + rec.epochs);
        assertEquals(200, rec.start.trainImages());
        assertEquals(50, rec.start.valImages());
        assertEquals(5 * 4, rec.batches.size(), "200 images in batches of 64 = 4 batches per epoch");
        assertEquals(4, rec.batches.get(3).batches());
        assertEquals("finished", r.status());
        assertEquals(50, r.test().confusion().total());
        assertEquals(50, r.validation().confusion().total());
        List<String> csv = Files.readAllLines(run.resolve("curves.csv"));
        assertEquals(6, csv.size());
        assertEquals(EpochStats.CSV_HEADER, csv.get(0));
        assertTrue(csv.get(5).startsWith("5,"), csv.get(5));
        for (String f : List.of("run.json", "state.json", "curves.png", "evaluation.json", "confusion.png", "diagnosis.txt",
                "model.zip", RunState.checkpointName(5), RunState.bestName(r.bestEpoch()))) {
            assertTrue(Files.isRegularFile(run.resolve(f)), f + " missing");
        }
        try (var files = Files.list(run)) {
            assertEquals(List.of(), files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".tmp") || (n.startsWith("checkpoint-") && !n.equals(RunState.checkpointName(5))))
                    .toList(), "older checkpoints and temporaries are removed");
        }
        assertEquals(r.diagnosis().text() + "\n", Files.readString(run.resolve("diagnosis.txt")));
    }

    @Test
    void anExistingRunIsNotOverwritten() {
        Path run = tmp.resolve("run");
        trainer().train(DATA, config(1).withPatience(1), run, TrainingListener.NONE, new TrainingControl());
        EmolensException e = assertThrows(EmolensException.class,
                () -> trainer().train(DATA, config(1), run, TrainingListener.NONE, new TrainingControl()));
        assertTrue(e.getMessage().contains("train --resume"), e.getMessage());
    }

    @Test
    void nanLossStopsTheRunWithAClearMessage() {
        NetworkFactory poisoned = c -> {
            MultiLayerNetwork net = (MultiLayerNetwork) TinyNetworks.FACTORY.create(c);
            net.params().assign(Double.NaN);
            return net;
        };
        Path run = tmp.resolve("nan");
        EmolensException e = assertThrows(EmolensException.class, () -> new Trainer(poisoned, TinyNetworks.EXPORTER)
                .train(DATA, config(2), run, TrainingListener.NONE, new TrainingControl()));
        assertTrue(e.getMessage().startsWith("training diverged: the loss became NaN at epoch 1, batch 1"), e.getMessage());
        assertTrue(e.getMessage().contains("train --resume " + run), e.getMessage());
        assertEquals("diverged", new RunFolder(run).readState().status());
    }

    @Test
    void aStopRequestEndsTheRunAndKeepsTheBestEpoch() {
        TrainingControl control = new TrainingControl();
        Recorder rec = new Recorder() {
            @Override
            public void onBatch(BatchProgress p) {
                super.onBatch(p);
                if (p.epoch() == 2 && p.batch() == 2) {
                    control.stop();
                }
            }
        };
        TrainingResult r = trainer().train(DATA, config(5), tmp.resolve("stop"), rec, control);
        assertEquals("stopped", r.status());
        assertEquals(1, r.history().size(), "epoch 2 is not complete");
        RunState saved = new RunFolder(tmp.resolve("stop")).readState();
        assertEquals(2, saved.batchesDone(), "the two fitted batches of epoch 2 are checkpointed");
        assertEquals(RunState.partialName(2, 2), saved.checkpoint());
        assertTrue(Files.isRegularFile(tmp.resolve("stop").resolve(saved.checkpoint())));
        assertEquals(6, rec.batches.size(), "4 batches of epoch 1, then 2 of epoch 2");
        assertEquals(1, r.bestEpoch());
        assertTrue(Files.isRegularFile(r.model()));
        assertEquals("stopped during epoch 2: best epoch 1 kept", r.summary());
    }

    @Test
    void aRunStoppedInItsFirstEpochSaysThereIsNoEpochToKeep() {
        TrainingControl control = new TrainingControl();
        Recorder rec = new Recorder() {
            @Override
            public void onBatch(BatchProgress p) {
                super.onBatch(p);
                control.stop();
            }
        };
        TrainingResult r = trainer().train(DATA, config(5), tmp.resolve("stop1"), rec, control);
        assertEquals("stopped", r.status());
        assertEquals(0, r.bestEpoch());
        assertEquals(null, r.model());
        assertEquals("stopped during epoch 1: no finished epoch to keep", r.summary());
    }

    @Test
    void earlyStoppingEndsAfterPatienceEpochsWithoutImprovement() {
        TrainConfig c = new TrainConfig("tiny", 30, 64, 1e-6, 0, Double.NaN, Double.NaN, 2, TrainConfig.Monitor.VAL_ACCURACY, 0, 0.5,
                1e-6, 42, AugmentConfig.NONE, false, 100, 0, 0);
        TrainingResult r = trainer().train(DATA, c, tmp.resolve("early"), TrainingListener.NONE, new TrainingControl());
        assertEquals("early-stopped", r.status());
        assertEquals(r.bestEpoch() + 2, r.history().size(), "stops 2 epochs after the best");
        assertEquals("early-stopped after " + r.history().size() + " epochs: best epoch " + r.bestEpoch() + " kept", r.summary());
    }

    /**
     * With --average-from 2, a 2-epoch run keeps epoch 2's weights as the mean; resumed to 3 epochs, the model is the mean
     * of epochs 2 and 3 (to float rounding), the metadata names them, and the older mean file is gone.
     */
    @Test
    void weightAveragingKeepsTheMeanOfTheAveragedEpochsAcrossAResume() throws Exception {
        Path run = tmp.resolve("averaged");
        trainer().train(DATA, config(2).withPatience(10).withAverageFrom(2), run, TrainingListener.NONE, new TrainingControl());
        INDArray epoch2 = params(run.resolve(RunState.checkpointName(2)));
        assertEquals(0.0, epoch2.sub(params(run.resolve(RunState.averageName(2)))).amaxNumber().doubleValue(), 0.0);
        Recorder rec = new Recorder();
        TrainingResult r = trainer().resume(DATA, run, c -> c.withMaxEpochs(3), rec, new TrainingControl());
        INDArray expected = epoch2.add(params(run.resolve(RunState.checkpointName(3)))).divi(2);
        assertTrue(expected.sub(params(r.model())).amaxNumber().doubleValue() < 1e-6, "the model is the mean of epochs 2 and 3");
        assertEquals(List.of(2, 3), new io.emolens.classify.ModelStore().metadata(r.model()).training().get("averaged_epochs"));
        assertTrue(rec.messages.stream().anyMatch(m -> m.startsWith("evaluating the mean of epochs 2–3")), rec.messages.toString());
        assertTrue(r.summary().endsWith(": the mean of epochs 2–3 (best single epoch " + r.bestEpoch() + ") kept"), r.summary());
        assertTrue(Files.isRegularFile(run.resolve(RunState.averageName(3))));
        assertTrue(!Files.exists(run.resolve(RunState.averageName(2))), "the older mean is removed");
    }

    private static INDArray params(Path file) throws java.io.IOException {
        return org.deeplearning4j.util.ModelSerializer.restoreMultiLayerNetwork(file.toFile(), false).params();
    }
}
