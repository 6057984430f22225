package io.emolens.render;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;

import io.emolens.render.Layout.PanelKind;
import io.emolens.render.Layout.Placement;

/**
 * The overlay's promises, checked on a layout's own geometry: no two panels (full or mini) or labels overlap,
 * no panel or label covers another face's box, every face has a readable label inside the picture, and
 * the largest scored face has its full panel. Returns the broken promises in words (empty: all kept).
 */
public final class LayoutChecks {
    /** Smallest text, in canvas pixels, that counts as readable. */
    static final int MIN_FONT_PX = 9;

    private LayoutChecks() {
    }

    public static List<String> problems(Layout layout, boolean labels) {
        List<String> out = new ArrayList<>();
        Rectangle canvas = layout.view().bounds();
        List<Placement> faces = layout.faces();
        if (labels && layout.style().fontSize() < MIN_FONT_PX) {
            out.add("label text " + layout.style().fontSize() + " px < " + MIN_FONT_PX + " px");
        }
        List<Rectangle> reserved = new ArrayList<>(layout.badges());
        if (layout.fps() != null) {
            reserved.add(layout.fps());
        }
        for (Placement a : faces) {
            if (labels) {
                if (a.label() == null) {
                    out.add("#" + a.id() + " has no label");
                } else {
                    if (!canvas.contains(a.label())) {
                        out.add("#" + a.id() + " label " + a.label() + " leaves the picture " + canvas);
                    }
                    if (layout.style().textWidth(a.text()) + 2 * layout.style().pad() > a.label().width) {
                        out.add("#" + a.id() + " label text is wider than its label");
                    }
                    reserved.stream().filter(a.label()::intersects).forEach(r -> out.add("#" + a.id() + " label covers a badge " + r));
                }
            }
            if (a.panel() != PanelKind.NONE) {
                if (!canvas.contains(a.panelBounds())) {
                    out.add("#" + a.id() + " " + a.panel() + " panel leaves the picture");
                }
                reserved.stream().filter(a.panelBounds()::intersects).forEach(r -> out.add("#" + a.id() + " panel covers a badge " + r));
            }
            for (Placement b : faces) {
                if (a == b) {
                    continue;
                }
                if (a.panelBounds() != null && a.panelBounds().intersects(b.box())) {
                    out.add("#" + a.id() + " " + a.panel() + " panel covers face #" + b.id());
                }
                if (labels && a.label() != null && a.label().intersects(b.box())) {
                    out.add("#" + a.id() + " label covers face #" + b.id());
                }
                if (a.id() < b.id()) {
                    for (Rectangle ra : parts(a)) {
                        for (Rectangle rb : parts(b)) {
                            if (ra.intersects(rb)) {
                                out.add("#" + a.id() + " and #" + b.id() + " overlap: " + ra + " " + rb);
                            }
                        }
                    }
                }
            }
            if (a.label() != null && a.panelBounds() != null && a.label().intersects(a.panelBounds())) {
                out.add("#" + a.id() + " panel covers its own label");
            }
        }
        Placement largest = faces.isEmpty() ? null : faces.get(0);
        if (largest != null && largest.face().scores().isPresent() && largest.panel() != PanelKind.FULL) {
            out.add("the largest face #" + largest.id() + " has " + largest.panel() + " instead of its full panel");
        }
        return out;
    }

    private static List<Rectangle> parts(Placement p) {
        List<Rectangle> r = new ArrayList<>();
        if (p.label() != null) {
            r.add(p.label());
        }
        if (p.panelBounds() != null) {
            r.add(p.panelBounds());
        }
        return r;
    }
}
