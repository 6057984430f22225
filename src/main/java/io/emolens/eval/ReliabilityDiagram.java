package io.emolens.eval;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A reliability diagram: per top-1 confidence bin, a bar of the accuracy of the faces in it, the gap to the bin's
 * mean confidence shaded over it, the diagonal a perfectly calibrated model would follow, and below, how many faces fall in
 * each bin. Drawn with JFreeChart like the other charts.
 */
public final class ReliabilityDiagram {
    /** Accuracy bars. */
    public static final Color ACCURACY = new Color(8, 48, 107);
    /** The gap between a bin's accuracy and its mean confidence. */
    public static final Color GAP = new Color(214, 39, 40);
    /** Faces per bin. */
    public static final Color COUNT = Color.GRAY;
    static final int WIDTH = 560;
    static final int HEIGHT = 640;

    private ReliabilityDiagram() {
    }

    /**
     * The chart: a combined plot over top-1 confidence, the calibration plot (dataset 0: accuracy bars then gaps as
     * y-intervals; dataset 1: the diagonal) above and the faces per bin below.
     */
    public static JFreeChart chart(Evaluation e, String title) {
        if (e.reliability() == null) {
            throw new IllegalArgumentException("the evaluation of " + e.split() + " has no confidence bins");
        }
        List<Reliability.Bin> bins = e.reliability().bins();
        XYIntervalSeries accuracy = new XYIntervalSeries("accuracy per bin");
        XYIntervalSeries gap = new XYIntervalSeries("gap to the bin's mean confidence");
        XYIntervalSeries faces = new XYIntervalSeries("faces per bin");
        for (Reliability.Bin b : bins) {
            double middle = (b.lower() + b.upper()) / 2;
            faces.add(middle, b.lower(), b.upper(), b.count(), 0, b.count());
            if (b.count() > 0) {
                accuracy.add(middle, b.lower(), b.upper(), b.accuracy(), 0, b.accuracy());
                gap.add(middle, b.lower(), b.upper(), b.meanConfidence(), Math.min(b.accuracy(), b.meanConfidence()),
                        Math.max(b.accuracy(), b.meanConfidence()));
            }
        }
        XYIntervalSeriesCollection calibration = new XYIntervalSeriesCollection();
        calibration.addSeries(accuracy);
        calibration.addSeries(gap);
        XYBarRenderer bars = bars();
        bars.setSeriesPaint(0, ACCURACY);
        bars.setSeriesPaint(1, new Color(GAP.getRed(), GAP.getGreen(), GAP.getBlue(), 90));
        bars.setSeriesOutlinePaint(1, GAP);
        bars.setSeriesOutlineStroke(1, new BasicStroke(2));
        bars.setDrawBarOutline(true);
        bars.setSeriesOutlinePaint(0, ACCURACY);
        NumberAxis accuracyAxis = new NumberAxis("accuracy");
        unitAxis(accuracyAxis);
        XYPlot top = new XYPlot(calibration, null, accuracyAxis, bars);
        top.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
        XYSeries perfect = new XYSeries("perfect calibration");
        perfect.add(0, 0);
        perfect.add(1, 1);
        XYLineAndShapeRenderer diagonal = new XYLineAndShapeRenderer(true, false);
        diagonal.setSeriesPaint(0, Color.DARK_GRAY);
        diagonal.setSeriesStroke(0, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0));
        top.setDataset(1, new XYSeriesCollection(perfect));
        top.setRenderer(1, diagonal);
        XYBarRenderer countBars = bars();
        countBars.setSeriesPaint(0, COUNT);
        NumberAxis countAxis = new NumberAxis("faces");
        countAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        XYPlot bottom = new XYPlot(new XYIntervalSeriesCollection(), null, countAxis, countBars);
        ((XYIntervalSeriesCollection) bottom.getDataset()).addSeries(faces);
        NumberAxis confidence = new NumberAxis("top-1 confidence");
        unitAxis(confidence);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(confidence);
        plot.setGap(8);
        for (XYPlot sub : List.of(top, bottom)) {
            sub.setBackgroundPaint(Color.WHITE);
            sub.setRangeGridlinePaint(Color.LIGHT_GRAY);
            sub.setDomainGridlinePaint(Color.LIGHT_GRAY);
        }
        plot.add(top, 5);
        plot.add(bottom, 1);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.addSubtitle(new TextTitle(String.format("%s: ECE %.4f (%d bins)   log-loss %.4f   accuracy %.2f%%   n = %d", e.split(),
                e.ece(), bins.size(), e.logLoss(), 100 * e.accuracy(), e.confusion().total()), new Font(Font.SANS_SERIF, Font.PLAIN, 11)));
        return chart;
    }

    public static BufferedImage render(Evaluation e, String title) {
        Offscreen.prepare();
        return chart(e, title).createBufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB, null);
    }

    /** Renders and writes a PNG, creating the folder. */
    public static void write(Evaluation e, String title, Path png) {
        Offscreen.writePng(render(e, title), png, "reliability diagram");
    }

    /** Flat bars that span their x-interval and run between their y-interval's ends. */
    private static XYBarRenderer bars() {
        XYBarRenderer r = new XYBarRenderer();
        r.setBarPainter(new StandardXYBarPainter());
        r.setShadowVisible(false);
        r.setUseYInterval(true);
        r.setMargin(0.04);
        return r;
    }

    private static void unitAxis(NumberAxis axis) {
        axis.setAutoRange(false);
        axis.setRange(0, 1);
        axis.setTickUnit(new NumberTickUnit(0.2));
    }
}
