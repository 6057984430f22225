package io.emolens.session;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.emolens.TestFiles;
import io.emolens.app.AppPaths;
import io.emolens.app.Main;
import io.emolens.app.Wiring;
import io.emolens.core.VideoFrame;
import io.emolens.detect.DetectorConfig;
import io.emolens.pipeline.ClassifyPolicy;
import io.emolens.pipeline.FrameAnalyzer;
import io.emolens.record.RecordingException;
import io.emolens.source.DefaultFrameSourceFactory;
import io.emolens.source.FrameSource;
import io.emolens.track.TrackerConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A full disk while recording, made real with Linux's {@code /dev/full} (every write fails with ENOSPC) behind
 * the video file: the recording stops with a message that says so, and what was written is kept and readable.
 */
class DiskFullTest {

    @Test
    void aFullDiskStopsTheRecordingWithAMessageAndKeepsWhatWasWritten(@TempDir Path tmp) throws Exception {
        Path full = Path.of("/dev/full");
        Assumptions.assumeTrue(Files.isWritable(full), "needs Linux /dev/full");
        Path folder = Files.createDirectories(tmp.resolve("session"));
        Files.createSymbolicLink(folder.resolve(SessionRecorder.ANNOTATED_VIDEO), full);
        List<String> messages = new ArrayList<>();
        Wiring wiring = new Wiring(new AppPaths(TestFiles.repo()), DetectorConfig.DEFAULT, Main.modelLoader());
        RecordingException thrown = null;
        long accepted = 0;
        try (FrameAnalyzer analyzer = wiring.create(null, TrackerConfig.UNSMOOTHED, ClassifyPolicy.EVERY_FACE);
             FrameSource clip = new DefaultFrameSourceFactory().open(TestFiles.demoClip())) {
            SessionRecorder recorder = SessionRecorder.start(folder, RecordingSettings.offline(true, clip.frameRate()), "demo.mp4",
                    null, analyzer.preprocessor(), messages::add);
            Optional<VideoFrame> next;
            while (thrown == null && (next = clip.next()).isPresent() && next.get().index() < 90) {
                try {
                    if (recorder.frame(analyzer.analyze(next.get()), next.get().timeMs())) {
                        accepted++;
                    }
                } catch (RecordingException e) {
                    thrown = e;
                }
            }
            assertTrue(thrown != null, "the failure reaches the caller");
            assertTrue(recorder.isStopped());
            assertFalse(recorder.frame(analyzer.analyze(clip.next().orElseThrow()), 99_000), "a stopped recorder takes no more frames");
            assertEquals(SessionInfo.FAILED, recorder.stop().status());
        }
        assertTrue(thrown.getMessage().contains("the disk is full"), thrown.getMessage());
        assertEquals(1, messages.size(), "told once: " + messages);
        assertTrue(messages.get(0).startsWith("Recording stopped: ") && messages.get(0).contains("the disk is full")
                && messages.get(0).contains("kept in " + folder), messages.get(0));

        RecordedSession s = RecordedSession.open(folder);
        assertEquals(SessionInfo.FAILED, s.info().status());
        assertTrue(s.info().error().contains("the disk is full"), s.info().error());
        assertTrue(s.info().frames() >= Math.max(1, accepted), "frames whose rows were written are counted: " + s.info().frames());
        assertTrue(s.faces().size() >= 1, "faces.csv keeps the rows written before the failure");
        assertEquals(s.info().faceRows(), s.faces().size());
    }
}
