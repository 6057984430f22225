package io.emolens.render;

import java.awt.Dimension;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.emolens.core.EmotionScores;
import io.emolens.render.Layout.PanelKind;
import io.emolens.render.Layout.Placement;
import io.emolens.track.TrackedFace;

/**
 * Places the overlay of a frame so that nothing piles up however many faces there are. Every face gets its box
 * and a compact label (emotion, confidence, id) beside the box; the full 7-bar panel goes to the faces that
 * matter (the largest, those the user pinned, or all of them when there are at most {@link #FEW}), the others
 * get a one-line mini bar. A panel is placed where it covers no other face, label, panel or badge: right of the
 * box, left, below, above (sliding along each side), then anywhere along the picture's edge, where it may cover
 * its own face; with no room left it shrinks to a mini bar, and a mini bar with no room is left out.
 * <p>
 * Panels remember their place beside the face on the previous frame per track id and try it first, so they do
 * not jump from side to side as faces move. One instance per view; not thread-safe.
 */
public final class OverlayLayout {
    /** Up to this many faces, every face is offered the full panel. */
    public static final int FEW = 3;
    private final Map<Integer, Integer> lastPlace = new HashMap<>();

    /** Places the overlay of {@code faces} (frame pixels) on the canvas of {@code view}. */
    public Layout place(List<TrackedFace> faces, Viewport view, OverlayStyle style, OverlayContent content) {
        Rectangle canvas = view.bounds();
        List<Rectangle> taken = new ArrayList<>();
        String fpsText = null;
        Rectangle fps = null;
        if (content.options().fps()) {
            fpsText = String.format("%.1f FPS  %d face%s", content.fps(), faces.size(), faces.size() == 1 ? "" : "s");
            Dimension d = style.label(fpsText);
            fps = new Rectangle(canvas.x + style.px(4), canvas.y + style.px(4), d.width, d.height);
            taken.add(fps);
        }
        List<Rectangle> badges = new ArrayList<>();
        int top = canvas.y;
        for (Badge b : content.badges()) {
            Dimension d = style.label(b.text());
            Rectangle r = new Rectangle(canvas.x + canvas.width - d.width - style.px(5), top + style.px(5), d.width, d.height);
            badges.add(r);
            taken.add(r);
            top = r.y + r.height;
        }
        List<TrackedFace> bySize = faces.stream()
                .sorted(Comparator.comparingInt((TrackedFace f) -> f.box().area()).reversed()).toList();
        Map<Integer, Rectangle> boxes = new HashMap<>();
        for (TrackedFace f : bySize) {
            boxes.put(f.id(), view.map(f.box()));
        }
        Map<Integer, String> texts = new HashMap<>();
        Map<Integer, Rectangle> labels = new HashMap<>();
        if (content.options().boxes()) {
            for (TrackedFace f : bySize) {
                String text = text(f, content.options().ids());
                Rectangle label = placeLabel(boxes.get(f.id()), style.label(text), style, canvas, taken, others(boxes, f.id()));
                texts.put(f.id(), text);
                labels.put(f.id(), label);
                taken.add(label);
            }
        }
        Map<Integer, PanelKind> kinds = new HashMap<>();
        Map<Integer, Rectangle> panels = new HashMap<>();
        for (TrackedFace f : panelOrder(bySize, content.pinned())) {
            if (!content.options().bars() || f.scores().isEmpty()) {
                kinds.put(f.id(), PanelKind.NONE);
                continue;
            }
            boolean full = f == bySize.get(0) || content.pinned().contains(f.id()) || bySize.size() <= FEW;
            Rectangle box = boxes.get(f.id());
            List<Rectangle> obstacles = others(boxes, f.id());
            Rectangle panel = full ? placePanel(f.id(), box, style, canvas, taken, obstacles) : null;
            PanelKind kind = PanelKind.FULL;
            if (panel == null) {
                lastPlace.remove(f.id());
                panel = placeMini(box, labels.get(f.id()), style, canvas, taken, obstacles);
                kind = panel == null ? PanelKind.NONE : PanelKind.MINI;
            }
            kinds.put(f.id(), kind);
            if (panel != null) {
                panels.put(f.id(), panel);
                taken.add(panel);
            }
        }
        lastPlace.keySet().retainAll(boxes.keySet());
        List<Placement> placements = new ArrayList<>();
        for (TrackedFace f : bySize) {
            placements.add(new Placement(f, boxes.get(f.id()), texts.get(f.id()), labels.get(f.id()), kinds.get(f.id()),
                    panels.get(f.id()), content.pinned().contains(f.id())));
        }
        return new Layout(view, style, placements, fps, fpsText, badges);
    }

    /** "Happy 87%  #3", "face  #3" without scores; the id only when {@code ids}. */
    static String text(TrackedFace face, boolean ids) {
        String text = face.scores().map(OverlayLayout::scoreText).orElse("face");
        return ids ? text + "  #" + face.id() : text;
    }

    private static String scoreText(EmotionScores s) {
        return s.top().label() + " " + Math.round(s.confidence() * 100) + "%";
    }

    /** The largest face first, then the pinned ones, then the rest, each group largest first. */
    private static List<TrackedFace> panelOrder(List<TrackedFace> bySize, Set<Integer> pinned) {
        Set<TrackedFace> order = new LinkedHashSet<>();
        if (!bySize.isEmpty()) {
            order.add(bySize.get(0));
        }
        bySize.stream().filter(f -> pinned.contains(f.id())).forEach(order::add);
        order.addAll(bySize);
        return List.copyOf(order);
    }

    private static List<Rectangle> others(Map<Integer, Rectangle> boxes, int id) {
        return boxes.entrySet().stream().filter(e -> e.getKey() != id).map(Map.Entry::getValue).collect(Collectors.toList());
    }

    private static Rectangle placeLabel(Rectangle box, Dimension d, OverlayStyle style, Rectangle canvas, List<Rectangle> taken,
                                        List<Rectangle> otherBoxes) {
        List<Rectangle> candidates = new ArrayList<>();
        int step = Math.max(1, d.width / 3);
        for (int y : new int[] {box.y - d.height, box.y + box.height}) {
            candidates.add(clamp(box.x, y, d, canvas));
            candidates.add(clamp(box.x + box.width - d.width, y, d, canvas));
            for (int k = 1; k * step <= 2 * d.width; k++) {
                candidates.add(clamp(box.x - k * step, y, d, canvas));
                candidates.add(clamp(box.x + k * step, y, d, canvas));
            }
        }
        for (Rectangle c : candidates) {
            if (free(c, canvas, style, taken, otherBoxes, box)) {
                return c;
            }
        }
        List<Rectangle> inside = List.of(clamp(box.x, box.y, d, canvas), clamp(box.x, box.y + box.height - d.height, d, canvas));
        for (Rectangle c : inside) {
            if (free(c, canvas, style, taken, otherBoxes, null)) {
                return c;
            }
        }
        Rectangle best = candidates.get(0);
        long least = Long.MAX_VALUE;
        for (Rectangle c : candidates) {
            long overlap = overlap(c, taken) + overlap(c, otherBoxes);
            if (overlap < least) {
                least = overlap;
                best = c;
            }
        }
        return best;
    }

    private Rectangle placePanel(int id, Rectangle box, OverlayStyle style, Rectangle canvas, List<Rectangle> taken,
                                 List<Rectangle> otherBoxes) {
        Dimension d = style.panel();
        if (d.width > canvas.width || d.height > canvas.height) {
            return null;
        }
        List<Rectangle> beside = around(box, d, style.gap(), canvas);
        List<Rectangle> edge = alongEdge(box, d, canvas);
        Integer last = lastPlace.get(id);
        if (last != null && last < beside.size() && free(beside.get(last), canvas, style, taken, otherBoxes, box)) {
            return beside.get(last);
        }
        for (int i = 0; i < beside.size(); i++) {
            if (free(beside.get(i), canvas, style, taken, otherBoxes, box)) {
                lastPlace.put(id, i);
                return beside.get(i);
            }
        }
        for (Rectangle own : new Rectangle[] {box, null}) {
            for (int i = 0; i < edge.size(); i++) {
                if (free(edge.get(i), canvas, style, taken, otherBoxes, own)) {
                    lastPlace.remove(id);
                    return edge.get(i);
                }
            }
        }
        return null;
    }

    private static Rectangle placeMini(Rectangle box, Rectangle label, OverlayStyle style, Rectangle canvas, List<Rectangle> taken,
                                       List<Rectangle> otherBoxes) {
        Dimension d = style.miniBar();
        List<Rectangle> candidates = new ArrayList<>();
        if (label != null) {
            int x = Math.min(label.x, label.x + label.width - d.width);
            candidates.add(clamp(label.x, label.y - d.height - style.px(1), d, canvas));
            candidates.add(clamp(label.x, label.y + label.height + style.px(1), d, canvas));
            candidates.add(clamp(x, label.y - d.height - style.px(1), d, canvas));
        }
        candidates.addAll(around(box, d, style.gap(), canvas));
        for (Rectangle c : candidates) {
            if (free(c, canvas, style, taken, otherBoxes, box)) {
                return c;
            }
        }
        return null;
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
    private static List<Rectangle> alongEdge(Rectangle box, Dimension d, Rectangle canvas) {
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

    private static void addNew(List<Rectangle> list, Rectangle r) {
        if (!list.contains(r)) {
            list.add(r);
        }
    }

    /** A {@code d}-sized rectangle at ({@code x}, {@code y}) moved inside the canvas. */
    private static Rectangle clamp(int x, int y, Dimension d, Rectangle canvas) {
        int cx = Math.max(canvas.x, Math.min(x, canvas.x + canvas.width - d.width));
        int cy = Math.max(canvas.y, Math.min(y, canvas.y + canvas.height - d.height));
        return new Rectangle(cx, cy, d.width, d.height);
    }

    /** Inside the canvas, clear of what is taken and of other faces (with a pixel to spare), and of {@code own} if given. */
    private static boolean free(Rectangle r, Rectangle canvas, OverlayStyle style, List<Rectangle> taken, List<Rectangle> otherBoxes,
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

    private static long overlap(Rectangle r, List<Rectangle> others) {
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
