package io.emolens.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Color;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import javax.swing.SwingUtilities;

import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;

import io.emolens.core.Emotion;
import io.emolens.core.EmotionScores;
import io.emolens.core.FaceBox;
import io.emolens.record.LabelSegment;
import io.emolens.session.RecordedSession;

/**
 * The review's timeline plots a face's seven probabilities and its valence at their session time in seconds, each label segment as a
 * band of its emotion's colour over its time, and the cursor at the playback position.
 */
class TimelineChartTest {
    private static final float[] FIRST = {0.05f, 0.05f, 0.1f, 0.6f, 0.1f, 0.05f, 0.05f};
    private static final float[] SECOND = {0.5f, 0.1f, 0.1f, 0.1f, 0.1f, 0.05f, 0.05f};

    @Test
    void plotsTheFacesProbabilitiesTheLabelBandsAndTheCursor() throws Exception {
        List<LabelSegment> labels = List.of(new LabelSegment(0, 1500, Emotion.HAPPY), new LabelSegment(2000, 3250, Emotion.ANGRY));
        List<RecordedSession.Face> rows = List.of(row(10, 400, FIRST), new RecordedSession.Face(20, 900, 1, new FaceBox(10, 10, 50, 50),
                Optional.empty(), Optional.empty(), 900), row(30, 2600, SECOND));
        SwingUtilities.invokeAndWait(() -> {
            TimelineChart timeline = new TimelineChart(labels, 4000);
            timeline.showFace(rows, "face #1");
            timeline.cursor(2600);
            XYPlot plot = timeline.panel().getChart().getXYPlot();
            XYDataset data = plot.getDataset();
            assertEquals(Emotion.COUNT, data.getSeriesCount());
            for (Emotion e : Emotion.values()) {
                assertEquals(e.label(), data.getSeriesKey(e.index()));
                assertEquals(new Color(e.rgb()), plot.getRenderer().getSeriesPaint(e.index()), e + "'s line in its overlay colour");
                assertEquals(2, data.getItemCount(e.index()), "a row without probabilities is not plotted");
                assertEquals(0.4, data.getXValue(e.index(), 0), 1e-12);
                assertEquals(FIRST[e.index()], data.getYValue(e.index(), 0), 1e-7, e + " at 0.4 s");
                assertEquals(2.6, data.getXValue(e.index(), 1), 1e-12);
                assertEquals(SECOND[e.index()], data.getYValue(e.index(), 1), 1e-7, e + " at 2.6 s");
            }
            XYDataset valence = plot.getDataset(1);
            assertEquals("Valence", valence.getSeriesKey(0));
            assertEquals("valence", plot.getRangeAxisForDataset(1).getLabel(), "valence on its own axis");
            assertEquals(-1.02, plot.getRangeAxisForDataset(1).getLowerBound(), 1e-12);
            assertEquals(2, valence.getItemCount(0));
            assertEquals(0.6 - 0.1, valence.getYValue(0, 0), 1e-6, "Happy 0.6 minus the strongest negative, 0.1");
            assertEquals(0.1 - 0.5, valence.getYValue(0, 1), 1e-6, "Happy 0.1 minus Angry 0.5");
            assertEquals(2.6, valence.getXValue(0, 1), 1e-12);
            assertEquals(0, plot.getRangeAxis().getLowerBound());
            assertEquals(4, plot.getDomainAxis().getUpperBound(), 1e-12, "the axis spans the session");

            List<IntervalMarker> bands = plot.getDomainMarkers(Layer.BACKGROUND).stream().map(m -> (IntervalMarker) m).toList();
            assertEquals(2, bands.size());
            for (int i = 0; i < 2; i++) {
                LabelSegment s = labels.get(i);
                assertEquals(s.startMs() / 1000.0, bands.get(i).getStartValue(), 1e-12);
                assertEquals(s.endMs() / 1000.0, bands.get(i).getEndValue(), 1e-12);
                assertEquals("You: " + s.label().label(), bands.get(i).getLabel());
                Color c = (Color) bands.get(i).getPaint();
                assertEquals(s.label().rgb(), c.getRGB() & 0xFFFFFF, "the band in " + s.label() + "'s colour");
                assertEquals(70, c.getAlpha(), "translucent");
            }
            Collection<?> front = plot.getDomainMarkers(Layer.FOREGROUND);
            assertEquals(1, front.size());
            assertEquals(2.6, ((ValueMarker) front.iterator().next()).getValue(), 1e-12, "the cursor at the playback position");
            assertEquals("face #1", ((org.jfree.chart.title.TextTitle) timeline.panel().getChart().getSubtitle(1)).getText());

            timeline.showFace(List.of(), "no probabilities");
            assertEquals(0, data.getItemCount(0), "the previous face's lines are gone");
            assertEquals(0, valence.getItemCount(0), "and its valence");
            assertEquals(2, plot.getDomainMarkers(Layer.BACKGROUND).size(), "the bands stay");
        });
    }

    private static RecordedSession.Face row(long frame, long sessionMs, float[] p) {
        EmotionScores scores = new EmotionScores(p.clone());
        return new RecordedSession.Face(frame, sessionMs, 1, new FaceBox(10, 10, 50, 50), Optional.of(scores), Optional.of(scores.top()),
                sessionMs);
    }
}
