package io.emolens.render;

import java.awt.Dimension;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Geometry of the overlay layout: candidate places for labels and panels, and whether a place is free. */
final class Spots {
    private Spots() {
    }

    /** Places for a label: above or below the box (left- or right-aligned, then sliding), then beside it. */
    static List<Rectangle> label(Rectangle box, Dimension d, OverlayStyle style, Rectangle canvas) {
        List<Rectangle> out = new ArrayList<>();
        int step = Math.max(1, d.width / 6);
        int lowest = box.x - d.width + Math.min(box.width, d.width) / 3;
        int highest = box.x + box.width - Math.min(box.width, d.width) / 3;
        int[] rows = {box.y - d.height, box.y + box.height};
        for (int y : rows) {
            addNew(out, clamp(box.x, y, d, canvas));
            addNew(out, clamp(box.x + box.width - d.width, y, d, canvas));
        }
        for (int k = 1; k * step <= d.width; k++) {
            for (int y : rows) {
                for (int x : new int[] {box.x - k * step, box.x + k * step}) {
                    if (x >= lowest && x <= highest) {
                        addNew(out, clamp(x, y, d, canvas));
                    }
                }
            }
        }
        for (int y = box.y; y <= box.y + box.height - d.height; y += d.height) {
            addNew(out, clamp(box.x + box.width + style.gap(), y, d, canvas));
            addNew(out, clamp(box.x - style.gap() - d.width, y, d, canvas));
        }
        return out;
    }

    /** Places for a label inside its own box, top then bottom: the last resort. */
    static List<Rectangle> inside(Rectangle box, Dimension d, Rectangle canvas) {
        return List.of(clamp(box.x, box.y, d, canvas), clamp(box.x, box.y + box.height - d.height, d, canvas));
    }

    /** The boxes of all faces but {@code id}. */
    static List<Rectangle> others(Map<Integer, Rectangle> boxes, int id) {
        return boxes.entrySet().stream().filter(e -> e.getKey() != id).map(Map.Entry::getValue).collect(Collectors.toList());
    }

    /**
     * Places of a {@code d}-sized rectangle beside {@code box}: right, left, below, above, each sliding along the
     * side as long as a third of the shorter of the two still lies beside the box.
     */
    static List<Rectangle> around(Rectangle box, Dimension d, int gap, Rectangle canvas) {
        List<Rectangle> out = new ArrayList<>();
        int stepY = Math.max(1, d.height / 4);
        int stepX = Math.max(1, d.width / 4);
        int reachY = d.height - Math.min(d.height, box.height) / 3;
        int reachX = d.width - Math.min(d.width, box.width) / 3;
        for (int x : new int[] {box.x + box.width + gap, box.x - gap - d.width}) {
            for (int k = 0; k * stepY <= reachY; k++) {
                if (k * stepY <= box.height - Math.min(d.height, box.height) / 3) {
                    addNew(out, clamp(x, box.y + k * stepY, d, canvas));
                }
                addNew(out, clamp(x, box.y - k * stepY, d, canvas));
            }
        }
        for (int y : new int[] {box.y + box.height + gap, box.y - gap - d.height}) {
            for (int k = 0; k * stepX <= reachX; k++) {
                if (k * stepX <= box.width - Math.min(d.width, box.width) / 3) {
                    addNew(out, clamp(box.x + k * stepX, y, d, canvas));
                }
                addNew(out, clamp(box.x - k * stepX, y, d, canvas));
            }
        }
        return out;
    }

    /** Places along the picture's four edges, nearest to {@code box} first. */
    static List<Rectangle> alongEdge(Rectangle box, Dimension d, Rectangle canvas) {
        List<Rectangle> out = new ArrayList<>();
        int stepX = Math.max(1, d.width / 2);
        int stepY = Math.max(1, d.height / 2);
        for (int x = canvas.x; x <= canvas.x + canvas.width - d.width; x += stepX) {
            addNew(out, clamp(x, canvas.y, d, canvas));
            addNew(out, clamp(x, canvas.y + canvas.height - d.height, d, canvas));
        }
        for (int y = canvas.y; y <= canvas.y + canvas.height - d.height; y += stepY) {
            addNew(out, clamp(canvas.x, y, d, canvas));
            addNew(out, clamp(canvas.x + canvas.width - d.width, y, d, canvas));
        }
        double cx = box.getCenterX();
        double cy = box.getCenterY();
        out.sort(Comparator.comparingDouble(r -> Math.hypot(r.getCenterX() - cx, r.getCenterY() - cy)));
        return out;
    }

    static void addNew(List<Rectangle> list, Rectangle r) {
        if (!list.contains(r)) {
            list.add(r);
        }
    }

    /** A {@code d}-sized rectangle at ({@code x}, {@code y}) moved inside the canvas. */
    static Rectangle clamp(int x, int y, Dimension d, Rectangle canvas) {
        int cx = Math.max(canvas.x, Math.min(x, canvas.x + canvas.width - d.width));
        int cy = Math.max(canvas.y, Math.min(y, canvas.y + canvas.height - d.height));
        return new Rectangle(cx, cy, d.width, d.height);
    }

    /** Inside the canvas, clear of what is taken and of other faces (with a pixel to spare), and of {@code own} if given. */
    static boolean free(Rectangle r, Rectangle canvas, OverlayStyle style, List<Rectangle> taken, List<Rectangle> otherBoxes,
                                Rectangle own) {
        if (!canvas.contains(r) || own != null && r.intersects(own)) {
            return false;
        }
        int m = style.px(1);
        Rectangle grown = new Rectangle(r.x - m, r.y - m, r.width + 2 * m, r.height + 2 * m);
        for (Rectangle o : taken) {
            if (grown.intersects(o)) {
                return false;
            }
        }
        for (Rectangle o : otherBoxes) {
            if (grown.intersects(o)) {
                return false;
            }
        }
        return true;
    }

    static long overlap(Rectangle r, List<Rectangle> others) {
        long sum = 0;
        for (Rectangle o : others) {
            Rectangle i = r.intersection(o);
            if (!i.isEmpty()) {
                sum += (long) i.width * i.height;
            }
        }
        return sum;
    }
}
