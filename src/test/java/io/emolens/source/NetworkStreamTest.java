package io.emolens.source;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.emolens.TestFiles;
import io.emolens.app.AppPaths;
import io.emolens.app.Main;
import io.emolens.app.Wiring;
import io.emolens.core.EmolensException;
import io.emolens.detect.DetectorConfig;
import io.emolens.pipeline.AnalyzedFrame;
import io.emolens.pipeline.ClassifyPolicy;
import io.emolens.pipeline.LivePipeline;
import io.emolens.pipeline.LiveStats;
import io.emolens.session.RecordedSession;
import io.emolens.session.RecordingSettings;
import io.emolens.session.SessionInfo;
import io.emolens.session.SessionRecorder;
import io.emolens.track.TrackerConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A network camera (ffmpeg serving the demo clip as MJPEG on 127.0.0.1) read live by the app's path and by analyze. */
class NetworkStreamTest {

    @Test
    void theLivePathShowsTheStreamAndALostStreamLeavesAFinalizedFailedSession(@TempDir Path tmp) throws Exception {
        Wiring wiring = new Wiring(new AppPaths(TestFiles.repo()), DetectorConfig.DEFAULT, Main.modelLoader());
        AtomicReference<SessionRecorder> recorder = new AtomicReference<>();
        AtomicInteger shown = new AtomicInteger();
        AtomicInteger faceShown = new AtomicInteger();
        AtomicReference<Throwable> lost = new AtomicReference<>();
        CountDownLatch stopped = new CountDownLatch(1);
        try (MjpegServer server = MjpegServer.start();
             LivePipeline pipeline = new LivePipeline(wiring.createLive(null, null), new LivePipeline.Listener() {
                 @Override
                 public void onFrame(AnalyzedFrame frame, double fps) {
                     shown.incrementAndGet();
                     if (!frame.faces().isEmpty()) {
                         faceShown.incrementAndGet();
                     }
                     SessionRecorder r = recorder.get();
                     if (r != null) {
                         r.frame(frame, r.elapsedMs());
                     }
                 }

                 @Override
                 public void onStopped(String source, Optional<Throwable> error) {
                     lost.set(error.orElse(null));
                     stopped.countDown();
                 }
             })) {
            StreamUrl url = new StreamUrl(server.url());
            pipeline.start(() -> new DefaultFrameSourceFactory().stream(url), false);
            recorder.set(SessionRecorder.start(tmp.resolve("session"), RecordingSettings.LIVE, url.toString(), null, pipeline.preprocessor(), m -> { }));
            long deadline = System.currentTimeMillis() + 90_000;
            while ((recorder.get().frames() < 30 || faceShown.get() < 10) && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
            assertTrue(faceShown.get() >= 10, "the analysis thread boxes the performer on shown frames: " + faceShown.get());
            assertTrue(recorder.get().frames() >= 30, "the stream plays live: " + recorder.get().frames() + " frames recorded");
            server.kill();
            assertTrue(stopped.await(30, TimeUnit.SECONDS), "the lost stream stops the pipeline within the read timeout");
            LiveStats.Snapshot stats = pipeline.stats().snapshot();
            assertTrue(stats.displayed() >= stats.analyzed(), "displayed " + stats.displayed() + " >= analyzed " + stats.analyzed());
            assertTrue(lost.get() instanceof EmolensException && lost.get().getMessage().contains(server.url()),
                    "the error names the URL: " + lost.get());
            SessionInfo info = recorder.get().stopFailed(url + " was lost: " + lost.get().getMessage());
            assertEquals(SessionInfo.FAILED, info.status());
            RecordedSession session = RecordedSession.open(tmp.resolve("session"));
            assertEquals(SessionInfo.FAILED, session.info().status());
            assertTrue(session.info().error().contains(server.url()), session.info().error());
            assertEquals(session.info().faceRows(), session.faces().size(), "faces.csv reads back whole");
            assertTrue(session.faces().size() >= 1, "the performer's face was recorded: " + session.faces().size());
            assertTrue(shown.get() >= session.info().frames(), "every recorded frame was shown");
            assertTrue(VideoFrames.count(tmp.resolve("session/annotated.mp4")) >= 10, "annotated.mp4 plays");
        }
    }

    @Test
    void badAddressesAreRefusedInPlainWords() {
        assertThrows(EmolensException.class, () -> new StreamUrl("ftp://camera/feed"));
        assertThrows(EmolensException.class, () -> new StreamUrl("http:///feed"));
        assertEquals("rtsp://admin:***@10.0.0.5/stream", new StreamUrl("rtsp://admin:secret@10.0.0.5/stream").toString());
        EmolensException e = assertThrows(EmolensException.class,
                () -> new DefaultFrameSourceFactory().stream(new StreamUrl("http://127.0.0.1:9/nothing.mjpg")));
        assertTrue(e.getMessage().startsWith("Cannot open the stream http://127.0.0.1:9/nothing.mjpg"), e.getMessage());
    }
}
