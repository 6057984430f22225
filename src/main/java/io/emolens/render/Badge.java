package io.emolens.render;

import java.awt.Color;

import io.emolens.core.Emotion;

/**
 * A badge at the top right of the picture, e.g. the recording indicator or the user's own label; the layout
 * keeps panels off it.
 */
public record Badge(String text, Color background, Color foreground) {

    /** The user's label ("You: Happy") in the emotion's colour. */
    public static Badge userLabel(Emotion label) {
        Color colour = new Color(label.rgb());
        return new Badge("You: " + label.label(), colour, OverlayRenderer.textOn(colour));
    }
}
