package io.emolens.detect;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.emolens.TestFiles;
import io.emolens.core.FaceBox;
import io.emolens.core.VideoFrame;
import io.emolens.source.DefaultFrameSourceFactory;
import io.emolens.source.FrameSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every frame of short_hamilton_clip.mp4 (275 frames: a performer, frontal, turned and in profile, and audience
 * shots), with each detector at its defaults: never two boxes for one face (IoU ≥ 0.3, or ≥ 70% of one inside the
 * other), and a face found in most frames.
 */
class ClipDetectionTest {
    private static final List<BufferedImage> FRAMES = new ArrayList<>();

    @BeforeAll
    static void decode() {
        try (FrameSource clip = new DefaultFrameSourceFactory().open(TestFiles.resource("faces/short_hamilton_clip.mp4"))) {
            Optional<VideoFrame> next;
            while ((next = clip.next()).isPresent()) {
                FRAMES.add(next.get().image());
            }
        }
    }

    @ParameterizedTest(name = "{0}: a face in at least {1} of 275 frames, no duplicate box")
    @CsvSource({"haar, 200", "yunet, 260"})
    void oneBoxPerFaceInEveryFrame(String detectorName, int minFramesWithFace) {
        assertEquals(275, FRAMES.size());
        int withFace = 0;
        List<String> duplicates = new ArrayList<>();
        try (FaceDetector detector = open(DetectorKind.of(detectorName))) {
            for (int i = 0; i < FRAMES.size(); i++) {
                List<FaceBox> boxes = detector.detect(FRAMES.get(i));
                withFace += boxes.isEmpty() ? 0 : 1;
                for (int a = 0; a < boxes.size(); a++) {
                    for (int b = a + 1; b < boxes.size(); b++) {
                        FaceBox p = boxes.get(a);
                        FaceBox q = boxes.get(b);
                        if (p.iou(q) >= 0.3 || p.containment(q) >= 0.7) {
                            duplicates.add("frame " + i + ": " + p + " and " + q);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), duplicates);
        assertTrue(withFace >= minFramesWithFace, detectorName + " found a face in " + withFace + " of 275 frames");
    }

    static FaceDetector open(DetectorKind kind) {
        return kind == DetectorKind.YUNET
                ? new YunetFaceDetector(YunetFaceDetectorTest.model(), YunetConfig.DEFAULT)
                : new HaarFaceDetector(TestFiles.cascade(), DetectorConfig.DEFAULT);
    }
}
