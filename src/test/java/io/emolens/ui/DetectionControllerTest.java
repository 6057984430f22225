package io.emolens.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import javax.swing.SwingUtilities;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.emolens.TestFiles;
import io.emolens.app.AppPaths;
import io.emolens.app.Main;
import io.emolens.app.Wiring;
import io.emolens.detect.DetectorConfig;
import io.emolens.detect.DetectorKind;
import io.emolens.detect.YunetConfig;
import io.emolens.pipeline.ClassifyPolicy;
import io.emolens.pipeline.LivePipeline;
import io.emolens.pipeline.AnalyzedFrame;
import io.emolens.track.TrackerConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** View → Face detection…'s choice of detector: applied to the pipeline, remembered, and the fall-back to Haar said in the status bar. */
class DetectionControllerTest {
    private final Preferences node = Preferences.userRoot().node("io/emolens-test/" + System.nanoTime());

    @AfterEach
    void removePreferences() throws BackingStoreException {
        node.removeNode();
    }

    @Test
    void yunetIsAppliedAndRememberedWithHaarsSettingsKept() throws Exception {
        Wiring wiring = new Wiring(new AppPaths(TestFiles.repo()), DetectorConfig.DEFAULT, Main.modelLoader());
        UiPreferences prefs = new UiPreferences(node);
        DetectorConfig haar = new DetectorConfig(1.2, 4, 30, 480);
        YunetConfig yunet = new YunetConfig(0.8, 0.35, 320);
        try (LivePipeline pipeline = new LivePipeline(wiring.createLive(null, null), listener())) {
            StatusBar status = onEdt(StatusBar::new);
            DetectionController controller = new DetectionController(null, prefs, status, pipeline, wiring);
            SwingUtilities.invokeAndWait(() -> controller.apply(haar, true));
            SwingUtilities.invokeAndWait(() -> controller.apply(yunet, true));
            assertEquals(yunet, pipeline.detectorConfig());
            assertEquals("Face detection: YuNet, score ≥ 0.80, NMS 0.35, detecting at 320 px wide", status.messageText());
            assertEquals("YuNet", status.detectorText());
            UiPreferences reopened = new UiPreferences(node);
            assertEquals(DetectorKind.YUNET, reopened.detectorKind());
            assertEquals(yunet, reopened.faceDetection());
            assertEquals(haar, reopened.detector(), "the Haar settings are kept for when Haar is chosen again");
            DetectionController next = new DetectionController(null, reopened, status, pipeline, wiring);
            pipeline.setDetectorConfig(DetectorConfig.DEFAULT);
            SwingUtilities.invokeAndWait(next::startFirst);
            assertEquals(yunet, pipeline.detectorConfig(), "the next start uses the remembered detector");
        }
    }

    @Test
    void theDialogReturnsTheChosenDetectorsSettings() throws Exception {
        DetectionSettingsDialog dialog = onEdt(() -> new DetectionSettingsDialog(DetectorKind.HAAR, DetectorConfig.DEFAULT, new YunetConfig(0.6, 0.3, 640)));
        assertEquals(DetectorConfig.DEFAULT, onEdt(dialog::read));
        SwingUtilities.invokeAndWait(() -> dialog.select(DetectorKind.YUNET));
        assertEquals(new YunetConfig(0.6, 0.3, 640), onEdt(dialog::read));
    }

    @Test
    void aMissingYunetModelFallsBackToHaarAndSaysSo(@TempDir Path home) throws Exception {
        Files.createDirectories(home.resolve("haarcascades"));
        Files.copy(TestFiles.cascade(), home.resolve("haarcascades").resolve(AppPaths.CASCADE));
        Wiring wiring = new Wiring(new AppPaths(home), DetectorConfig.DEFAULT, Main.modelLoader());
        UiPreferences prefs = new UiPreferences(node);
        try (LivePipeline pipeline = new LivePipeline(wiring.createLive(null, null), listener())) {
            StatusBar status = onEdt(StatusBar::new);
            DetectionController controller = new DetectionController(null, prefs, status, pipeline, wiring);
            SwingUtilities.invokeAndWait(() -> controller.apply(YunetConfig.DEFAULT, true));
            assertEquals(DetectorConfig.DEFAULT, pipeline.detectorConfig(), "Haar runs");
            String message = status.messageText();
            assertTrue(message.contains("YuNet face model not found") && message.contains("face_detection_yunet_2023mar.onnx")
                    && message.contains("Using the Haar cascade instead."), message);
            assertEquals(DetectorKind.YUNET, prefs.detectorKind(), "the choice is kept: YuNet is tried again next time");
            assertEquals("Haar (YuNet CNN unavailable)", status.detectorText(), "the status bar keeps saying it after the message is replaced");
        }
    }

    private static LivePipeline.Listener listener() {
        return new LivePipeline.Listener() {
            @Override
            public void onFrame(AnalyzedFrame frame, double fps) {
            }

            @Override
            public void onStopped(String source, Optional<Throwable> error) {
            }
        };
    }

    private static <T> T onEdt(java.util.concurrent.Callable<T> task) throws Exception {
        return RecordingWindowTest.onEdt(task);
    }
}
