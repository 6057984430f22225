package io.emolens.train;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.List;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import io.emolens.eval.Offscreen;

/**
 * Renders the learning curves (loss above, accuracy in percent below, train vs validation, and the validation faces'
 * agreement with the FER+ majority when the run has votes) with the best epoch marked and the epochs of a weight
 * average shaded.
 */
public final class CurvesChart {
    /** The accuracy where FER2013 and FER+ agree: orange, apart from the green of the best epoch and the averaged epochs. */
    public static final Color LABELS_AGREE_COLOUR = new Color(0xEF6C00);

    private CurvesChart() {
    }

    public static JFreeChart chart(List<EpochStats> history, int bestEpoch, String title) {
        XYSeries trainLoss = new XYSeries("train loss");
        XYSeries valLoss = new XYSeries("validation loss");
        XYSeries trainAcc = new XYSeries("train accuracy");
        XYSeries valAcc = new XYSeries("validation accuracy");
        XYSeries valFerPlus = new XYSeries("validation agreement with FER+ majority");
        XYSeries valLabelsAgree = new XYSeries("validation accuracy where FER2013 and FER+ agree");
        for (EpochStats s : history) {
            if (s.valFerPlus() != null) {
                valFerPlus.add(s.epoch(), s.valFerPlus().doubleValue());
            }
            if (s.valLabelsAgree() != null) {
                valLabelsAgree.add(s.epoch(), s.valLabelsAgree().doubleValue());
            }
            trainLoss.add(s.epoch(), s.trainLoss());
            valLoss.add(s.epoch(), s.valLoss());
            trainAcc.add(s.epoch(), s.trainAcc());
            valAcc.add(s.epoch(), s.valAcc());
        }
        NumberAxis epochs = new NumberAxis("epoch");
        epochs.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(epochs);
        plot.add(subplot(new XYSeriesCollection(trainLoss), valLoss, "cross-entropy", bestEpoch, 0.1), 1);
        XYPlot accuracy = subplot(new XYSeriesCollection(trainAcc), valAcc, "accuracy", bestEpoch, 0.05);
        if (valFerPlus.getItemCount() > 0) {
            ((XYSeriesCollection) accuracy.getDataset()).addSeries(valFerPlus);
            accuracy.getRenderer().setSeriesPaint(2, new Color(0x8E24AA));
        }
        if (valLabelsAgree.getItemCount() > 0) {
            XYSeriesCollection series = (XYSeriesCollection) accuracy.getDataset();
            series.addSeries(valLabelsAgree);
            accuracy.getRenderer().setSeriesPaint(series.getSeriesCount() - 1, LABELS_AGREE_COLOUR);
        }
        percentAxis((NumberAxis) accuracy.getRangeAxis());
        plot.add(accuracy, 1);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /** Makes {@code axis}, of accuracies from 0 to 1, read 0% to 100% in steps of 20%, as the product speaks. */
    public static void percentAxis(NumberAxis axis) {
        axis.setAutoRange(false);
        axis.setRange(0, 1);
        axis.setTickUnit(new NumberTickUnit(0.2, NumberFormat.getPercentInstance(Locale.ROOT)));
    }

    /** Writes the chart as a PNG. */
    public static void write(List<EpochStats> history, int bestEpoch, String title, Path png) throws IOException {
        write(history, bestEpoch, List.of(), title, png);
    }

    /** Writes the chart as a PNG, with the epochs of a weight average ({@code averaged}, may be empty) shaded. */
    static void write(List<EpochStats> history, int bestEpoch, List<Integer> averaged, String title, Path png) throws IOException {
        Offscreen.prepare();
        JFreeChart chart = chart(history, bestEpoch, title);
        if (!averaged.isEmpty()) {
            for (Object sub : ((CombinedDomainXYPlot) chart.getXYPlot()).getSubplots()) {
                IntervalMarker band = new IntervalMarker(averaged.get(0) - 0.5, averaged.get(averaged.size() - 1) + 0.5,
                        new Color(0x43A047, false), new BasicStroke(1f), null, null, 0.12f);
                band.setLabel("averaged");
                band.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP);
                band.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.TOP_CENTER);
                ((XYPlot) sub).addDomainMarker(band, org.jfree.chart.ui.Layer.BACKGROUND);
            }
        }
        ChartUtils.saveChartAsPNG(png.toFile(), chart, 900, 700);
    }

    private static XYPlot subplot(XYSeriesCollection data, XYSeries validation, String label, int bestEpoch, double minRange) {
        data.addSeries(validation);
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(false);
        axis.setAutoRangeMinimumSize(minRange);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setSeriesPaint(0, new Color(0x1E88E5));
        renderer.setSeriesPaint(1, new Color(0xE53935));
        XYPlot plot = new XYPlot(data, null, axis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        if (bestEpoch > 0) {
            ValueMarker marker = new ValueMarker(bestEpoch, new Color(0x43A047), new BasicStroke(1.5f));
            marker.setLabel("best");
            plot.addDomainMarker(marker);
        }
        return plot;
    }
}
