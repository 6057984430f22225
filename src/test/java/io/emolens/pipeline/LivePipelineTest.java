package io.emolens.pipeline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.emolens.TestFiles;
import io.emolens.app.AppPaths;
import io.emolens.app.Main;
import io.emolens.app.Wiring;
import io.emolens.core.FaceBox;
import io.emolens.core.VideoFrame;
import io.emolens.detect.DetectorConfig;
import io.emolens.source.DefaultFrameSourceFactory;
import io.emolens.source.FrameSource;
import io.emolens.track.TrackedFace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The live path on real frames: display decoupled from analysis, stills shown analyzed, cameras mirrored. */
class LivePipelineTest {
    private final Wiring wiring = new Wiring(new AppPaths(TestFiles.repo()), DetectorConfig.DEFAULT, Main.modelLoader());

    private static final class Collect implements LivePipeline.Listener {
        final List<AnalyzedFrame> frames = Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch stopped = new CountDownLatch(1);
        volatile Optional<Throwable> error = Optional.empty();

        @Override
        public void onFrame(AnalyzedFrame frame, double fps) {
            frames.add(frame);
        }

        @Override
        public void onStopped(String source, Optional<Throwable> error) {
            this.error = error;
            stopped.countDown();
        }
    }

    @Test
    void everyFrameOfTheClipIsShownInOrderWithTheLatestFacesFollowingIt() throws Exception {
        java.util.Set<Thread> earlier = scanThreads();
        Collect seen = new Collect();
        try (LivePipeline pipeline = new LivePipeline(wiring.createLive(null, null), seen)) {
            pipeline.start(() -> new DefaultFrameSourceFactory().open(TestFiles.demoClip()), false);
            assertTrue(seen.stopped.await(60, TimeUnit.SECONDS), "the 7 s clip plays to its end");
            LiveStats.Snapshot stats = pipeline.stats().snapshot();
            assertTrue(seen.error.isEmpty(), "no error: " + seen.error);
            assertEquals(210, stats.read(), "every frame of the clip is read");
            assertEquals(stats.read(), stats.displayed() + stats.skipped());
            assertEquals(stats.displayed(), seen.frames.size());
            assertTrue(stats.displayed() >= stats.analyzed(), "displayed " + stats.displayed() + " >= analyzed " + stats.analyzed());
            assertTrue(stats.analyzed() >= 1, "some frames analyzed");
            long previous = -1;
            int withFaces = 0;
            for (AnalyzedFrame f : seen.frames) {
                assertTrue(f.frame().index() > previous, "frames shown in order");
                previous = f.frame().index();
                for (TrackedFace face : f.faces()) {
                    FaceBox b = face.box();
                    assertTrue(b.x() >= 0 && b.y() >= 0 && b.x() + b.width() <= f.frame().width() && b.y() + b.height() <= f.frame().height(),
                            "followed boxes stay inside the frame: " + b);
                }
                withFaces += f.faces().isEmpty() ? 0 : 1;
            }
            assertTrue(withFaces > 30, "the performer's face is boxed on shown frames that were not analyzed too: " + withFaces);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!earlier.containsAll(scanThreads()) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(earlier.containsAll(scanThreads()), "the scanning thread this pipeline started ends with its source");
    }

    /** The live whole-frame scanning threads alive now (other tests' windows may still be closing theirs). */
    private static java.util.Set<Thread> scanThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("emolens-face-scan") && t.isAlive())
                .collect(java.util.stream.Collectors.toSet());
    }

    /** The demo clip's three shots (cuts at frames 17 and 146) show three disjoint sets of face ids: no label crosses a cut. */
    @Test
    void noFaceIdOrLabelCrossesACut() throws Exception {
        Collect seen = new Collect();
        try (LivePipeline pipeline = new LivePipeline(wiring.createLive(null, null), seen)) {
            pipeline.start(() -> new DefaultFrameSourceFactory().open(TestFiles.demoClip()), false);
            assertTrue(seen.stopped.await(60, TimeUnit.SECONDS));
        }
        List<java.util.Set<Integer>> shots = List.of(new java.util.HashSet<>(), new java.util.HashSet<>(), new java.util.HashSet<>());
        for (AnalyzedFrame f : seen.frames) {
            int shot = f.frame().index() < 17 ? 0 : f.frame().index() < 146 ? 1 : 2;
            f.faces().forEach(face -> shots.get(shot).add(face.id()));
        }
        assertTrue(shots.stream().allMatch(ids -> !ids.isEmpty()), "faces in every shot: " + shots);
        for (int a = 0; a < 3; a++) {
            for (int b = a + 1; b < 3; b++) {
                java.util.Set<Integer> both = new java.util.HashSet<>(shots.get(a));
                both.retainAll(shots.get(b));
                assertTrue(both.isEmpty(), "face ids of shots " + a + " and " + b + ": " + shots);
            }
        }
    }

    /** Live, faces are found by the scanning thread and then followed: most analyzed frames of the clip have the face. */
    @Test
    void theScanningThreadFindsFacesThatTheAnalysisFollows() throws Exception {
        java.util.Set<Thread> earlier = scanThreads();
        Collect seen = new Collect();
        try (LivePipeline pipeline = new LivePipeline(wiring.createLive(null, null), seen)) {
            pipeline.start(() -> new DefaultFrameSourceFactory().open(TestFiles.demoClip()), false);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            boolean scanning = false;
            while (!scanning && seen.stopped.getCount() > 0 && System.nanoTime() < deadline) {
                scanning = !earlier.containsAll(scanThreads());
                Thread.sleep(scanning ? 0 : 10);
            }
            assertTrue(scanning, "a live video is scanned on its own thread while it plays");
            assertTrue(seen.stopped.await(60, TimeUnit.SECONDS));
        }
        long shownWithFaces = seen.frames.stream().filter(f -> !f.faces().isEmpty()).count();
        assertTrue(shownWithFaces >= seen.frames.size() * 0.7, "frames shown with a face: " + shownWithFaces + " of " + seen.frames.size());
    }

    @Test
    void aStillIsShownOnceAnalyzedWithItsFaces() throws Exception {
        Collect seen = new Collect();
        try (LivePipeline pipeline = new LivePipeline(wiring.createLive(null, null), seen)) {
            pipeline.start(() -> new DefaultFrameSourceFactory().open(TestFiles.resource("faces/two_people.jpg")), false);
            assertTrue(seen.stopped.await(60, TimeUnit.SECONDS));
            assertEquals(1, seen.frames.size());
            assertEquals(2, seen.frames.get(0).faces().size(), "both faces of two_people.jpg are on the one shown frame");
        }
    }

    @Test
    void aMirroredCameraIsFlippedAndItsBoxesFollowTheFlippedFace() throws Exception {
        VideoFrame photo = new VideoFrame(0, 0, "obama.jpg", TestFiles.photo("obama.jpg"));
        FaceBox plain;
        try (FrameAnalyzer analyzer = wiring.createLive(null, null)) {
            plain = analyzer.analyze(photo).faces().get(0).box();
        }
        Collect seen = new Collect();
        try (LivePipeline pipeline = new LivePipeline(wiring.createLive(null, null), seen)) {
            pipeline.setMirror(true);
            pipeline.start(() -> new FakeCamera(photo, 1800), false);
            long deadline = System.currentTimeMillis() + 60_000;
            while (System.currentTimeMillis() < deadline && seen.frames.stream().allMatch(f -> f.faces().isEmpty())) {
                Thread.sleep(100);
            }
            pipeline.stop();
            AnalyzedFrame last = seen.frames.stream().filter(f -> !f.faces().isEmpty()).findFirst().orElse(seen.frames.get(0));
            assertFalse(last.faces().isEmpty(), "the face is boxed on the mirrored picture");
            FaceBox mirrored = last.faces().get(0).box();
            int expectedX = photo.width() - plain.x() - plain.width();
            int tolerance = plain.width() / 20;
            assertTrue(Math.abs(mirrored.x() - expectedX) <= tolerance && Math.abs(mirrored.y() - plain.y()) <= tolerance,
                    "box " + mirrored + " is where the face is in the flipped picture (x ~ " + expectedX + ")");
            int w = photo.width();
            for (int y = 0; y < photo.height(); y += 37) {
                assertEquals(photo.image().getRGB(10, y), last.frame().image().getRGB(w - 11, y), "pixels flipped left to right");
            }
        }
    }

    /** A camera-like live source that serves one picture {@code count} times, 30 a second. */
    private static final class FakeCamera implements FrameSource {
        private final VideoFrame picture;
        private final int count;
        private int served;

        FakeCamera(VideoFrame picture, int count) {
            this.picture = picture;
            this.count = count;
        }

        @Override
        public Optional<VideoFrame> next() {
            if (served >= count) {
                return Optional.empty();
            }
            try {
                Thread.sleep(33);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Optional.of(new VideoFrame(served, served++ * 33L, "Camera 9", picture.image()));
        }

        @Override
        public String description() {
            return "Camera 9";
        }

        @Override
        public double frameRate() {
            return 0;
        }

        @Override
        public boolean isLive() {
            return true;
        }

        @Override
        public boolean isCamera() {
            return true;
        }

        @Override
        public void close() {
        }
    }
}
