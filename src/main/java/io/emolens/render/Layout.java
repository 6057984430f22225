package io.emolens.render;

import java.awt.Point;
import java.awt.Rectangle;
import java.util.List;
import java.util.Optional;

import io.emolens.track.TrackedFace;

/**
 * Where everything of one frame's overlay goes, in canvas pixels: what {@link OverlayLayout} decided and
 * {@link OverlayRenderer} draws; the live view keeps it to find the face under a click, tests check its geometry.
 *
 * @param view   the picture on the canvas
 * @param style  the sizes used
 * @param faces  one placement per face, largest face first
 * @param fps    the FPS label's place, or null when hidden
 * @param fpsText the FPS label's text, or null
 * @param badges the badges' places, in the order given
 * @param valence the valence gauge's place, or null when hidden or the largest face has no scores
 * @param valenceValue the largest face's valence shown there, or null
 */
public record Layout(Viewport view, OverlayStyle style, List<Placement> faces, Rectangle fps, String fpsText,
                     List<Rectangle> badges, Rectangle valence, Float valenceValue) {

    /** How much of a face's probabilities is shown. */
    public enum PanelKind {
        /** The 7-bar panel with emotion names. */
        FULL,
        /** One stacked bar of the seven probabilities. */
        MINI,
        /** None: no scores, bars switched off, or no room. */
        NONE
    }

    /**
     * One face's overlay.
     *
     * @param face   the tracked face
     * @param box    its box on the canvas
     * @param text   its label ("Happy 87%  #3"), or null when labels are hidden
     * @param label  where the label goes, or null when hidden
     * @param panel  the probability display it gets
     * @param panelBounds where that goes, or null for {@link PanelKind#NONE}
     * @param pinned true when the user pinned this face's panel
     */
    public record Placement(TrackedFace face, Rectangle box, String text, Rectangle label, PanelKind panel,
                            Rectangle panelBounds, boolean pinned) {
        public int id() {
            return face.id();
        }
    }

    public Layout {
        faces = List.copyOf(faces);
        badges = List.copyOf(badges);
    }

    /** The face whose panel, box or label is at {@code p} (panels first, then the smallest box, then labels). */
    public Optional<Placement> faceAt(Point p) {
        for (Placement f : faces) {
            if (f.panelBounds() != null && f.panelBounds().contains(p)) {
                return Optional.of(f);
            }
        }
        Placement inBox = null;
        for (Placement f : faces) {
            if (f.box().contains(p) && (inBox == null || area(f.box()) < area(inBox.box()))) {
                inBox = f;
            }
        }
        if (inBox != null) {
            return Optional.of(inBox);
        }
        return faces.stream().filter(f -> f.label() != null && f.label().contains(p)).findFirst();
    }

    private static long area(Rectangle r) {
        return (long) r.width * r.height;
    }
}
