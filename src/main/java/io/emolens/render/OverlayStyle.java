package io.emolens.render;

import java.awt.Dimension;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;

import io.emolens.core.Emotion;

/**
 * The overlay's sizes for one unit: fonts, text widths, label, panel and mini-bar sizes. The layout measures
 * with it and the renderer draws with it, so what is placed is exactly what is drawn. Immutable.
 */
public final class OverlayStyle {
    /** Antialiased text without fractional metrics: how the renderer draws. */
    private static final FontRenderContext FRC = new FontRenderContext(null, true, false);
    private final float unit;
    private final Font font;
    private final Font panelFont;
    private final int ascent;
    private final int textHeight;
    private final int panelAscent;
    private final int panelTextHeight;

    public OverlayStyle(float unit) {
        this.unit = unit;
        this.font = new Font(Font.SANS_SERIF, Font.BOLD, Math.max(1, Math.round(11 * unit)));
        this.panelFont = new Font(Font.SANS_SERIF, Font.BOLD, Math.max(1, Math.round(10 * unit)));
        LineMetrics m = font.getLineMetrics("Surprise 100%", FRC);
        this.ascent = (int) Math.ceil(m.getAscent());
        this.textHeight = (int) Math.ceil(m.getAscent() + m.getDescent());
        LineMetrics pm = panelFont.getLineMetrics("Surprise", FRC);
        this.panelAscent = (int) Math.ceil(pm.getAscent());
        this.panelTextHeight = (int) Math.ceil(pm.getAscent() + pm.getDescent());
    }

    public float unit() {
        return unit;
    }

    /** The font of labels, panels and badges. */
    public Font font() {
        return font;
    }

    /** The font's size in canvas pixels. */
    public int fontSize() {
        return font.getSize();
    }

    /** The smaller font of the probability panel's emotion names. */
    public Font panelFont() {
        return panelFont;
    }

    public int panelAscent() {
        return panelAscent;
    }

    /** {@code n} units in pixels, at least 1. */
    public int px(double n) {
        return Math.max(1, Math.round((float) (n * unit)));
    }

    public int textWidth(String text) {
        return (int) Math.ceil(font.getStringBounds(text, FRC).getWidth());
    }

    public int ascent() {
        return ascent;
    }

    /** Padding inside labels and badges. */
    public int pad() {
        return px(3);
    }

    /** A label or badge holding {@code text}: one line of text with padding. */
    public Dimension label(String text) {
        return new Dimension(textWidth(text) + 2 * pad(), textHeight + 2 * px(1));
    }

    /** Height of one row of the probability panel. */
    public int rowHeight() {
        return panelTextHeight;
    }

    /** Width of the emotion-name column of the panel. */
    public int nameWidth() {
        return pad() + (int) Math.ceil(panelFont.getStringBounds(Emotion.SURPRISE.label(), FRC).getWidth()) + px(4);
    }

    /** Length of a 100% bar in the panel. */
    public int barLength() {
        return px(52);
    }

    /** The full 7-bar probability panel. */
    public Dimension panel() {
        return new Dimension(nameWidth() + barLength() + px(4), rowHeight() * Emotion.COUNT + 2 * px(3));
    }

    /** The one-line mini bar: the seven probabilities as one stacked bar. */
    public Dimension miniBar() {
        return new Dimension(px(64), px(7));
    }

    /** Space kept between a box and what is placed beside it, and between placed things. */
    public int gap() {
        return px(3);
    }

    /** Width of a face box's line. */
    public float stroke() {
        return 2 * unit;
    }
}
