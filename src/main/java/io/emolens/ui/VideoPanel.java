package io.emolens.ui;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;

import javax.swing.JComponent;
import javax.swing.UIManager;

import io.emolens.core.Emotion;
import io.emolens.pipeline.AnalyzedFrame;
import io.emolens.render.LabelBadge;
import io.emolens.render.OverlayOptions;
import io.emolens.render.OverlayRenderer;

/**
 * Shows the latest analyzed frame, scaled to fit and centred, with the overlay drawn at screen resolution;
 * a hint text when nothing plays. Touched only on the EDT.
 */
final class VideoPanel extends JComponent {
    private final OverlayRenderer renderer = new OverlayRenderer();
    private AnalyzedFrame frame;
    private double fps;
    private OverlayOptions options;
    private String hint = "";
    private String recBadge;
    private Emotion label;

    VideoPanel(OverlayOptions options) {
        this.options = options;
        setPreferredSize(new Dimension(960, 540));
        setOpaque(true);
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
            if (current == null) {
                paintHint(g);
                return;
            }
            BufferedImage image = current.frame().image();
            double scale = Math.min((double) getWidth() / image.getWidth(), (double) getHeight() / image.getHeight());
            double x = (getWidth() - image.getWidth() * scale) / 2;
            double y = (getHeight() - image.getHeight() * scale) / 2;
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.translate(x, y);
            g.scale(scale, scale);
            g.drawImage(image, 0, 0, null);
            renderer.draw(g, current, options, fps, image.getWidth(), image.getHeight());
            g.setTransform(new AffineTransform());
            paintBadges(g);
        } finally {
            g.dispose();
        }
    }

    private void paintBadges(Graphics2D g) {
        int bottom = 0;
        if (recBadge != null) {
            Color red = UIManager.getColor("Actions.Red");
            bottom = LabelBadge.draw(g, recBadge, red != null ? red : Color.RED, Color.WHITE, getWidth(), getHeight(), 0);
        }
        if (label != null) {
            LabelBadge.drawLabel(g, label, getWidth(), getHeight(), bottom);
        }
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
