package io.emolens.render;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

import io.emolens.core.Emotion;
import io.emolens.core.EmotionScores;
import io.emolens.pipeline.AnalyzedFrame;
import io.emolens.render.Layout.Placement;

/**
 * Draws the analysis over its frame as {@link OverlayLayout} places it: per face a box in the emotion's colour
 * and its label, the full probability panel or a mini bar; FPS at the top left and badges at the top right.
 * The same code draws the live view (at screen resolution, see {@link Viewport#fit}) and the annotated video,
 * which the review plays. Boxes get a dark halo, labels a dark outline and panels a dark backing, so they read
 * on bright and dark pictures alike. Keeps the layout's memory: one instance per view, used on one thread.
 */
public final class OverlayRenderer {
    private static final Color NO_MODEL = new Color(0x26C6DA);
    private static final Color HALO = new Color(0, 0, 0, 150);
    private static final Color BACKING = new Color(0, 0, 0, 185);
    private static final Color TRACK = new Color(255, 255, 255, 45);
    private static final Color POSITIVE = new Color(0x66BB6A);
    private static final Color NEGATIVE = new Color(0xEF5350);
    private final OverlayLayout layout = new OverlayLayout();
    private OverlayStyle style;

    /** A new TYPE_3BYTE_BGR image: the frame with the overlay drawn on it at the frame's own scale. */
    public BufferedImage render(AnalyzedFrame analyzed, OverlayContent content) {
        BufferedImage src = analyzed.frame().image();
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = out.createGraphics();
        try {
            g.drawImage(src, 0, 0, null);
            draw(g, analyzed, content, Viewport.frame(src.getWidth(), src.getHeight()));
        } finally {
            g.dispose();
        }
        return out;
    }

    /** Lays out and draws the overlay on {@code g}, whose coordinates are canvas pixels; returns what was placed where. */
    public Layout draw(Graphics2D g, AnalyzedFrame analyzed, OverlayContent content, Viewport view) {
        Layout placed = layout(analyzed, content, view);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(placed.style().font());
        OverlayStyle s = placed.style();
        for (Placement f : placed.faces()) {
            if (content.options().boxes()) {
                drawBox(g, f, s);
            }
        }
        for (Placement f : placed.faces()) {
            if (f.label() != null) {
                Color colour = colour(f);
                label(g, f.text(), f.label(), colour, textOn(colour), s);
            }
            EmotionScores scores = f.face().scores().orElse(null);
            if (scores != null && f.panel() == Layout.PanelKind.FULL) {
                drawPanel(g, f, scores, s);
            } else if (scores != null && f.panel() == Layout.PanelKind.MINI) {
                drawMini(g, f.panelBounds(), scores);
            }
            g.setFont(s.font());
        }
        if (placed.fps() != null) {
            label(g, placed.fpsText(), placed.fps(), new Color(0, 0, 0, 170), Color.WHITE, s);
        }
        if (placed.valence() != null) {
            drawValence(g, placed.valence(), placed.valenceValue(), s);
        }
        for (int i = 0; i < placed.badges().size(); i++) {
            Badge b = content.badges().get(i);
            Rectangle r = placed.badges().get(i);
            g.setColor(b.background());
            g.fillRoundRect(r.x, r.y, r.width, r.height, r.height / 2, r.height / 2);
            g.setColor(b.foreground());
            g.drawString(b.text(), r.x + s.pad(), r.y + s.px(1) + s.ascent());
        }
        return placed;
    }

    /** Where the overlay of {@code analyzed} would go, without drawing (the layout's memory moves on as when drawing). */
    public Layout layout(AnalyzedFrame analyzed, OverlayContent content, Viewport view) {
        if (style == null || style.unit() != view.unit()) {
            style = new OverlayStyle(view.unit());
        }
        return layout.place(analyzed.faces(), view, style, content);
    }

    /** Text above a bar from the middle (0) to the left (-1, red) or right (+1, green). */
    private static void drawValence(Graphics2D g, Rectangle r, float value, OverlayStyle s) {
        g.setColor(BACKING);
        g.fillRoundRect(r.x, r.y, r.width, r.height, s.px(6), s.px(6));
        g.setColor(Color.WHITE);
        g.drawString(String.format(java.util.Locale.ROOT, "Valence %+.2f  (largest face)", value), r.x + s.pad(), r.y + s.px(1) + s.ascent());
        int barY = r.y + r.height / 2 + s.px(3);
        int barH = Math.max(2, r.height / 2 - s.px(7));
        int left = r.x + s.pad();
        int width = r.width - 2 * s.pad();
        int mid = left + width / 2;
        g.setColor(new Color(255, 255, 255, 60));
        g.fillRect(left, barY, width, barH);
        int reach = Math.round(Math.abs(value) * width / 2f);
        g.setColor(value >= 0 ? POSITIVE : NEGATIVE);
        g.fillRect(value >= 0 ? mid : mid - reach, barY, reach, barH);
        g.setColor(Color.WHITE);
        g.fillRect(mid, barY - s.px(2), Math.max(1, s.px(1)), barH + s.px(4));
    }

    private static void drawBox(Graphics2D g, Placement f, OverlayStyle s) {
        Rectangle b = f.box();
        float w = s.stroke();
        g.setColor(HALO);
        g.setStroke(new BasicStroke(w + 3 * Math.max(1f, s.unit())));
        g.drawRect(b.x, b.y, b.width, b.height);
        g.setColor(colour(f));
        g.setStroke(new BasicStroke(f.pinned() ? 1.5f * w : w));
        g.drawRect(b.x, b.y, b.width, b.height);
    }

    private static void drawPanel(Graphics2D g, Placement f, EmotionScores scores, OverlayStyle s) {
        Rectangle p = f.panelBounds();
        leader(g, p, f.box(), colour(f), s);
        int arc = s.px(6);
        g.setColor(BACKING);
        g.fillRoundRect(p.x, p.y, p.width, p.height, arc, arc);
        g.setColor(colour(f));
        g.setStroke(new BasicStroke(f.pinned() ? 2 * s.unit() : Math.max(1f, s.unit())));
        g.drawRoundRect(p.x, p.y, p.width, p.height, arc, arc);
        int rowH = s.rowHeight();
        int barX = p.x + s.nameWidth();
        Emotion top = scores.top();
        g.setFont(s.panelFont());
        for (Emotion e : Emotion.values()) {
            int rowY = p.y + s.px(3) + e.ordinal() * rowH;
            g.setColor(e == top ? Color.WHITE : new Color(0xD8D8D8));
            g.drawString(e.label(), p.x + s.pad(), rowY + s.panelAscent());
            int barY = rowY + s.px(2);
            int barH = Math.max(1, rowH - s.px(4));
            g.setColor(TRACK);
            g.fillRect(barX, barY, s.barLength(), barH);
            g.setColor(new Color(e.rgb()));
            g.fillRect(barX, barY, Math.max(1, Math.round(s.barLength() * scores.get(e))), barH);
        }
    }

    /** A line from a panel that had to go away from its face (to the picture's edge) to the face's box. */
    private static void leader(Graphics2D g, Rectangle panel, Rectangle box, Color colour, OverlayStyle s) {
        int[] x = closest(panel.x, panel.x + panel.width, box.x, box.x + box.width);
        int[] y = closest(panel.y, panel.y + panel.height, box.y, box.y + box.height);
        if (Math.hypot(x[0] - x[1], y[0] - y[1]) <= 3 * s.gap()) {
            return;
        }
        g.setColor(HALO);
        g.setStroke(new BasicStroke(3 * s.unit()));
        g.drawLine(x[0], y[0], x[1], y[1]);
        g.setColor(colour);
        g.setStroke(new BasicStroke(1.5f * s.unit()));
        g.drawLine(x[0], y[0], x[1], y[1]);
    }

    /** The nearest coordinates of two intervals [a0, a1] and [b0, b1] on one axis (the middle of their overlap if they overlap). */
    private static int[] closest(int a0, int a1, int b0, int b1) {
        if (a1 < b0) {
            return new int[] {a1, b0};
        }
        if (b1 < a0) {
            return new int[] {a0, b1};
        }
        int mid = (Math.max(a0, b0) + Math.min(a1, b1)) / 2;
        return new int[] {mid, mid};
    }

    private static void drawMini(Graphics2D g, Rectangle r, EmotionScores scores) {
        g.setColor(BACKING);
        g.fillRect(r.x, r.y, r.width, r.height);
        int inner = r.width - 2;
        double x = r.x + 1;
        for (Emotion e : Emotion.values()) {
            double w = inner * scores.get(e);
            g.setColor(new Color(e.rgb()));
            g.fillRect((int) Math.round(x), r.y + 1, Math.max(0, (int) Math.round(x + w) - (int) Math.round(x)), r.height - 2);
            x += w;
        }
    }

    private static void label(Graphics2D g, String text, Rectangle r, Color background, Color foreground, OverlayStyle s) {
        g.setColor(background);
        g.fillRect(r.x, r.y, r.width, r.height);
        g.setComposite(AlphaComposite.SrcOver.derive(0.45f));
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(r.x, r.y, r.width - 1, r.height - 1);
        g.setComposite(AlphaComposite.SrcOver);
        g.setColor(foreground);
        g.drawString(text, r.x + s.pad(), r.y + s.px(1) + s.ascent());
    }

    private static Color colour(Placement f) {
        return f.face().scores().map(sc -> new Color(sc.top().rgb())).orElse(NO_MODEL);
    }

    /** Black or white, whichever has the higher contrast ratio with {@code background} (WCAG relative luminance). */
    static Color textOn(Color background) {
        double l = luminance(background.getRed()) * 0.2126 + luminance(background.getGreen()) * 0.7152
                + luminance(background.getBlue()) * 0.0722;
        return (1.05 / (l + 0.05)) > ((l + 0.05) / 0.05) ? Color.WHITE : Color.BLACK;
    }

    private static double luminance(int channel) {
        double c = channel / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
