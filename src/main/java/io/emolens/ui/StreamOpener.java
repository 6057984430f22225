package io.emolens.ui;

import java.awt.Component;
import java.util.Optional;

import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.BoxLayout;

import io.emolens.source.StreamUrl;

/**
 * File → Open stream…: asks for a network camera's address, offering the recent ones (remembered without their
 * passwords), and for the password of a remembered address whose password is not kept. Phone-webcam apps and IP
 * cameras serve MJPEG over {@code http://…} or video over {@code rtsp://…}.
 */
final class StreamOpener {
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

    /** Asks for the password of {@code address} (which names a user); empty when the user cancels. */
    static Optional<String> askPassword(Component parent, StreamUrl address, boolean kept) {
        JPasswordField password = new JPasswordField(24);
        password.setName("stream.password");
        JPanel panel = new JPanel();
        panel.setLayout(new BoxLayout(panel, BoxLayout.Y_AXIS));
        panel.add(new JLabel("Password of " + address.user().orElse("") + " for " + address + ":"));
        panel.add(password);
        panel.add(new JLabel(kept ? "<html><small>It is kept in your desktop's keyring once the stream opens.</small></html>"
                : "<html><small>No keyring on this desktop: the password is not stored, Emolens asks again next time.</small></html>"));
        int answer = JOptionPane.showConfirmDialog(parent, panel, "Stream password", JOptionPane.OK_CANCEL_OPTION, JOptionPane.PLAIN_MESSAGE);
        char[] typed = password.getPassword();
        return answer == JOptionPane.OK_OPTION ? Optional.of(new String(typed)) : Optional.empty();
    }
}
