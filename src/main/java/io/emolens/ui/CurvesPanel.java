package io.emolens.ui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GridLayout;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.swing.JPanel;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardXYToolTipGenerator;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import io.emolens.train.BatchProgress;
import io.emolens.train.CurvesChart;
import io.emolens.train.EpochStats;

/**
 * Live learning curves: loss (train, validation, smoothed per-batch fit loss) and accuracy in percent (train,
 * validation, 0-100%) against epochs, with the best epoch marked. One point per finished epoch; touched only on the EDT.
 */
final class CurvesPanel extends JPanel {
    private static final double BATCH_SMOOTHING = 0.05;
    private final XYSeries trainLoss = new XYSeries("train loss");
    private final XYSeries valLoss = new XYSeries("validation loss");
    private final XYSeries batchLoss = new XYSeries("batch loss (smoothed)");
    private final XYSeries trainAcc = new XYSeries("train accuracy");
    private final XYSeries valAcc = new XYSeries("validation accuracy");
    private final XYSeries valFerPlus = new XYSeries("agreement with FER+ majority");
    private final XYSeries valLabelsAgree = new XYSeries("accuracy where FER2013 and FER+ agree");
    private final XYPlot lossPlot;
    private final XYPlot accPlot;
    private final List<EpochStats> history = new ArrayList<>();
    private double smoothedBatchLoss = Double.NaN;
    private int bestEpoch;

    CurvesPanel() {
        super(new GridLayout(1, 2, 8, 0));
        XYSeriesCollection losses = new XYSeriesCollection();
        losses.addSeries(trainLoss);
        losses.addSeries(valLoss);
        losses.addSeries(batchLoss);
        XYSeriesCollection accuracies = new XYSeriesCollection();
        accuracies.addSeries(trainAcc);
        accuracies.addSeries(valAcc);
        accuracies.addSeries(valFerPlus);
        accuracies.addSeries(valLabelsAgree);
        JFreeChart loss = chart("Loss", losses, new Color[] {new Color(0x1E88E5), new Color(0xE53935), new Color(0x90CAF9)});
        JFreeChart acc = chart("Accuracy", accuracies, new Color[] {new Color(0x1E88E5), new Color(0xE53935), new Color(0x8E24AA), CurvesChart.LABELS_AGREE_COLOUR});
        lossPlot = loss.getXYPlot();
        accPlot = acc.getXYPlot();
        CurvesChart.percentAxis((NumberAxis) accPlot.getRangeAxis());
        accPlot.getRenderer().setDefaultToolTipGenerator(new StandardXYToolTipGenerator("{0}: epoch {1}, {2}",
                NumberFormat.getIntegerInstance(), NumberFormat.getPercentInstance(Locale.ROOT)));
        ((XYLineAndShapeRenderer) lossPlot.getRenderer()).setSeriesShapesVisible(2, false);
        add(new ChartPanel(loss));
        add(new ChartPanel(acc));
    }

    void addBatch(BatchProgress p) {
        smoothedBatchLoss = Double.isNaN(smoothedBatchLoss) ? p.loss() : BATCH_SMOOTHING * p.loss() + (1 - BATCH_SMOOTHING) * smoothedBatchLoss;
        if (p.batch() % Math.max(1, p.batches() / 50) == 0) {
            batchLoss.add(p.epoch() - 1 + (double) p.batch() / p.batches(), smoothedBatchLoss);
        }
    }

    void addEpoch(EpochStats s, int best) {
        history.add(s);
        trainLoss.addOrUpdate(s.epoch(), s.trainLoss());
        valLoss.addOrUpdate(s.epoch(), s.valLoss());
        trainAcc.addOrUpdate(s.epoch(), s.trainAcc());
        valAcc.addOrUpdate(s.epoch(), s.valAcc());
        if (s.valFerPlus() != null) {
            valFerPlus.addOrUpdate(s.epoch(), s.valFerPlus().doubleValue());
        }
        if (s.valLabelsAgree() != null) {
            valLabelsAgree.addOrUpdate(s.epoch(), s.valLabelsAgree().doubleValue());
        }
        markBest(best);
    }

    /** Epoch points shown, for tests: one per finished epoch. */
    int epochPoints() {
        return valLoss.getItemCount();
    }

    /** Epoch points of the FER+ majority agreement, for tests: one per finished epoch of a run with FER+ votes. */
    int ferPlusPoints() {
        return valFerPlus.getItemCount();
    }

    /** Epoch points of the accuracy where FER2013's label is the FER+ majority, for tests. */
    int labelsAgreePoints() {
        return valLabelsAgree.getItemCount();
    }

    /** The accuracy axis (0 to 1, shown as 0% to 100%), for tests. */
    NumberAxis accuracyAxis() {
        return (NumberAxis) accPlot.getRangeAxis();
    }

    int bestEpoch() {
        return bestEpoch;
    }

    List<EpochStats> history() {
        return List.copyOf(history);
    }

    void clear() {
        history.clear();
        for (XYSeries s : List.of(trainLoss, valLoss, batchLoss, trainAcc, valAcc, valFerPlus, valLabelsAgree)) {
            s.clear();
        }
        smoothedBatchLoss = Double.NaN;
        markBest(0);
    }

    private void markBest(int best) {
        bestEpoch = best;
        for (XYPlot plot : List.of(lossPlot, accPlot)) {
            plot.clearDomainMarkers();
            if (best > 0) {
                ValueMarker marker = new ValueMarker(best, new Color(0x43A047), new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
                        BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f));
                marker.setLabel("best epoch " + best);
                marker.setLabelPaint(new Color(0x43A047));
                marker.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.BOTTOM_LEFT);
                marker.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_RIGHT);
                plot.addDomainMarker(marker);
            }
        }
    }

    private static JFreeChart chart(String title, XYSeriesCollection data, Color[] colours) {
        JFreeChart chart = ChartFactory.createXYLineChart(title, "epoch", title.toLowerCase(), data, PlotOrientation.VERTICAL, true, true, false);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < colours.length; i++) {
            renderer.setSeriesPaint(i, colours[i]);
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        plot.setRenderer(renderer);
        ((NumberAxis) plot.getDomainAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        return chart;
    }
}
