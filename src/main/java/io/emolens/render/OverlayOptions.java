package io.emolens.render;

/**
 * What the overlay draws.
 *
 * @param boxes  face boxes and their label
 * @param bars   the 7-bar probability chart beside each face
 * @param fps    frames per second and face count in the corner
 * @param ids    the face id after the label
 */
public record OverlayOptions(boolean boxes, boolean bars, boolean fps, boolean ids) {
    public static final OverlayOptions ALL = new OverlayOptions(true, true, true, true);

    public OverlayOptions withBoxes(boolean v) {
        return new OverlayOptions(v, bars, fps, ids);
    }

    public OverlayOptions withBars(boolean v) {
        return new OverlayOptions(boxes, v, fps, ids);
    }

    public OverlayOptions withFps(boolean v) {
        return new OverlayOptions(boxes, bars, v, ids);
    }

    public OverlayOptions withIds(boolean v) {
        return new OverlayOptions(boxes, bars, fps, v);
    }
}
