package io.emolens.ui;

import java.awt.Component;
import java.util.Optional;

import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.BoxLayout;

/**
 * File → Open stream…: asks for a network camera's address, offering the recent ones. Phone-webcam apps and IP
 * cameras serve MJPEG over {@code http://…} or video over {@code rtsp://…}.
 */
final class StreamOpener {
    /** How a stream is remembered as the last source. */
    static final String REMEMBER_PREFIX = "stream:";

    private StreamOpener() {
    }

    static Optional<String> ask(Component parent, UiPreferences prefs) {
        JComboBox<String> urls = new JComboBox<>(prefs.recentStreams().toArray(String[]::new));
        urls.setEditable(true);
        urls.setName("stream.url");
        urls.setPrototypeDisplayValue("http://192.168.1.20:8080/video.mjpg?resolution=640x480");
        JPanel panel = new JPanel();
        panel.setLayout(new BoxLayout(panel, BoxLayout.Y_AXIS));
        panel.add(new JLabel("Network camera address (MJPEG over http:// or https://, or rtsp://):"));
        panel.add(urls);
        panel.add(new JLabel("<html><small>e.g. http://192.168.1.20:8080/video (a phone webcam app), "
                + "rtsp://user:password@camera/stream</small></html>"));
        int answer = JOptionPane.showConfirmDialog(parent, panel, "Open stream", JOptionPane.OK_CANCEL_OPTION, JOptionPane.PLAIN_MESSAGE);
        Object value = urls.getEditor().getItem();
        if (answer != JOptionPane.OK_OPTION || value == null || value.toString().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(value.toString().strip());
    }
}
