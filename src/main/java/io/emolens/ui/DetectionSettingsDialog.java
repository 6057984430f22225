package io.emolens.ui;

import java.awt.BorderLayout;
import java.awt.CardLayout;
import java.util.Optional;

import javax.swing.JComboBox;
import javax.swing.JFrame;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JSpinner;
import javax.swing.SpinnerNumberModel;

import io.emolens.detect.DetectorConfig;
import io.emolens.detect.DetectorKind;
import io.emolens.detect.DetectorSettings;
import io.emolens.detect.YunetConfig;

/**
 * View → Face detection…: which detector (Haar cascade or YuNet CNN) and that detector's own settings, with what each
 * trades off; both detectors' settings are kept, the chosen one is returned. The caller applies it to the live
 * pipeline at once.
 */
final class DetectionSettingsDialog {
    private final JComboBox<DetectorKind> kind = new JComboBox<>(DetectorKind.values());
    private final JSpinner scaleFactor;
    private final JSpinner minNeighbours;
    private final JSpinner minFace;
    private final JSpinner haarWidth;
    private final JSpinner score;
    private final JSpinner nms;
    private final JSpinner yunetWidth;
    private final JPanel panel = new JPanel(new BorderLayout(0, 6));

    DetectionSettingsDialog(DetectorKind current, DetectorConfig haar, YunetConfig yunet) {
        scaleFactor = new JSpinner(new SpinnerNumberModel(haar.scaleFactor(), 1.01, 2.0, 0.05));
        minNeighbours = new JSpinner(new SpinnerNumberModel(haar.minNeighbors(), 0, 50, 1));
        minFace = new JSpinner(new SpinnerNumberModel(haar.minFaceSize(), 12, 2000, 4));
        haarWidth = new JSpinner(new SpinnerNumberModel(haar.detectWidth(), 0, 3840, 80));
        score = new JSpinner(new SpinnerNumberModel(yunet.scoreThreshold(), 0.05, 0.99, 0.05));
        nms = new JSpinner(new SpinnerNumberModel(yunet.nmsThreshold(), 0.05, 0.95, 0.05));
        yunetWidth = new JSpinner(new SpinnerNumberModel(yunet.detectWidth(), 0, 3840, 80));
        FormPanel haarForm = new FormPanel();
        haarForm.addRow("Scale factor", scaleFactor, "Step between detection scales: larger is faster but misses more faces (default "
                + DetectorConfig.DEFAULT.scaleFactor() + ").");
        haarForm.addRow("Minimum neighbours", minNeighbours, "Overlapping hits needed to accept a face: larger rejects more false faces (default "
                + DetectorConfig.DEFAULT.minNeighbors() + ").");
        haarForm.addRow("Minimum face size (px)", minFace, "Smaller faces are ignored, in full-resolution pixels (default "
                + DetectorConfig.DEFAULT.minFaceSize() + ").");
        haarForm.addRow("Detection width (px)", haarWidth, widthHelp(DetectorConfig.DEFAULT.detectWidth()));
        FormPanel yunetForm = new FormPanel();
        yunetForm.addRow("Score threshold", score, "Faces scoring below this are dropped: larger rejects more false faces and misses more hard ones (default "
                + YunetConfig.DEFAULT.scoreThreshold() + ").");
        yunetForm.addRow("NMS threshold", nms, "Candidate boxes overlapping at least this much (IoU) are one face (default "
                + YunetConfig.DEFAULT.nmsThreshold() + ").");
        yunetForm.addRow("Detection width (px)", yunetWidth, widthHelp(YunetConfig.DEFAULT.detectWidth()));
        CardLayout cards = new CardLayout();
        JPanel settings = new JPanel(cards);
        settings.add(topAligned(haarForm), DetectorKind.HAAR.id());
        settings.add(topAligned(yunetForm), DetectorKind.YUNET.id());
        FormPanel top = new FormPanel();
        top.addRow("Detector", kind, "Haar cascade: fast, frontal faces. YuNet CNN: also turned, laughing and small faces, "
                + "and five landmarks per face; slower at full width.");
        kind.setRenderer(new javax.swing.DefaultListCellRenderer() {
            @Override
            public java.awt.Component getListCellRendererComponent(javax.swing.JList<?> list, Object value, int index, boolean selected, boolean focus) {
                return super.getListCellRendererComponent(list, ((DetectorKind) value).title(), index, selected, focus);
            }
        });
        kind.addActionListener(e -> cards.show(settings, ((DetectorKind) kind.getSelectedItem()).id()));
        kind.setSelectedItem(current);
        cards.show(settings, current.id());
        panel.add(top, BorderLayout.NORTH);
        panel.add(settings, BorderLayout.CENTER);
    }

    private static JPanel topAligned(FormPanel form) {
        JPanel card = new JPanel(new BorderLayout());
        card.add(form, BorderLayout.NORTH);
        return card;
    }

    private static String widthHelp(int defaultWidth) {
        return "Wider frames are downscaled to this width before detection, for speed; 0 = never (default " + defaultWidth + ").";
    }

    /** Shows the form; the chosen detector's new settings when the user pressed OK and they are valid. */
    Optional<DetectorSettings> ask(JFrame owner) {
        while (JOptionPane.showConfirmDialog(owner, panel, "Face detection", JOptionPane.OK_CANCEL_OPTION,
                JOptionPane.PLAIN_MESSAGE) == JOptionPane.OK_OPTION) {
            try {
                return Optional.of(read());
            } catch (IllegalArgumentException e) {
                JOptionPane.showMessageDialog(owner, e.getMessage(), "Invalid setting", JOptionPane.WARNING_MESSAGE);
            }
        }
        return Optional.empty();
    }

    /** Selects a detector in the form, as the user would. */
    void select(DetectorKind k) {
        kind.setSelectedItem(k);
    }

    /** The chosen detector's settings in the form; throws IllegalArgumentException naming an invalid one. */
    DetectorSettings read() {
        if (kind.getSelectedItem() == DetectorKind.YUNET) {
            return new YunetConfig(number(score).doubleValue(), number(nms).doubleValue(), number(yunetWidth).intValue());
        }
        return new DetectorConfig(number(scaleFactor).doubleValue(), number(minNeighbours).intValue(),
                number(minFace).intValue(), number(haarWidth).intValue());
    }

    private static Number number(JSpinner spinner) {
        return (Number) spinner.getValue();
    }
}
