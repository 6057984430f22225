package io.emolens.ui;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Cursor;
import java.awt.Point;
import java.awt.RenderingHints;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.swing.JComponent;
import javax.swing.UIManager;

import io.emolens.core.Emotion;
import io.emolens.pipeline.AnalyzedFrame;
import io.emolens.render.Badge;
import io.emolens.render.Layout;
import io.emolens.render.OverlayContent;
import io.emolens.render.OverlayOptions;
import io.emolens.render.OverlayRenderer;
import io.emolens.render.Viewport;

/**
 * Shows the latest analyzed frame, scaled to fit and centred, with the overlay drawn at screen resolution;
 * a hint text when nothing plays. Clicking a face pins its full probability panel (again: unpins); pins are kept
 * per track id and read by the recorder from any thread. Touched only on the EDT.
 */
final class VideoPanel extends JComponent {
    private final OverlayRenderer renderer = new OverlayRenderer();
    private AnalyzedFrame frame;
    private double fps;
    private OverlayOptions options;
    private String hint = "";
    private String recBadge;
    private Emotion label;
    private volatile Set<Integer> pinned = Set.of();
    private Layout layout;

    VideoPanel(OverlayOptions options) {
        this.options = options;
        setPreferredSize(new Dimension(960, 540));
        setOpaque(true);
        MouseAdapter mouse = new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                faceAt(e.getPoint()).ifPresent(VideoPanel.this::togglePin);
            }

            @Override
            public void mouseMoved(MouseEvent e) {
                Optional<Integer> face = faceAt(e.getPoint());
                setCursor(face.isPresent() ? Cursor.getPredefinedCursor(Cursor.HAND_CURSOR) : Cursor.getDefaultCursor());
                setToolTipText(face.map(id -> pinned.contains(id) ? "Face #" + id + ": click to unpin its probability panel"
                        : "Face #" + id + ": click to pin its probability panel").orElse(null));
            }
        };
        addMouseListener(mouse);
        addMouseMotionListener(mouse);
    }

    /** The track ids whose full panel the user pinned; safe to call from any thread. */
    Set<Integer> pinnedFaces() {
        return pinned;
    }

    /** Pins the face with track id {@code id}, or unpins it when pinned. */
    void togglePin(int id) {
        Set<Integer> next = new HashSet<>(pinned);
        if (!next.remove(id)) {
            next.add(id);
        }
        pinned = Set.copyOf(next);
        repaint();
    }

    /** The track id of the face drawn at {@code p}, if any. */
    Optional<Integer> faceAt(Point p) {
        return layout == null ? Optional.empty() : layout.faceAt(p).map(Layout.Placement::id);
    }

    /** Where the last painted overlay put everything, in panel pixels; null before the first frame. */
    Layout overlayLayout() {
        return layout;
    }

    void show(AnalyzedFrame frame, double fps) {
        this.frame = frame;
        this.fps = fps;
        repaint();
    }

    /** Badges drawn over the video: the REC indicator ({@code null} hides it) and the user's own label ({@code null}: none). */
    void setBadges(String rec, Emotion userLabel) {
        this.recBadge = rec;
        this.label = userLabel;
        repaint();
    }

    void clear(String hint) {
        this.frame = null;
        this.layout = null;
        this.hint = hint;
        repaint();
    }

    void setOptions(OverlayOptions options) {
        this.options = options;
        repaint();
    }

    OverlayOptions options() {
        return options;
    }

    /** The picture currently on screen, as painted (for tests and screenshots). */
    BufferedImage snapshot() {
        BufferedImage image = new BufferedImage(Math.max(1, getWidth()), Math.max(1, getHeight()), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            paintComponent(g);
        } finally {
            g.dispose();
        }
        return image;
    }

    @Override
    protected void paintComponent(Graphics graphics) {
        Graphics2D g = (Graphics2D) graphics.create();
        try {
            g.setColor(UIManager.getColor("Panel.background").darker());
            g.fillRect(0, 0, getWidth(), getHeight());
            AnalyzedFrame current = frame;
            if (current == null || getWidth() <= 0 || getHeight() <= 0) {
                paintHint(g);
                return;
            }
            BufferedImage image = current.frame().image();
            Viewport view = Viewport.fit(image.getWidth(), image.getHeight(), getWidth(), getHeight());
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, view.x(), view.y(), view.width(), view.height(), null);
            layout = renderer.draw(g, current, new OverlayContent(options, fps, pinned, badges()), view);
        } finally {
            g.dispose();
        }
    }

    private List<Badge> badges() {
        List<Badge> badges = new ArrayList<>();
        if (recBadge != null) {
            Color red = UIManager.getColor("Actions.Red");
            badges.add(new Badge(recBadge, red != null ? red : Color.RED, Color.WHITE));
        }
        if (label != null) {
            badges.add(Badge.userLabel(label));
        }
        return badges;
    }

    private void paintHint(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(UIManager.getColor("Label.foreground"));
        g.setFont(getFont().deriveFont(16f));
        String[] lines = hint.split("\n");
        int lineH = g.getFontMetrics().getHeight();
        int y = (getHeight() - lines.length * lineH) / 2 + g.getFontMetrics().getAscent();
        for (String line : lines) {
            int w = g.getFontMetrics().stringWidth(line);
            g.drawString(line, (getWidth() - w) / 2, y);
            y += lineH;
        }
    }
}
