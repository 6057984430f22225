package io.emolens.render;

import java.util.List;
import java.util.Set;

/**
 * What to draw over a frame besides its faces.
 *
 * @param options what the overlay shows
 * @param fps     the frame rate shown when {@code options.fps()}
 * @param pinned  track ids whose full probability panel the user asked for (clicked)
 * @param badges  badges at the top right, top to bottom
 */
public record OverlayContent(OverlayOptions options, double fps, Set<Integer> pinned, List<Badge> badges) {
    public OverlayContent {
        pinned = Set.copyOf(pinned);
        badges = List.copyOf(badges);
    }

    /** {@code options} with no FPS value, pins or badges. */
    public static OverlayContent of(OverlayOptions options) {
        return new OverlayContent(options, 0, Set.of(), List.of());
    }
}
