package io.emolens.ui;

import java.awt.BorderLayout;
import java.awt.FlowLayout;

import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSeparator;
import javax.swing.SwingConstants;
import javax.swing.UIManager;

/** Source, FPS, faces, model, face detector, and the latest message; updated on the EDT. */
final class StatusBar extends JPanel {
    private final JLabel source = new JLabel("No source");
    private final JLabel fps = new JLabel("– FPS");
    private final JLabel faces = new JLabel("0 faces");
    private final JLabel model = new JLabel("No model");
    private final JLabel detector = new JLabel("Haar");
    private final JLabel message = new JLabel(" ");
    private final JLabel recording = new JLabel(" ");

    StatusBar() {
        super(new BorderLayout());
        setBorder(BorderFactory.createMatteBorder(1, 0, 0, 0, UIManager.getColor("Separator.foreground")));
        JPanel fields = new JPanel(new FlowLayout(FlowLayout.LEFT, 8, 2));
        fields.add(source);
        fields.add(separator());
        fields.add(fps);
        fields.add(separator());
        fields.add(faces);
        fields.add(separator());
        fields.add(model);
        fields.add(separator());
        fields.add(detector);
        fields.add(separator());
        add(fields, BorderLayout.WEST);
        add(message, BorderLayout.CENTER);
        add(recording, BorderLayout.EAST);
        recording.setName("status.recording");
        source.setName("status.source");
        fps.setName("status.fps");
        faces.setName("status.faces");
        model.setName("status.model");
        detector.setName("status.detector");
        message.setName("status.message");
    }

    void source(String text) {
        source.setText(text);
    }

    void frame(double framesPerSecond, int faceCount) {
        fps.setText(String.format("%.1f FPS", framesPerSecond));
        faces.setText(faceCount + (faceCount == 1 ? " face" : " faces"));
    }

    void model(String text) {
        model.setText(text);
    }

    /** The face detector in use, e.g. "YuNet" or "Haar (YuNet unavailable)", with the reason as tooltip. */
    void detector(String text, String tooltip) {
        detector.setText(text);
        detector.setToolTipText(tooltip);
    }

    String detectorText() {
        return detector.getText();
    }

    void message(String text) {
        message.setText(text);
    }

    /** The recording state and the user's current label, e.g. "● REC 00:12 · You: Happy"; blank when idle. */
    void recording(String text) {
        recording.setText(text.isEmpty() ? " " : text + "  ");
    }

    String recordingText() {
        return recording.getText();
    }

    String messageText() {
        return message.getText();
    }

    String sourceText() {
        return source.getText();
    }

    String modelText() {
        return model.getText();
    }

    String facesText() {
        return faces.getText();
    }

    private static JSeparator separator() {
        JSeparator s = new JSeparator(SwingConstants.VERTICAL);
        s.setPreferredSize(new java.awt.Dimension(1, 16));
        return s;
    }
}
