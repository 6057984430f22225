package io.emolens.detect;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.emolens.TestFiles;
import io.emolens.core.FaceBox;
import io.emolens.core.VideoFrame;
import io.emolens.source.DefaultFrameSourceFactory;
import io.emolens.source.FrameSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Searching near known faces ({@link FaceDetector#detectNear}) and following them through video
 * ({@link VideoFaceSearch}), with both detectors, on real photos and the demo clip.
 */
class VideoFaceSearchTest {

    private static FaceDetector detector(String kind) {
        return "yunet".equals(kind) ? new YunetFaceDetector(YunetFaceDetectorTest.model(), YunetConfig.DEFAULT)
                : new HaarFaceDetector(TestFiles.cascade(), DetectorConfig.DEFAULT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"haar", "yunet"})
    void findsAFaceNearWhereItWasAndNothingWhereNoneIs(String kind) {
        try (FaceDetector detector = detector(kind)) {
            BufferedImage photo = TestFiles.photo("two_people.jpg");
            List<FaceBox> both = detector.detect(photo);
            assertEquals(2, both.size(), both.toString());
            FaceBox left = both.stream().min((a, b) -> Integer.compare(a.x(), b.x())).orElseThrow();
            FaceBox moved = new FaceBox(left.x() + left.width() / 6, left.y() - left.height() / 8, left.width(), left.height());
            List<FaceBox> near = detector.detectNear(photo, List.of(moved));
            assertEquals(1, near.size(), "only the face near the hint: " + near);
            assertTrue(near.get(0).iou(left) >= 0.6, near + " vs " + left);

            FaceBox tooLarge = left.expand(1.0, photo.getWidth(), photo.getHeight());
            assertTrue(detector.detectNear(photo, List.of(tooLarge)).stream().noneMatch(f -> f.iou(left) >= 0.5),
                    "a face under 0.7x the known face's size is not that face");
            FaceBox empty = new FaceBox(0, photo.getHeight() - 60, 60, 60);
            assertTrue(both.stream().noneMatch(f -> f.iou(empty.expand(FaceDetector.NEAR_MARGIN, photo.getWidth(), photo.getHeight())) > 0));
            assertEquals(List.of(), detector.detectNear(photo, List.of(empty)));
            assertEquals(List.of(), detector.detectNear(photo, List.of()));
            assertEquals(List.of(), detector.detectNear(photo, List.of(new FaceBox(photo.getWidth() + 10, 0, 80, 80))),
                    "a face of a larger frame before (another source) is outside this one");
        }
    }

    /**
     * Scanned whole every 5th frame of the demo clip and followed between, the faces known at the last scan are found on
     * nearly every frame on which whole-frame scans find them (a face new since the last scan waits for the next one),
     * and no face is boxed twice.
     */
    @ParameterizedTest
    @ValueSource(strings = {"haar", "yunet"})
    void followsTheDemoFacesBetweenScans(String kind) {
        try (FaceDetector detector = detector(kind); FaceDetector scanner = detector(kind);
             FrameSource source = new DefaultFrameSourceFactory().open(TestFiles.demoClip())) {
            VideoFaceSearch search = new VideoFaceSearch(detector, VideoFaceSearch.KEEP_MISSED);
            List<Integer> missed = new ArrayList<>();
            int scanned = 0;
            List<FaceBox> lastScan = List.of();
            Optional<VideoFrame> next;
            for (int i = 0; i < 60 && (next = source.next()).isPresent(); i++) {
                BufferedImage image = next.get().image();
                List<FaceBox> whole = scanner.detect(image);
                lastScan = i % 5 == 0 ? whole : lastScan;
                List<FaceBox> followed = i % 5 == 0 ? search.scanned(image, whole) : search.search(image, List.of());
                assertTrue(!io.emolens.bench.DetectionBenchmark.hasDuplicate(followed), "frame " + i + ": " + followed);
                for (FaceBox face : whole) {
                    if (lastScan.stream().noneMatch(known -> known.iou(face) >= 0.3)) {
                        continue;
                    }
                    scanned++;
                    if (followed.stream().noneMatch(f -> f.iou(face) >= 0.4)) {
                        missed.add(i);
                    }
                }
            }
            assertTrue(scanned >= 40, "known faces found by whole-frame scans: " + scanned);
            assertTrue(missed.size() <= scanned / 10, "frames where following lost the face: " + missed);
            search.reset();
            assertEquals(List.of(), search.search(TestFiles.photo("obama.jpg"), List.of()), "a reset search knows no face");
        }
    }
}
