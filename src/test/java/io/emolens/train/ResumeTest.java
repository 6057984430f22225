package io.emolens.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.emolens.core.EmolensException;
import io.emolens.data.Dataset;
import io.emolens.data.DatasetReader;
import io.emolens.data.Fixtures;
import io.emolens.data.ReadOptions;

/** A killed run continues from its last completed epoch with its weights and optimizer state. */
class ResumeTest {
    @TempDir
    Path tmp;

    private static final Dataset DATA = TrainerTest.DATA;

    @Test
    void resumeContinuesFromTheSavedEpochExactlyAsAnUninterruptedRun() throws Exception {
        Path straight = tmp.resolve("straight");
        TrainingResult full = TrainerTest.trainer().train(DATA, TrainerTest.config(2), straight, TrainingListener.NONE,
                new TrainingControl());

        Path run = tmp.resolve("resumed");
        TrainerTest.trainer().train(DATA, TrainerTest.config(1), run, TrainingListener.NONE, new TrainingControl());
        assertEquals(2, Files.readAllLines(run.resolve("curves.csv")).size());
        TrainerTest.Recorder rec = new TrainerTest.Recorder();
        TrainingResult resumed = TrainerTest.trainer().resume(DATA, run, c -> c.withMaxEpochs(2), rec, new TrainingControl());

        assertEquals(2, rec.start.startEpoch());
        assertEquals(1, rec.epochs.size());
        assertEquals(2, rec.epochs.get(0).epoch());
        List<String> csv = Files.readAllLines(run.resolve("curves.csv"));
        assertEquals(3, csv.size());
        assertTrue(csv.get(1).startsWith("1,") && csv.get(2).startsWith("2,"), csv.toString());
        EpochStats a = full.history().get(1);
        EpochStats b = resumed.history().get(1);
        assertEquals(a.fitLoss(), b.fitLoss(), 1e-4, "same weights, optimizer state, shuffling and augmentation");
        assertEquals(a.valLoss(), b.valLoss(), 1e-4);
        assertEquals(a.valAcc(), b.valAcc(), 1e-9);
        assertEquals(2, new RunFolder(run).readSpec().config().maxEpochs());
    }

    @Test
    void aRunStoppedInsideAnEpochContinuesAtTheNextBatchExactly() {
        TrainingResult full = TrainerTest.trainer().train(DATA, TrainerTest.config(2), tmp.resolve("straight"),
                TrainingListener.NONE, new TrainingControl());
        Path run = tmp.resolve("stopped");
        TrainingControl control = new TrainingControl();
        TrainerTest.trainer().train(DATA, TrainerTest.config(2), run, new TrainingListener() {
            @Override
            public void onBatch(BatchProgress p) {
                if (p.epoch() == 2 && p.batch() == 3) {
                    control.stop();
                }
            }
        }, control);
        assertEquals(3, new RunFolder(run).readState().batchesDone());
        TrainerTest.Recorder rec = new TrainerTest.Recorder();
        TrainingResult resumed = TrainerTest.trainer().resume(DATA, run, UnaryOperator.identity(), rec, new TrainingControl());
        assertEquals(1, rec.batches.size(), "only batch 4 of epoch 2 is left");
        assertEquals(4, rec.batches.get(0).batch());
        assertEquals(full.history().get(1).fitLoss(), resumed.history().get(1).fitLoss(), 1e-4);
        assertEquals(full.history().get(1).valLoss(), resumed.history().get(1).valLoss(), 1e-4);
        assertEquals(0, new RunFolder(run).readState().batchesDone());
    }

    @Test
    void resumeAfterAKillMidCheckpointIgnoresTheHalfWrittenFiles() throws Exception {
        Path run = tmp.resolve("killed");
        TrainerTest.trainer().train(DATA, TrainerTest.config(1), run, TrainingListener.NONE, new TrainingControl());
        Files.writeString(run.resolve(RunState.checkpointName(2) + ".tmp"), "half a zip");
        Files.copy(run.resolve(RunState.checkpointName(1)), run.resolve(RunState.checkpointName(2)));
        Files.writeString(run.resolve("state.json.tmp"), "{\"epochsDone\": 2");

        TrainerTest.Recorder rec = new TrainerTest.Recorder();
        TrainerTest.trainer().resume(DATA, run, c -> c.withMaxEpochs(2), rec, new TrainingControl());
        assertEquals(2, rec.start.startEpoch());
        assertFalse(Files.exists(run.resolve("state.json.tmp")));
        assertFalse(Files.exists(run.resolve(RunState.checkpointName(2) + ".tmp")));
        assertEquals(2, new RunFolder(run).readState().epochsDone());
    }

    @Test
    void aRunKilledInItsFirstEpochResumesFromScratch() throws Exception {
        Path run = tmp.resolve("first");
        TrainingControl control = new TrainingControl();
        TrainerTest.trainer().train(DATA, TrainerTest.config(3), run, new TrainingListener() {
            @Override
            public void onBatch(BatchProgress p) {
                control.stop();
            }
        }, control);
        assertEquals(0, new RunFolder(run).readState().epochsDone());
        TrainerTest.Recorder rec = new TrainerTest.Recorder();
        TrainerTest.trainer().resume(DATA, run, c -> c.withMaxEpochs(1), rec, new TrainingControl());
        assertEquals(1, rec.start.startEpoch());
        assertEquals(1, rec.epochs.size());
    }

    @Test
    void resumeRefusesOtherData() {
        Path run = tmp.resolve("other");
        TrainerTest.trainer().train(DATA, TrainerTest.config(1), run, TrainingListener.NONE, new TrainingControl());
        Dataset other = DatasetReader.readAny(Fixtures.CORRUPT_CSV, ReadOptions.DEFAULT);
        EmolensException e = assertThrows(EmolensException.class,
                () -> TrainerTest.trainer().resume(other, run, UnaryOperator.identity(), TrainingListener.NONE, new TrainingControl()));
        assertTrue(e.getMessage().startsWith("the data differs from the data this run was trained on"), e.getMessage());
    }

    @Test
    void resumeOfAnEmptyFolderSaysHowToStart() {
        EmolensException e = assertThrows(EmolensException.class, () -> TrainerTest.trainer()
                .resume(DATA, tmp.resolve("none"), UnaryOperator.identity(), TrainingListener.NONE, new TrainingControl()));
        assertTrue(e.getMessage().contains("holds no resumable run"), e.getMessage());
    }
}
