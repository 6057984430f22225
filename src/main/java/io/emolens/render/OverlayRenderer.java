package io.emolens.render;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Optional;

import io.emolens.core.Emotion;
import io.emolens.core.EmotionScores;
import io.emolens.core.FaceBox;
import io.emolens.pipeline.AnalyzedFrame;
import io.emolens.track.TrackedFace;

/**
 * Draws the analysis onto a copy of its frame: per face a box in the emotion's colour, the label with its
 * confidence, and a 7-bar probability chart; FPS and face count in the corner. Sizes scale with the frame so
 * a 4K frame reads like a VGA one. The same picture goes to the screen and to the annotated video.
 */
public final class OverlayRenderer {
    private static final Color NO_MODEL = new Color(0x26C6DA);

    /** A new TYPE_3BYTE_BGR image: the frame with the overlay drawn on it. */
    public BufferedImage render(AnalyzedFrame analyzed, OverlayOptions options, double fps) {
        BufferedImage src = analyzed.frame().image();
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = out.createGraphics();
        try {
            g.drawImage(src, 0, 0, null);
            draw(g, analyzed, options, fps, src.getWidth(), src.getHeight());
        } finally {
            g.dispose();
        }
        return out;
    }

    /** Draws the overlay on {@code g}, whose coordinates are the frame's pixels. */
    public void draw(Graphics2D g, AnalyzedFrame analyzed, OverlayOptions options, double fps, int width, int height) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        float unit = Math.max(1f, Math.min(width, height) / 360f);
        Font font = new Font(Font.SANS_SERIF, Font.BOLD, Math.round(11 * unit));
        g.setFont(font);
        for (TrackedFace face : analyzed.faces()) {
            if (options.boxes()) {
                drawBox(g, face, options.ids(), unit, width);
            }
            if (options.bars() && face.scores().isPresent()) {
                drawBars(g, face.box(), face.scores().get(), unit, width, height);
            }
        }
        if (options.fps()) {
            String text = String.format("%.1f FPS  %d face%s", fps, analyzed.faces().size(), analyzed.faces().size() == 1 ? "" : "s");
            label(g, text, Math.round(4 * unit), Math.round(4 * unit), new Color(0, 0, 0, 170), Color.WHITE, unit);
        }
    }

    private void drawBox(Graphics2D g, TrackedFace face, boolean showId, float unit, int width) {
        FaceBox b = face.box();
        Optional<EmotionScores> scores = face.scores();
        Color colour = scores.map(s -> new Color(s.top().rgb())).orElse(NO_MODEL);
        g.setColor(colour);
        g.setStroke(new BasicStroke(2 * unit));
        g.drawRect(b.x(), b.y(), b.width(), b.height());
        String text = scores.map(s -> s.top().label() + " " + Math.round(s.confidence() * 100) + "%").orElse("face");
        if (showId) {
            text += "  #" + face.id();
        }
        FontMetrics fm = g.getFontMetrics();
        int h = fm.getHeight() + Math.round(2 * unit);
        int y = b.y() - h >= 0 ? b.y() - h : b.y() + b.height();
        int x = Math.max(0, Math.min(b.x(), width - fm.stringWidth(text) - Math.round(6 * unit)));
        label(g, text, x, y, colour, textOn(colour), unit);
    }

    private void drawBars(Graphics2D g, FaceBox b, EmotionScores s, float unit, int width, int height) {
        FontMetrics fm = g.getFontMetrics();
        int rowH = fm.getHeight();
        int nameW = Math.round(3 * unit) + fm.stringWidth("Surprise") + Math.round(6 * unit);
        int barW = Math.round(60 * unit);
        int panelW = nameW + barW + Math.round(8 * unit);
        int panelH = rowH * Emotion.COUNT + Math.round(4 * unit);
        int gap = Math.round(4 * unit);
        int x = b.x() + b.width() + gap;
        if (x + panelW > width) {
            x = Math.max(0, b.x() - gap - panelW);
        }
        int y = Math.max(0, Math.min(b.y(), height - panelH));
        g.setComposite(AlphaComposite.SrcOver.derive(0.65f));
        g.setColor(Color.BLACK);
        g.fillRoundRect(x, y, panelW, panelH, Math.round(6 * unit), Math.round(6 * unit));
        g.setComposite(AlphaComposite.SrcOver);
        for (Emotion e : Emotion.values()) {
            int rowY = y + Math.round(2 * unit) + e.ordinal() * rowH;
            g.setColor(Color.WHITE);
            g.drawString(e.label(), x + Math.round(3 * unit), rowY + fm.getAscent());
            int len = Math.round(barW * s.get(e));
            g.setColor(new Color(e.rgb()));
            g.fillRect(x + nameW, rowY + Math.round(2 * unit), Math.max(1, len), rowH - Math.round(4 * unit));
        }
    }

    private static void label(Graphics2D g, String text, int x, int y, Color background, Color foreground, float unit) {
        FontMetrics fm = g.getFontMetrics();
        int pad = Math.round(3 * unit);
        g.setColor(background);
        g.fillRect(x, y, fm.stringWidth(text) + 2 * pad, fm.getHeight() + Math.round(2 * unit));
        g.setColor(foreground);
        g.drawString(text, x + pad, y + Math.round(unit) + fm.getAscent());
    }

    private static Color textOn(Color background) {
        double luma = 0.299 * background.getRed() + 0.587 * background.getGreen() + 0.114 * background.getBlue();
        return luma > 150 ? Color.BLACK : Color.WHITE;
    }
}
