package io.emolens.ui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.function.LongConsumer;

import javax.swing.UIManager;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import io.emolens.core.Emotion;
import io.emolens.record.LabelSegment;
import io.emolens.session.RecordedSession;

/**
 * One face's seven emotion probabilities over session time (seconds), one line per emotion in its overlay
 * colour, its valence (−1..1, dashed, on the right-hand axis), with the user's label segments as translucent bands in the label's colour and a cursor at the
 * playback position. Clicking the chart seeks there. Touched only on the EDT.
 */
final class TimelineChart {
    private final XYSeriesCollection data = new XYSeriesCollection();
    private final XYSeries valence = new XYSeries("Valence", false, true);
    private final XYPlot plot;
    private final ChartPanel panel;
    private final ValueMarker cursor = new ValueMarker(0);
    private final TextTitle note = new TextTitle("");

    TimelineChart(List<LabelSegment> labels, long durationMs) {
        for (Emotion e : Emotion.values()) {
            XYSeries s = new XYSeries(e.label(), false, true);
            data.addSeries(s);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(null, "session time (s)", "probability", data,
                PlotOrientation.VERTICAL, true, true, false);
        plot = chart.getXYPlot();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (Emotion e : Emotion.values()) {
            renderer.setSeriesPaint(e.index(), new Color(e.rgb()));
            renderer.setSeriesStroke(e.index(), new BasicStroke(1.6f));
        }
        plot.setRenderer(renderer);
        NumberAxis y = (NumberAxis) plot.getRangeAxis();
        y.setRange(0, 1.02);
        NumberAxis valenceAxis = new NumberAxis("valence");
        valenceAxis.setRange(-1.02, 1.02);
        plot.setRangeAxis(1, valenceAxis);
        plot.setDataset(1, new XYSeriesCollection(valence));
        plot.mapDatasetToRangeAxis(1, 1);
        XYLineAndShapeRenderer valenceLine = new XYLineAndShapeRenderer(true, false);
        valenceLine.setSeriesPaint(0, UIManager.getColor("Label.foreground"));
        valenceLine.setSeriesStroke(0, new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] {6f, 4f}, 0f));
        plot.setRenderer(1, valenceLine);
        NumberAxis x = (NumberAxis) plot.getDomainAxis();
        x.setAutoRangeIncludesZero(true);
        x.setRange(0, Math.max(1, durationMs / 1000.0));
        for (LabelSegment s : labels) {
            Color c = new Color(s.label().rgb());
            IntervalMarker band = new IntervalMarker(s.startMs() / 1000.0, s.endMs() / 1000.0,
                    new Color(c.getRed(), c.getGreen(), c.getBlue(), 70));
            band.setLabel("You: " + s.label().label());
            band.setLabelFont(new Font(Font.SANS_SERIF, Font.BOLD, 11));
            band.setLabelPaint(c.darker());
            band.setLabelAnchor(RectangleAnchor.TOP_LEFT);
            band.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            plot.addDomainMarker(band, Layer.BACKGROUND);
        }
        cursor.setPaint(UIManager.getColor("Label.foreground"));
        cursor.setStroke(new BasicStroke(1.5f));
        plot.addDomainMarker(cursor, Layer.FOREGROUND);
        chart.addSubtitle(note);
        chart.setBackgroundPaint(UIManager.getColor("Panel.background"));
        plot.setBackgroundPaint(UIManager.getColor("Panel.background").darker());
        note.setPaint(UIManager.getColor("Label.foreground"));
        chart.getLegend().setBackgroundPaint(UIManager.getColor("Panel.background"));
        chart.getLegend().setItemPaint(UIManager.getColor("Label.foreground"));
        for (NumberAxis axis : List.of(x, y, valenceAxis)) {
            axis.setLabelPaint(UIManager.getColor("Label.foreground"));
            axis.setTickLabelPaint(UIManager.getColor("Label.foreground"));
        }
        panel = new ChartPanel(chart);
        panel.setName("review.timeline");
        panel.setPreferredSize(new java.awt.Dimension(900, 260));
        panel.setMinimumSize(new java.awt.Dimension(300, 180));
        panel.setMouseZoomable(false);
    }

    ChartPanel panel() {
        return panel;
    }

    /** Shows the probabilities of {@code face}'s rows (empty rows: only the label bands, with {@code message}). */
    void showFace(List<RecordedSession.Face> rows, String message) {
        for (int i = 0; i < Emotion.COUNT; i++) {
            data.getSeries(i).clear();
        }
        valence.clear();
        for (RecordedSession.Face f : rows) {
            if (f.scores().isEmpty()) {
                continue;
            }
            double t = f.sessionMs() / 1000.0;
            for (Emotion e : Emotion.values()) {
                data.getSeries(e.index()).add(t, f.scores().get().get(e), false);
            }
            valence.add(t, f.scores().get().valence(), false);
        }
        for (int i = 0; i < Emotion.COUNT; i++) {
            data.getSeries(i).fireSeriesChanged();
        }
        valence.fireSeriesChanged();
        note.setText(message);
    }

    /** Points plotted per emotion (for tests). */
    int points() {
        return data.getSeries(0).getItemCount();
    }

    int bands() {
        return plot.getDomainMarkers(Layer.BACKGROUND) == null ? 0 : plot.getDomainMarkers(Layer.BACKGROUND).size();
    }

    void cursor(long ms) {
        cursor.setValue(ms / 1000.0);
    }

    /** Calls {@code seek} with the session time under a click. */
    void onClick(LongConsumer seek) {
        panel.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                Rectangle2D area = panel.getScreenDataArea();
                if (area == null || !area.contains(e.getPoint())) {
                    return;
                }
                double seconds = plot.getDomainAxis().java2DToValue(e.getX(), area, plot.getDomainAxisEdge());
                seek.accept(Math.max(0, Math.round(seconds * 1000)));
            }
        });
    }
}
