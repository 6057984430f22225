package io.emolens.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

import io.emolens.core.Emotion;
import io.emolens.pipeline.AnalyzedFrame;

/**
 * Draws small badges in the top-right corner of a picture: the user's own label ("You: Happy", in the emotion's
 * colour) and, live, the recording indicator. Shared by the live view and the annotated video.
 */
public final class LabelBadge {
    private LabelBadge() {
    }

    /** A new image: {@code analyzed} drawn by {@code renderer} with {@code options}, plus the user's label when there is one. */
    public static BufferedImage annotate(OverlayRenderer renderer, AnalyzedFrame analyzed, OverlayOptions options, Emotion label) {
        BufferedImage image = renderer.render(analyzed, options, 0);
        if (label != null) {
            Graphics2D g = image.createGraphics();
            try {
                drawLabel(g, label, image.getWidth(), image.getHeight(), 0);
            } finally {
                g.dispose();
            }
        }
        return image;
    }

    /** The user's label at the top right of a {@code width x height} picture; returns the badge's bottom edge. */
    public static int drawLabel(Graphics2D g, Emotion label, int width, int height, int top) {
        Color colour = new Color(label.rgb());
        double luma = 0.299 * colour.getRed() + 0.587 * colour.getGreen() + 0.114 * colour.getBlue();
        return draw(g, "You: " + label.label(), colour, luma > 150 ? Color.BLACK : Color.WHITE, width, height, top);
    }

    /** A badge with {@code text} at the top right, below {@code top}; returns its bottom edge. */
    public static int draw(Graphics2D g, String text, Color background, Color foreground, int width, int height, int top) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        float unit = Math.max(1f, Math.min(width, height) / 360f);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.round(12 * unit)));
        FontMetrics fm = g.getFontMetrics();
        int pad = Math.round(5 * unit);
        int w = fm.stringWidth(text) + 2 * pad;
        int h = fm.getHeight() + pad;
        int x = width - w - pad;
        int y = top + pad;
        g.setColor(background);
        g.fillRoundRect(x, y, w, h, h / 2, h / 2);
        g.setColor(foreground);
        g.drawString(text, x + pad, y + pad / 2 + fm.getAscent());
        return y + h;
    }
}
