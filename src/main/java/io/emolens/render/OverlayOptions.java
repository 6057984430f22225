package io.emolens.render;

/**
 * What the overlay draws.
 *
 * @param boxes  face boxes and their label
 * @param bars   the 7-bar probability chart beside each face
 * @param fps    frames per second and face count in the corner
 * @param ids    the face id after the label
 * @param valence a gauge of the largest face's valence (-1..1) in the bottom-left corner
 */
public record OverlayOptions(boolean boxes, boolean bars, boolean fps, boolean ids, boolean valence) {
    /** Boxes, bars, FPS and ids; the valence gauge is the user's choice (View), off in recordings. */
    public static final OverlayOptions ALL = new OverlayOptions(true, true, true, true, false);

    public OverlayOptions(boolean boxes, boolean bars, boolean fps, boolean ids) {
        this(boxes, bars, fps, ids, false);
    }

    public OverlayOptions withBoxes(boolean v) {
        return new OverlayOptions(v, bars, fps, ids, valence);
    }

    public OverlayOptions withBars(boolean v) {
        return new OverlayOptions(boxes, v, fps, ids, valence);
    }

    public OverlayOptions withFps(boolean v) {
        return new OverlayOptions(boxes, bars, v, ids, valence);
    }

    public OverlayOptions withIds(boolean v) {
        return new OverlayOptions(boxes, bars, fps, v, valence);
    }

    public OverlayOptions withValence(boolean v) {
        return new OverlayOptions(boxes, bars, fps, ids, v);
    }
}
