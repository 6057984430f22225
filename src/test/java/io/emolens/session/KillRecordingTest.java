package io.emolens.session;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.emolens.core.Emotion;
import io.emolens.core.VideoFrame;
import io.emolens.data.Dataset;
import io.emolens.data.Fer2013CsvReader;
import io.emolens.data.ReadOptions;
import io.emolens.record.AnnotatedVideoWriter;
import io.emolens.record.LabelSegment;
import io.emolens.source.DefaultFrameSourceFactory;
import io.emolens.source.FrameSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kills a recording process with SIGKILL about three seconds into its session and checks that the video, the
 * CSVs and session.json are readable up to about the kill time (the recorder flushes every half second and the
 * video is fragmented at least every second).
 */
class KillRecordingTest {
    /** Flush period plus one fragment plus the time a loaded machine takes per frame. */
    private static final long TOLERANCE_MS = 2000;

    @Test
    void aKilledRecordingIsReadableUpToAboutTheKill(@TempDir Path tmp) throws Exception {
        Path folder = tmp.resolve("session");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        long spawned = System.nanoTime();
        Process p = new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"), KillableRecording.class.getName(),
                folder.toString()).redirectErrorStream(true).redirectOutput(tmp.resolve("log.txt").toFile()).start();
        long started;
        long killed;
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (!Files.exists(folder.resolve(SessionRecorder.SESSION_JSON)) && System.nanoTime() < deadline && p.isAlive()) {
                Thread.sleep(10);
            }
            started = System.nanoTime();
            assertTrue(Files.exists(folder.resolve(SessionRecorder.SESSION_JSON)), () -> "the recording started: " + read(tmp.resolve("log.txt")));
            while (lines(folder.resolve(SessionRecorder.FACES_CSV)) < 2 && System.nanoTime() < deadline && p.isAlive()) {
                Thread.sleep(20);
            }
            assertTrue(lines(folder.resolve(SessionRecorder.FACES_CSV)) >= 2, () -> "rows were flushed within 90 s: " + read(tmp.resolve("log.txt")));
            assertTrue(p.isAlive(), () -> "recording process ended early: " + read(tmp.resolve("log.txt")));
            Thread.sleep(3000);
        } finally {
            killed = System.nanoTime();
            p.destroyForcibly().waitFor();
        }
        assertEquals(137, p.exitValue(), "killed by SIGKILL");
        // The child's session clock started after it was spawned and before session.json appeared, so at the kill it
        // read between these two: no cross-process clock is compared.
        long killedAfterMs = (killed - started) / 1_000_000;
        long killedAtMostMs = (killed - spawned) / 1_000_000;

        RecordedSession s = RecordedSession.open(folder);
        assertEquals(SessionInfo.RECORDING, s.info().status(), "never finalized");
        assertTrue(s.faces().size() > 5, "rows were flushed: " + s.faces().size());
        long lastRowMs = s.faces().get(s.faces().size() - 1).sessionMs();
        assertTrue(lastRowMs >= killedAfterMs - TOLERANCE_MS, "faces.csv reaches about the kill: last row at " + lastRowMs
                + " ms, killed at " + killedAfterMs + "-" + killedAtMostMs + " ms");
        assertTrue(lastRowMs <= killedAtMostMs, "no row is stamped after the kill: last row at " + lastRowMs + " ms, killed at most "
                + killedAtMostMs + " ms into the session");
        assertTrue(s.info().frames() > 0 && s.info().durationMs() >= killedAfterMs - TOLERANCE_MS,
                "session.json was refreshed while recording: " + s.info());

        List<LabelSegment> labels = s.labels();
        assertEquals(1, labels.size(), labels.toString());
        assertEquals(Emotion.HAPPY, labels.get(0).label());
        assertEquals(0, labels.get(0).startMs());
        assertTrue(labels.get(0).endMs() >= killedAfterMs - TOLERANCE_MS, "the open label segment was flushed: " + labels);

        long frames = 0;
        long lastVideoMs = -1;
        try (FrameSource video = new DefaultFrameSourceFactory().open(folder.resolve(SessionRecorder.ANNOTATED_VIDEO))) {
            Optional<VideoFrame> next;
            while ((next = video.next()).isPresent()) {
                frames++;
                lastVideoMs = next.get().timeMs();
            }
        }
        assertTrue(frames > 5, "the video decodes: " + frames + " frames");
        // what the writer may still hold at a kill: a full queue of frames at the rate they came, one fragment, one frame
        double msPerFrame = (double) s.info().durationMs() / s.info().frames();
        long videoLagMs = Math.round(AnnotatedVideoWriter.QUEUE_FRAMES * msPerFrame + AnnotatedVideoWriter.FRAGMENT_MS + msPerFrame);
        assertTrue(lastVideoMs >= lastRowMs - videoLagMs, "the video plays up to about the kill: last frame at " + lastVideoMs
                + " ms, last row at " + lastRowMs + " ms, the encoder's queue and one fragment span " + videoLagMs + " ms");

        Path fer = tmp.resolve("fer.csv");
        long exported = Arrays.stream(FerExport.export(s, fer)).sum();
        Dataset data = new Fer2013CsvReader().read(fer, ReadOptions.STRICT);
        assertTrue(exported > 3, "crops were flushed: " + exported);
        assertEquals(exported, data.faces().size());
        assertTrue(data.faces().stream().allMatch(f -> f.emotion() == Emotion.HAPPY));
    }

    private static long lines(Path file) throws java.io.IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        try (var l = Files.lines(file)) {
            return l.count();
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
