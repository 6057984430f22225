package io.emolens.report;

import java.util.List;
import java.util.Locale;

import io.emolens.core.Emotion;
import io.emolens.record.LabelSegment;

/**
 * The report's charts as inline SVG markup: vector graphics that need no network, scale to the page and print
 * sharply. Each chart carries a {@code <title>} naming what it shows, for screen readers and tests.
 */
final class SvgCharts {
    static final int WIDTH = 720;
    private static final int LEFT = 46;
    private static final int RIGHT = 12;
    private static final int TOP = 10;
    private static final int BOTTOM = 34;

    private SvgCharts() {
    }

    /** Horizontal bars: the share of each emotion as the top one. */
    static String shares(SessionFigures.Share share, String title) {
        int row = 24;
        int labelWidth = 90;
        int barMax = WIDTH - labelWidth - 70;
        int height = row * Emotion.COUNT + 8;
        StringBuilder svg = open(title, height);
        int y = 4;
        for (Emotion e : Emotion.values()) {
            double f = share.fraction(e);
            svg.append(text(labelWidth - 8, y + 16, "end", 13, "#222", e.label()));
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>",
                    labelWidth, y + 3, Math.max(f * barMax, 0.5), row - 6, color(e)));
            svg.append(text((int) (labelWidth + f * barMax + 6), y + 16, "start", 12, "#222", percent(f)));
            y += row;
        }
        return svg.append("</svg>").toString();
    }

    /** One stacked bar per tracked face: how its time divides among the emotions. */
    static String trackBars(List<SessionFigures.Track> tracks, String title) {
        int row = 26;
        int labelWidth = 150;
        int barMax = WIDTH - labelWidth - 10;
        int height = row * tracks.size() + 34;
        StringBuilder svg = open(title, height);
        int y = 2;
        for (SessionFigures.Track t : tracks) {
            svg.append(text(labelWidth - 8, y + 17, "end", 12, "#222",
                    "Face #" + t.id() + " · " + clock(t.firstMs()) + "–" + clock(t.lastMs())));
            double x = labelWidth;
            for (Emotion e : Emotion.values()) {
                double w = t.share().fraction(e) * barMax;
                if (w > 0) {
                    svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>%s %s</title></rect>",
                            x, y + 4, w, row - 8, color(e), e.label(), percent(t.share().fraction(e))));
                    if (w > 34) {
                        svg.append(text((int) (x + w / 2), y + 17, "middle", 11, "#fff", percent(t.share().fraction(e))));
                    }
                }
                x += w;
            }
            y += row;
        }
        legend(svg, labelWidth, y + 22);
        return svg.append("</svg>").toString();
    }

    /** The seven probabilities of the largest face over session time, with the user's label bands. */
    static String emotionTimeline(List<SessionFigures.Bin> bins, List<LabelSegment> labels, double durationS, String title) {
        int height = 250;
        int plotBottom = height - BOTTOM - 22;
        StringBuilder svg = open(title, height);
        Frame frame = new Frame(durationS, plotBottom, 0, 1);
        bands(svg, labels, frame);
        frame.axes(svg, new double[] {0, 0.25, 0.5, 0.75, 1}, "probability");
        for (Emotion e : Emotion.values()) {
            svg.append(polyline(bins, frame, b -> b.probabilities()[e.index()], color(e), 1.6));
        }
        legend(svg, LEFT, height - 14);
        return svg.append("</svg>").toString();
    }

    /** The largest face's valence (−1..1) over session time, with the user's label bands and the zero line. */
    static String valenceTimeline(List<SessionFigures.Bin> bins, List<LabelSegment> labels, double durationS, String title) {
        int height = 200;
        int plotBottom = height - BOTTOM;
        StringBuilder svg = open(title, height);
        Frame frame = new Frame(durationS, plotBottom, -1, 1);
        bands(svg, labels, frame);
        frame.axes(svg, new double[] {-1, -0.5, 0, 0.5, 1}, "valence");
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#666\" stroke-width=\"1\"/>",
                LEFT, frame.y(0), WIDTH - RIGHT, frame.y(0)));
        svg.append(polyline(bins, frame, SessionFigures.Bin::valence, "#1a1a1a", 2));
        return svg.append("</svg>").toString();
    }

    private interface Value {
        double of(SessionFigures.Bin bin);
    }

    /** Maps session seconds and a value range onto the plot area. */
    private record Frame(double durationS, int plotBottom, double min, double max) {
        double x(double seconds) {
            return LEFT + seconds / durationS * (WIDTH - LEFT - RIGHT);
        }

        double y(double v) {
            return plotBottom - (v - min) / (max - min) * (plotBottom - TOP);
        }

        void axes(StringBuilder svg, double[] yTicks, String yName) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#999\"/>",
                    LEFT, TOP, WIDTH - LEFT - RIGHT, plotBottom - TOP));
            for (double v : yTicks) {
                svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>",
                        LEFT, y(v), WIDTH - RIGHT, y(v)));
                svg.append(text(LEFT - 5, (int) Math.round(y(v)) + 4, "end", 11, "#444", trim(v)));
            }
            svg.append(String.format(Locale.ROOT, "<text x=\"12\" y=\"%.1f\" font-size=\"11\" fill=\"#444\" text-anchor=\"middle\" "
                    + "transform=\"rotate(-90 12 %.1f)\">%s</text>", (TOP + plotBottom) / 2.0, (TOP + plotBottom) / 2.0, yName));
            double step = tickStep(durationS);
            for (double t = 0; t <= durationS + 1e-9; t += step) {
                svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#999\"/>", x(t), plotBottom, x(t), plotBottom + 4));
                svg.append(text((int) Math.round(x(t)), plotBottom + 16, "middle", 11, "#444", clock(Math.round(t * 1000))));
            }
            svg.append(text((WIDTH + LEFT) / 2, plotBottom + 30, "middle", 11, "#444", "session time"));
        }
    }

    private static void bands(StringBuilder svg, List<LabelSegment> labels, Frame frame) {
        for (LabelSegment s : labels) {
            double x0 = frame.x(s.startMs() / 1000.0);
            double x1 = frame.x(Math.min(s.endMs() / 1000.0, frame.durationS()));
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\" fill-opacity=\"0.22\"><title>You: %s</title></rect>",
                    x0, TOP, Math.max(1, x1 - x0), frame.plotBottom() - TOP, color(s.label()), s.label().label()));
            if (x1 - x0 > 40) {
                svg.append(text((int) x0 + 3, TOP + 12, "start", 11, "#333", "You: " + s.label().label()));
            }
        }
    }

    /** Bins closer than twice their width are joined; a longer gap (no face) breaks the line. */
    private static String polyline(List<SessionFigures.Bin> bins, Frame frame, Value value, String color, double width) {
        StringBuilder out = new StringBuilder();
        StringBuilder points = new StringBuilder();
        SessionFigures.Bin previous = null;
        for (SessionFigures.Bin b : bins) {
            if (previous != null && b.startS() - previous.endS() > 2 * (b.endS() - b.startS())) {
                out.append(line(points, color, width));
                points.setLength(0);
            }
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", frame.x(b.midS()), frame.y(value.of(b))));
            previous = b;
        }
        return out.append(line(points, color, width)).toString();
    }

    private static String line(StringBuilder points, String color, double width) {
        if (points.length() == 0) {
            return "";
        }
        return String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"%.1f\" stroke-linejoin=\"round\" points=\"%s\"/>",
                color, width, points.toString().trim());
    }

    private static void legend(StringBuilder svg, int x, int y) {
        int step = (WIDTH - x) / Emotion.COUNT;
        for (Emotion e : Emotion.values()) {
            int at = x + e.index() * step;
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>", at, y - 10, color(e)));
            svg.append(text(at + 16, y, "start", 12, "#222", e.label()));
        }
    }

    private static StringBuilder open(String title, int height) {
        return new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"100%%\" role=\"img\" aria-label=\"%s\" "
                        + "font-family=\"Helvetica, Arial, sans-serif\"><title>%s</title>",
                WIDTH, height, Html.escape(title), Html.escape(title)));
    }

    private static String text(int x, int y, String anchor, int size, String fill, String s) {
        return String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\" font-size=\"%d\" fill=\"%s\">%s</text>",
                x, y, anchor, size, fill, Html.escape(s));
    }

    static String color(Emotion e) {
        return String.format("#%06x", e.rgb() & 0xffffff);
    }

    static String percent(double f) {
        return String.format(Locale.ROOT, f < 0.1 && f > 0 ? "%.1f%%" : "%.0f%%", 100 * f);
    }

    /** {@code m:ss} (or {@code h:mm:ss}) of session milliseconds. */
    static String clock(long ms) {
        long s = Math.round(ms / 1000.0);
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String.format("%d:%02d", s / 60, s % 60);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static double tickStep(double durationS) {
        double[] steps = {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200};
        for (double s : steps) {
            if (durationS / s <= 10) {
                return s;
            }
        }
        return Math.ceil(durationS / 10 / 3600) * 3600;
    }
}
