package io.emolens.ui;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Insets;
import java.awt.event.ComponentAdapter;
import java.awt.event.ComponentEvent;

import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSeparator;
import javax.swing.JTextArea;
import javax.swing.ScrollPaneConstants;
import javax.swing.SwingConstants;
import javax.swing.UIManager;
import javax.swing.text.View;

/**
 * Source, FPS, faces, model, face detector, and the latest message; updated on the EDT. Nothing is cut: the message
 * wraps onto up to {@link #MESSAGE_LINES} lines and scrolls beyond, and its tooltip holds the whole text; long source
 * and model names are shortened with an ellipsis and shown whole in their tooltip. The message never takes the
 * keyboard focus, so the video's keys (Space, 1-7, B, P…) keep working.
 */
final class StatusBar extends JPanel {
    static final int MESSAGE_LINES = 3;
    private static final int FIELD_MAX_WIDTH = 280;
    private final JLabel source = field("No source");
    private final JLabel fps = new JLabel("– FPS");
    private final JLabel faces = new JLabel("0 faces");
    private final JLabel model = field("No model");
    private final JLabel detector = new JLabel("Haar");
    private final JTextArea message = new JTextArea(" ");
    private final JScrollPane messageScroll;
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
        message.setEditable(false);
        message.setLineWrap(true);
        message.setWrapStyleWord(true);
        message.setOpaque(false);
        message.setFocusable(false);
        message.setHighlighter(null);
        message.setBorder(BorderFactory.createEmptyBorder(4, 0, 2, 4));
        message.setFont(UIManager.getFont("Label.font"));
        messageScroll = new JScrollPane(message, ScrollPaneConstants.VERTICAL_SCROLLBAR_AS_NEEDED,
                ScrollPaneConstants.HORIZONTAL_SCROLLBAR_NEVER) {
            @Override
            public Dimension getPreferredSize() {
                return new Dimension(120, messageHeight(getViewport().getWidth() > 0 ? getViewport().getWidth() : 400));
            }
        };
        messageScroll.setBorder(BorderFactory.createEmptyBorder());
        messageScroll.setOpaque(false);
        messageScroll.getViewport().setOpaque(false);
        messageScroll.addComponentListener(new ComponentAdapter() {
            @Override
            public void componentResized(ComponentEvent e) {
                if (messageScroll.getHeight() != messageScroll.getPreferredSize().height) {
                    revalidate();
                }
            }
        });
        add(fields, BorderLayout.WEST);
        add(messageScroll, BorderLayout.CENTER);
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
        setField(source, text);
    }

    void frame(double framesPerSecond, int faceCount) {
        fps.setText(String.format("%.1f FPS", framesPerSecond));
        faces.setText(faceCount + (faceCount == 1 ? " face" : " faces"));
    }

    void model(String text) {
        setField(model, text);
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
        message.setCaretPosition(0);
        message.setToolTipText(text.isBlank() ? null : tooltip(text));
        revalidate();
        repaint();
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

    /** The message's tooltip: the whole text. */
    String messageTooltip() {
        return message.getToolTipText();
    }

    /** Lines the message takes at the width it has now. */
    int messageLines() {
        return (int) Math.round(wrappedHeight(Math.max(1, message.getWidth())) / (double) lineHeight());
    }

    /** True when the whole message shows without scrolling. */
    boolean messageFits() {
        return messageScroll.getViewport().getHeight() >= message.getPreferredSize().height;
    }

    String sourceText() {
        return source.getText();
    }

    String sourceTooltip() {
        return source.getToolTipText();
    }

    int sourceWidth() {
        return source.getWidth();
    }

    int messageScrollHeight() {
        return messageScroll.getViewport().getHeight();
    }

    int messageLineHeight() {
        return lineHeight();
    }

    String modelText() {
        return model.getText();
    }

    String facesText() {
        return faces.getText();
    }

    /** Height for the message at {@code width}: its wrapped lines, at least one and at most {@link #MESSAGE_LINES}. */
    private int messageHeight(int width) {
        Insets in = message.getInsets();
        int text = wrappedHeight(width) - in.top - in.bottom;
        int lines = Math.max(1, Math.min(MESSAGE_LINES, (int) Math.ceil(text / (double) lineHeight())));
        return lines * lineHeight() + in.top + in.bottom;
    }

    private int wrappedHeight(int width) {
        View root = message.getUI().getRootView(message);
        Insets in = message.getInsets();
        root.setSize(Math.max(1, width - in.left - in.right), Integer.MAX_VALUE);
        return (int) Math.ceil(root.getPreferredSpan(View.Y_AXIS)) + in.top + in.bottom;
    }

    private int lineHeight() {
        return message.getFontMetrics(message.getFont()).getHeight();
    }

    private static JLabel field(String text) {
        JLabel label = new JLabel(text) {
            @Override
            public Dimension getPreferredSize() {
                Dimension d = super.getPreferredSize();
                return new Dimension(Math.min(d.width, FIELD_MAX_WIDTH), d.height);
            }
        };
        label.setToolTipText(text);
        return label;
    }

    private static void setField(JLabel label, String text) {
        label.setText(text);
        label.setToolTipText(text);
    }

    /** The whole text, wrapped to a readable width. */
    private static String tooltip(String text) {
        String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>");
        return text.length() <= 80 ? text : "<html><body style='width: 420px'>" + escaped + "</body></html>";
    }

    private static JSeparator separator() {
        JSeparator s = new JSeparator(SwingConstants.VERTICAL);
        s.setPreferredSize(new Dimension(1, 16));
        return s;
    }
}
