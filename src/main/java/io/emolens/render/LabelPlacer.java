package io.emolens.render;

import java.awt.Dimension;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Places every face's label where it covers no other face, label or badge: largest face first, each at the first
 * free spot of {@link Spots#label}. A label left without one takes a spot held by a single neighbour's label when
 * that neighbour can move to another free spot; failing that it goes inside its own box, and as a last resort
 * where it overlaps least. Faces are never left unlabelled.
 */
final class LabelPlacer {
    private final Map<Integer, Rectangle> boxes;
    private final OverlayStyle style;
    private final Rectangle canvas;
    private final List<Rectangle> reserved;
    private final Map<Integer, Rectangle> placed = new LinkedHashMap<>();
    private Map<Integer, Dimension> sizes;

    /**
     * @param boxes    every face's box on the canvas, by track id
     * @param reserved places no label may cover (FPS, badges)
     */
    LabelPlacer(Map<Integer, Rectangle> boxes, OverlayStyle style, Rectangle canvas, List<Rectangle> reserved) {
        this.boxes = boxes;
        this.style = style;
        this.canvas = canvas;
        this.reserved = List.copyOf(reserved);
    }

    /** The labels of the faces {@code order} (largest first), each of the given size, by track id. */
    Map<Integer, Rectangle> place(List<Integer> order, Map<Integer, Dimension> sizes) {
        this.sizes = sizes;
        List<Integer> failed = new ArrayList<>();
        for (int id : order) {
            Rectangle r = firstFree(id);
            if (r != null) {
                placed.put(id, r);
            } else {
                failed.add(id);
            }
        }
        for (int id : failed) {
            if (!takeFromNeighbour(id)) {
                placed.put(id, lastResort(id));
            }
        }
        return placed;
    }

    private Rectangle firstFree(int id) {
        Rectangle box = boxes.get(id);
        List<Rectangle> taken = taken(id);
        List<Rectangle> others = Spots.others(boxes, id);
        for (Rectangle c : Spots.label(box, sizes.get(id), style, canvas)) {
            if (Spots.free(c, canvas, style, taken, others, box)) {
                return c;
            }
        }
        return null;
    }

    private boolean takeFromNeighbour(int id) {
        Rectangle box = boxes.get(id);
        List<Rectangle> others = Spots.others(boxes, id);
        for (Rectangle c : Spots.label(box, sizes.get(id), style, canvas)) {
            if (!Spots.free(c, canvas, style, reserved, others, box)) {
                continue;
            }
            List<Integer> blockers = placed.entrySet().stream()
                    .filter(e -> !Spots.free(c, canvas, style, List.of(e.getValue()), List.of(), null)).map(Map.Entry::getKey).toList();
            if (blockers.size() != 1) {
                continue;
            }
            int neighbour = blockers.get(0);
            Rectangle old = placed.remove(neighbour);
            placed.put(id, c);
            Rectangle moved = firstFree(neighbour);
            if (moved != null) {
                placed.put(neighbour, moved);
                return true;
            }
            placed.remove(id);
            placed.put(neighbour, old);
        }
        return false;
    }

    private Rectangle lastResort(int id) {
        Rectangle box = boxes.get(id);
        List<Rectangle> taken = taken(id);
        List<Rectangle> others = Spots.others(boxes, id);
        for (Rectangle c : Spots.inside(box, sizes.get(id), canvas)) {
            if (Spots.free(c, canvas, style, taken, others, null)) {
                return c;
            }
        }
        List<Rectangle> spots = Spots.label(box, sizes.get(id), style, canvas);
        Rectangle best = spots.get(0);
        long least = Long.MAX_VALUE;
        for (Rectangle c : spots) {
            long overlap = Spots.overlap(c, taken) + Spots.overlap(c, others);
            if (overlap < least) {
                least = overlap;
                best = c;
            }
        }
        return best;
    }

    private List<Rectangle> taken(int except) {
        List<Rectangle> taken = new ArrayList<>(reserved);
        placed.forEach((id, r) -> {
            if (id != except) {
                taken.add(r);
            }
        });
        return taken;
    }
}
