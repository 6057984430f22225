package io.emolens.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.emolens.TestFiles;
import io.emolens.core.VideoFrame;
import io.emolens.detect.DetectorConfig;
import io.emolens.pipeline.ClassifyPolicy;
import io.emolens.pipeline.FrameAnalyzer;
import io.emolens.track.TrackerConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An install missing its cascade or detector model: the app still starts and runs what it can; analyze refuses. */
class DamagedInstallTest {

    private static Path install(Path tmp, boolean withYunet) throws IOException {
        Path home = tmp.resolve("emolens");
        Files.createDirectories(home.resolve("haarcascades"));
        if (withYunet) {
            Path yunet = Files.createDirectories(home.resolve("models/yunet"));
            Path shipped = TestFiles.repo().resolve("models/yunet/face_detection_yunet_2023mar.onnx");
            Files.copy(shipped, yunet.resolve(shipped.getFileName()));
        }
        return home;
    }

    private static VideoFrame obama() {
        return new VideoFrame(0, 0, "obama.jpg", TestFiles.photo("obama.jpg"));
    }

    @Test
    void withoutItsCascadeTheDesktopFindsFacesWithYunetAndSaysWhy(@TempDir Path tmp) throws IOException {
        AppPaths paths = new AppPaths(install(tmp, true));
        try (FrameAnalyzer analyzer = new Wiring(paths, DetectorConfig.DEFAULT, Main.modelLoader()).forDesktop()
                .create(null, TrackerConfig.DEFAULT, ClassifyPolicy.LIVE)) {
            assertEquals(1, analyzer.analyze(obama()).faces().size());
            String problem = analyzer.detectorProblem().orElseThrow();
            assertTrue(problem.contains("haarcascade_frontalface_alt2.xml") && problem.contains("Using the YuNet CNN instead."), problem);
        }
        assertThrows(io.emolens.core.EmolensException.class,
                () -> new Wiring(paths, DetectorConfig.DEFAULT, Main.modelLoader()).create(null, TrackerConfig.DEFAULT, ClassifyPolicy.EVERY_FACE),
                "analyze keeps refusing a missing cascade");
    }

    @Test
    void withNoDetectorAtAllTheVideoStillPlaysWithoutFaces(@TempDir Path tmp) throws IOException {
        AppPaths paths = new AppPaths(install(tmp, false));
        try (FrameAnalyzer analyzer = new Wiring(paths, DetectorConfig.DEFAULT, Main.modelLoader()).forDesktop()
                .create(null, TrackerConfig.DEFAULT, ClassifyPolicy.LIVE)) {
            assertEquals(0, analyzer.analyze(obama()).faces().size());
            String problem = analyzer.detectorProblem().orElseThrow();
            assertTrue(problem.contains("haarcascade_frontalface_alt2.xml") && problem.contains("face_detection_yunet_2023mar.onnx")
                    && problem.endsWith("No face detection until this is fixed."), problem);
        }
    }
}
