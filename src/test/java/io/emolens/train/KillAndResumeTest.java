package io.emolens.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.emolens.data.Fixtures;

/** Kills a real training process (SIGKILL) at an arbitrary moment and resumes its run folder. */
class KillAndResumeTest {
    @TempDir
    Path tmp;

    @Test
    void aKilledProcessLeavesAResumableRun() throws Exception {
        Path run = tmp.resolve("run");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), KillableTraining.class.getName(),
                Fixtures.CSV.toString(), run.toString()).redirectErrorStream(true).redirectOutput(tmp.resolve("log.txt").toFile())
                .start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            RunFolder folder = new RunFolder(run);
            while (!(folder.hasState() && folder.readState().epochsDone() >= 2) && System.nanoTime() < deadline && p.isAlive()) {
                Thread.sleep(50);
            }
            Thread.sleep(120);
            assertTrue(p.isAlive(), () -> "training process ended early: " + read(tmp.resolve("log.txt")));
        } finally {
            p.destroyForcibly().waitFor();
        }
        RunState killed = new RunFolder(run).readState();
        int done = killed.epochsDone();
        assertTrue(done >= 2, "at least two epochs were checkpointed");
        assertTrue(Files.isRegularFile(run.resolve(killed.checkpoint())), killed.checkpoint());

        TrainerTest.Recorder rec = new TrainerTest.Recorder();
        TrainingResult r = TrainerTest.trainer().resume(TrainerTest.DATA, run, c -> c.withMaxEpochs(done + 1), rec,
                new TrainingControl());
        assertEquals(done + 1, rec.start.startEpoch());
        assertEquals(4 - killed.batchesDone(), rec.batches.size(), "continues after the last mid-epoch checkpoint");
        assertEquals(done + 1, r.history().size());
        List<String> csv = Files.readAllLines(run.resolve("curves.csv"));
        assertEquals(done + 2, csv.size());
        for (int e = 1; e <= done + 1; e++) {
            assertTrue(csv.get(e).startsWith(e + ","), csv.toString());
        }
        try (var files = Files.list(run)) {
            assertEquals(List.of(), files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList());
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
