package io.emolens.render;

import java.awt.Dimension;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.emolens.core.EmotionScores;
import io.emolens.render.Layout.PanelKind;
import io.emolens.render.Layout.Placement;
import io.emolens.track.TrackedFace;

/**
 * Places the overlay of a frame so that nothing piles up however many faces there are. Every face gets its box
 * and a compact label (emotion, confidence, id) above or below the box, else beside it, else inside it; the full
 * 7-bar panel goes to the faces that matter (the largest, those the user pinned, or all of them when there are at
 * most {@link #FEW}), the others get a one-line mini bar. A panel is placed where it covers no other face, label,
 * panel or badge: right of the box, left, below, above (sliding along each side), then anywhere along the
 * picture's edge, first clear of its own face, then over it; with no room left it shrinks to a mini bar, and a
 * mini bar with no room is left out.
 * <p>
 * Panels remember their place beside the face on the previous frame per track id and try it first, so they do
 * not jump from side to side as faces move. One instance per view; not thread-safe.
 */
public final class OverlayLayout {
    /** Up to this many faces, every face is offered the full panel. */
    public static final int FEW = 3;
    /** The widest text the valence gauge shows; the gauge is as wide and two lines high (text, then the bar). */
    static final String VALENCE_PROTOTYPE = "Valence -0.00  (largest face)";
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
        Rectangle valence = null;
        Float valenceValue = null;
        if (content.options().valence() && !bySize.isEmpty() && bySize.get(0).scores().isPresent()) {
            valenceValue = bySize.get(0).scores().get().valence();
            Dimension d = style.label(VALENCE_PROTOTYPE);
            valence = new Rectangle(canvas.x + style.px(4), canvas.y + canvas.height - d.height * 2 - style.px(4), d.width, d.height * 2);
            taken.add(valence);
        }
        Map<Integer, Rectangle> boxes = new LinkedHashMap<>();
        for (TrackedFace f : bySize) {
            boxes.put(f.id(), view.map(f.box()));
        }
        Map<Integer, String> texts = new HashMap<>();
        Map<Integer, Rectangle> labels = Map.of();
        if (content.options().boxes()) {
            Map<Integer, Dimension> sizes = new HashMap<>();
            for (TrackedFace f : bySize) {
                texts.put(f.id(), text(f, content.options().ids()));
                sizes.put(f.id(), style.label(texts.get(f.id())));
            }
            labels = new LabelPlacer(boxes, style, canvas, taken).place(bySize.stream().map(TrackedFace::id).toList(), sizes);
            taken.addAll(labels.values());
        }
        Map<Integer, PanelKind> kinds = new HashMap<>();
        Map<Integer, Rectangle> panels = new HashMap<>();
        for (TrackedFace f : panelOrder(bySize, content.pinned())) {
            if (!content.options().bars() || f.scores().isEmpty()) {
                kinds.put(f.id(), PanelKind.NONE);
                continue;
            }
            boolean full = f.id() == bySize.get(0).id() || content.pinned().contains(f.id()) || bySize.size() <= FEW;
            Rectangle box = boxes.get(f.id());
            List<Rectangle> obstacles = Spots.others(boxes, f.id());
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
        return new Layout(view, style, placements, fps, fpsText, badges, valence, valenceValue);
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

    private Rectangle placePanel(int id, Rectangle box, OverlayStyle style, Rectangle canvas, List<Rectangle> taken,
                                 List<Rectangle> otherBoxes) {
        Dimension d = style.panel();
        if (d.width > canvas.width || d.height > canvas.height) {
            return null;
        }
        List<Rectangle> beside = Spots.around(box, d, style.gap(), canvas);
        List<Rectangle> edge = Spots.alongEdge(box, d, canvas);
        Integer last = lastPlace.get(id);
        if (last != null && last < beside.size() && Spots.free(beside.get(last), canvas, style, taken, otherBoxes, box)) {
            return beside.get(last);
        }
        for (int i = 0; i < beside.size(); i++) {
            if (Spots.free(beside.get(i), canvas, style, taken, otherBoxes, box)) {
                lastPlace.put(id, i);
                return beside.get(i);
            }
        }
        for (Rectangle own : new Rectangle[] {box, null}) {
            for (int i = 0; i < edge.size(); i++) {
                if (Spots.free(edge.get(i), canvas, style, taken, otherBoxes, own)) {
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
            candidates.add(Spots.clamp(label.x, label.y - d.height - style.px(1), d, canvas));
            candidates.add(Spots.clamp(label.x, label.y + label.height + style.px(1), d, canvas));
            candidates.add(Spots.clamp(x, label.y - d.height - style.px(1), d, canvas));
        }
        candidates.addAll(Spots.around(box, d, style.gap(), canvas));
        for (Rectangle c : candidates) {
            if (Spots.free(c, canvas, style, taken, otherBoxes, box)) {
                return c;
            }
        }
        return null;
    }
}
