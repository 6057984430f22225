package io.emolens.ui;

import java.util.Optional;

import javax.swing.JFrame;
import javax.swing.JOptionPane;
import javax.swing.JSpinner;
import javax.swing.SpinnerNumberModel;

import io.emolens.detect.DetectorConfig;

/**
 * View → Face detection…: the Haar cascade's scale factor, minimum neighbours, minimum face size and detection
 * width, with what each trades off. The caller applies the result to the live pipeline at once.
 */
final class DetectionSettingsDialog {
    private final JSpinner scaleFactor;
    private final JSpinner minNeighbours;
    private final JSpinner minFace;
    private final JSpinner detectWidth;
    private final FormPanel form = new FormPanel();

    DetectionSettingsDialog(DetectorConfig current) {
        scaleFactor = new JSpinner(new SpinnerNumberModel(current.scaleFactor(), 1.01, 2.0, 0.05));
        minNeighbours = new JSpinner(new SpinnerNumberModel(current.minNeighbors(), 0, 50, 1));
        minFace = new JSpinner(new SpinnerNumberModel(current.minFaceSize(), 12, 2000, 4));
        detectWidth = new JSpinner(new SpinnerNumberModel(current.detectWidth(), 0, 3840, 80));
        form.addRow("Scale factor", scaleFactor, "Step between detection scales: larger is faster but misses more faces (default 1.1).");
        form.addRow("Minimum neighbours", minNeighbours, "Overlapping hits needed to accept a face: larger rejects more false faces (default 5).");
        form.addRow("Minimum face size (px)", minFace, "Smaller faces are ignored, in full-resolution pixels (default 40).");
        form.addRow("Detection width (px)", detectWidth, "Wider frames are downscaled to this width before detection, for speed; 0 = never (default 640).");
    }

    /** Shows the form; the new settings when the user pressed OK and they are valid. */
    Optional<DetectorConfig> ask(JFrame owner) {
        while (JOptionPane.showConfirmDialog(owner, form, "Face detection", JOptionPane.OK_CANCEL_OPTION,
                JOptionPane.PLAIN_MESSAGE) == JOptionPane.OK_OPTION) {
            try {
                return Optional.of(read());
            } catch (IllegalArgumentException e) {
                JOptionPane.showMessageDialog(owner, e.getMessage(), "Invalid setting", JOptionPane.WARNING_MESSAGE);
            }
        }
        return Optional.empty();
    }

    /** The settings in the form; throws IllegalArgumentException naming an invalid one. */
    DetectorConfig read() {
        return new DetectorConfig(((Number) scaleFactor.getValue()).doubleValue(), ((Number) minNeighbours.getValue()).intValue(),
                ((Number) minFace.getValue()).intValue(), ((Number) detectWidth.getValue()).intValue());
    }
}
