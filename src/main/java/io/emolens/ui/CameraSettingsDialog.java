package io.emolens.ui;

import java.awt.Component;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.swing.BoxLayout;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;

import io.emolens.source.CameraDevice;
import io.emolens.source.CameraMode;

/**
 * Camera → Camera settings…: the resolution (as the camera lists it, MJPEG above 640x480) and the frame rate to ask
 * for, or the camera's own default.
 */
final class CameraSettingsDialog {
    static final String DEFAULT = "Camera default";
    static final Double[] RATES = {30.0, 25.0, 20.0, 15.0, 10.0, 5.0};

    private CameraSettingsDialog() {
    }

    /** The choice: empty when cancelled; an empty mode for the camera's default. */
    static Optional<Optional<CameraMode>> ask(Component parent, CameraDevice camera, List<CameraMode> offered, Optional<CameraMode> current) {
        List<String> sizes = new ArrayList<>();
        sizes.add(DEFAULT);
        offered.forEach(m -> sizes.add(sizeLabel(m)));
        JComboBox<String> size = new JComboBox<>(sizes.toArray(String[]::new));
        size.setName("camera.size");
        JComboBox<Double> rate = new JComboBox<>(RATES);
        rate.setName("camera.fps");
        rate.setRenderer(new javax.swing.DefaultListCellRenderer() {
            @Override
            public Component getListCellRendererComponent(javax.swing.JList<?> list, Object value, int index, boolean selected, boolean focus) {
                return super.getListCellRendererComponent(list, value == null ? "" : Math.round((Double) value) + " fps", index, selected, focus);
            }
        });
        current.ifPresent(m -> {
            size.setSelectedItem(sizeLabel(m));
            rate.setSelectedItem(m.fps());
        });
        JPanel panel = new JPanel();
        panel.setLayout(new BoxLayout(panel, BoxLayout.Y_AXIS));
        panel.add(new JLabel(camera.label()));
        panel.add(javax.swing.Box.createVerticalStrut(8));
        panel.add(new JLabel("Resolution:"));
        panel.add(size);
        panel.add(javax.swing.Box.createVerticalStrut(8));
        panel.add(new JLabel("Frame rate asked for (the camera delivers the nearest it has):"));
        panel.add(rate);
        panel.add(new JLabel(offered.isEmpty() ? "<html><small>The camera lists no modes: it runs at its default.</small></html>"
                : "<html><small>Sizes above 640x480 use MJPEG where the camera has it: USB 2 carries raw 720p at only 5-10 fps.<br>"
                + "The status bar shows the mode and the frames per second the camera delivers.</small></html>"));
        for (Component c : panel.getComponents()) {
            ((javax.swing.JComponent) c).setAlignmentX(Component.LEFT_ALIGNMENT);
        }
        int answer = JOptionPane.showConfirmDialog(parent, panel, "Camera settings", JOptionPane.OK_CANCEL_OPTION, JOptionPane.PLAIN_MESSAGE);
        if (answer != JOptionPane.OK_OPTION) {
            return Optional.empty();
        }
        return Optional.of(chosen(offered, (String) size.getSelectedItem(), (Double) rate.getSelectedItem()));
    }

    /** The mode of {@code sizeLabel} among {@code offered} at {@code fps}; empty for {@link #DEFAULT}. */
    static Optional<CameraMode> chosen(List<CameraMode> offered, String sizeLabel, double fps) {
        return offered.stream().filter(m -> sizeLabel(m).equals(sizeLabel)).findFirst().map(m -> m.at(fps));
    }

    /** "1280x720 MJPEG" for the resolution list. */
    static String sizeLabel(CameraMode m) {
        String label = m.label();
        return label.substring(0, label.indexOf(','));
    }
}
