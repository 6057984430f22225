package io.emolens.ui;

import java.util.Optional;

import javax.swing.JFrame;
import javax.swing.SwingUtilities;

import io.emolens.detect.DetectorKind;
import io.emolens.detect.DetectorSettings;
import io.emolens.pipeline.LivePipeline;
import io.emolens.session.AnalyzerFactory;

/**
 * The live view's face detector: applies the remembered choice at start and the choice made in View → Face
 * detection…, remembers it, and says in the status bar when YuNet cannot be loaded (missing or broken model file)
 * and the Haar cascade runs instead. EDT only, except {@link #onFrame()}.
 */
final class DetectionController {
    private final JFrame frame;
    private final UiPreferences prefs;
    private final StatusBar status;
    private final LivePipeline pipeline;
    private final AnalyzerFactory analyzers;
    private volatile String shownProblem;

    DetectionController(JFrame frame, UiPreferences prefs, StatusBar status, LivePipeline pipeline, AnalyzerFactory analyzers) {
        this.frame = frame;
        this.prefs = prefs;
        this.status = status;
        this.pipeline = pipeline;
        this.analyzers = analyzers;
    }

    /** Uses the detector and settings remembered from the last run. */
    void startFirst() {
        apply(prefs.faceDetection(), false);
    }

    /** View → Face detection…: the form, then the new settings applied at once. */
    void choose() {
        new DetectionSettingsDialog(prefs.detectorKind(), prefs.detector(), prefs.yunet()).ask(frame)
                .ifPresent(s -> apply(s, true));
    }

    /**
     * Remembers {@code settings} and applies them to the live pipeline from its next frame; when their detector
     * cannot be loaded, applies the Haar cascade's remembered settings instead and says why.
     */
    void apply(DetectorSettings settings, boolean announce) {
        prefs.faceDetection(settings);
        Optional<String> problem = analyzers.detectorProblem(settings);
        if (problem.isPresent()) {
            pipeline.setDetectorConfig(prefs.detector());
            shownProblem = problem.get();
            status.message("Face detection: " + problem.get() + " Using the Haar cascade instead.");
            status.detector("Haar (" + settings.kind().title() + " unavailable)", problem.get());
            return;
        }
        shownProblem = null;
        pipeline.setDetectorConfig(settings);
        status.detector(settings.kind() == DetectorKind.YUNET ? "YuNet" : "Haar", settings.describe());
        if (announce) {
            status.message("Face detection: " + settings.describe());
        }
    }

    /** Pipeline thread, after each frame: reports a fall-back to the Haar cascade that happened while running. */
    void onFrame() {
        pipeline.detectorProblem().filter(p -> !p.equals(shownProblem)).ifPresent(p -> {
            shownProblem = p;
            SwingUtilities.invokeLater(() -> {
                status.message("Face detection: " + p);
                status.detector("Haar (" + prefs.detectorKind().title() + " unavailable)", p);
            });
        });
    }
}
