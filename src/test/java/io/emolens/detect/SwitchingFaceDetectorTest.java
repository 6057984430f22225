package io.emolens.detect;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.emolens.TestFiles;
import io.emolens.core.FaceBox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Switching between Haar and YuNet while running, and falling back to Haar when the YuNet model cannot be loaded. */
class SwitchingFaceDetectorTest {

    private static FaceDetector build(DetectorSettings s, Path yunetModel) {
        return s instanceof YunetConfig y ? new YunetFaceDetector(yunetModel, y) : new HaarFaceDetector(TestFiles.cascade(), (DetectorConfig) s);
    }

    @Test
    void switchesKindFromTheNextFrameOn() {
        try (SwitchingFaceDetector detector = new SwitchingFaceDetector(s -> build(s, YunetFaceDetectorTest.model()), DetectorConfig.DEFAULT)) {
            var camera = TestFiles.photo("camera.png");
            assertEquals(List.of(), detector.detect(camera), "the frontal cascade misses the profile face");
            detector.setConfig(YunetConfig.DEFAULT);
            assertEquals(YunetConfig.DEFAULT, detector.config());
            List<FaceBox> faces = detector.detect(camera);
            assertEquals(1, faces.size(), "YuNet finds it");
            assertEquals(5, faces.get(0).landmarks().size());
            detector.setConfig(DetectorConfig.DEFAULT);
            assertEquals(List.of(), detector.detect(camera));
            assertTrue(detector.problem().isEmpty());
        }
    }

    @Test
    void fallsBackToHaarAndSaysWhyWhenYunetCannotLoad(@TempDir Path tmp) {
        Path missing = tmp.resolve("face_detection_yunet_2023mar.onnx");
        assertThrows(io.emolens.core.EmolensException.class,
                () -> new SwitchingFaceDetector(s -> build(s, missing), YunetConfig.DEFAULT), "asked first, a missing model is an error");
        DetectorConfig haar = new DetectorConfig(1.1, 4, 24, 640);
        try (SwitchingFaceDetector detector = new SwitchingFaceDetector(s -> build(s, missing), haar)) {
            detector.setConfig(YunetConfig.DEFAULT);
            List<FaceBox> faces = detector.detect(TestFiles.photo("two_people.jpg"));
            assertEquals(2, faces.size(), "Haar goes on detecting");
            assertEquals(haar, detector.config(), "with the last Haar settings");
            assertTrue(detector.problem().orElseThrow().contains(missing.toString()), detector.problem().toString());
            assertTrue(detector.problem().orElseThrow().contains("Haar"), detector.problem().toString());
            assertFalse(faces.get(0).landmarks().size() > 0);
        }
    }
}
