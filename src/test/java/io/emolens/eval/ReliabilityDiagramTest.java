package io.emolens.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.IntervalXYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reliability table known by construction: 10 faces at confidence 0.9 of which 5 right (bin 14 of 15,
 * over-confident), 4 at 0.3 of which 3 right (bin 5, under-confident). The chart's data and its pixels must show it.
 */
class ReliabilityDiagramTest {
    private static final double OVER_MIDDLE = 13.5 / 15;
    private static final double UNDER_MIDDLE = 4.5 / 15;

    private static Evaluation known() {
        Reliability r = new Reliability();
        for (int i = 0; i < 10; i++) {
            r.add(0.9, i < 5);
        }
        for (int i = 0; i < 4; i++) {
            r.add(0.3, i < 3);
        }
        long[][] cells = new long[7][7];
        cells[0][0] = 8;
        cells[0][1] = 6;
        return new Evaluation("PrivateTest", ConfusionMatrix.of(cells), 1.0, r);
    }

    @Test
    void theChartHoldsEachBinsAccuracyGapAndCount() {
        JFreeChart chart = ReliabilityDiagram.chart(known(), "Reliability");
        List<XYPlot> plots = subplots(chart);
        IntervalXYDataset calibration = (IntervalXYDataset) plots.get(0).getDataset(0);
        assertEquals(2, calibration.getItemCount(0), "a bar for each bin with faces");
        assertEquals(13 / 15.0, calibration.getStartXValue(0, 1), 1e-12);
        assertEquals(14 / 15.0, calibration.getEndXValue(0, 1), 1e-12);
        assertEquals(0.5, calibration.getEndYValue(0, 1), 1e-12, "5 of 10 right");
        assertEquals(0.75, calibration.getEndYValue(0, 0), 1e-12, "3 of 4 right");
        assertEquals(0.5, calibration.getStartYValue(1, 1), 1e-12, "the gap runs from the accuracy ...");
        assertEquals(0.9, calibration.getEndYValue(1, 1), 1e-12, "... to the mean confidence");
        assertEquals(0.3, calibration.getStartYValue(1, 0), 1e-12);
        assertEquals(0.75, calibration.getEndYValue(1, 0), 1e-12);
        IntervalXYDataset faces = (IntervalXYDataset) plots.get(1).getDataset();
        assertEquals(15, faces.getItemCount(0));
        assertEquals(10, faces.getEndYValue(0, 13), 0);
        assertEquals(4, faces.getEndYValue(0, 4), 0);
        assertEquals(0, faces.getEndYValue(0, 0), 0);
    }

    @Test
    void theImageShowsTheBarsWhereTheTableSays(@TempDir Path tmp) throws Exception {
        JFreeChart chart = ReliabilityDiagram.chart(known(), "Reliability");
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage img = chart.createBufferedImage(ReliabilityDiagram.WIDTH, ReliabilityDiagram.HEIGHT, BufferedImage.TYPE_INT_RGB, info);
        XYPlot calibration = subplots(chart).get(0);
        XYPlot faces = subplots(chart).get(1);
        Rectangle2D top = info.getPlotInfo().getSubplotInfo(0).getDataArea();
        Rectangle2D bottom = info.getPlotInfo().getSubplotInfo(1).getDataArea();

        assertEquals(ReliabilityDiagram.ACCURACY, at(img, calibration, top, OVER_MIDDLE, 0.25), "under the accuracy of 0.5");
        assertTrue(reddish(at(img, calibration, top, OVER_MIDDLE, 0.7)), "between 0.5 and 0.9: the gap");
        assertEquals(Color.WHITE, at(img, calibration, top, OVER_MIDDLE, 0.97), "above the mean confidence");
        assertEquals(ReliabilityDiagram.ACCURACY, at(img, calibration, top, UNDER_MIDDLE, 0.15), "under the mean confidence of 0.3");
        Color shaded = at(img, calibration, top, UNDER_MIDDLE, 0.5);
        assertTrue(shaded.getRed() > ReliabilityDiagram.ACCURACY.getRed() + 30 && shaded.getBlue() < 200,
                "between 0.3 and 0.75 the gap shades the bar: " + shaded);
        assertEquals(Color.WHITE, at(img, calibration, top, UNDER_MIDDLE, 0.85), "above both");
        assertEquals(Color.WHITE, at(img, calibration, top, 10.5 / 15, 0.5), "an empty bin has no bar");

        assertEquals(ReliabilityDiagram.COUNT, at(img, faces, bottom, OVER_MIDDLE, 9.5), "10 faces");
        assertEquals(ReliabilityDiagram.COUNT, at(img, faces, bottom, UNDER_MIDDLE, 3.5), "4 faces");
        assertEquals(Color.WHITE, at(img, faces, bottom, UNDER_MIDDLE, 4.5), "only 4 faces");

        assertSamePixels(img, ReliabilityDiagram.render(known(), "Reliability"));
        Path png = tmp.resolve("out/eval-reliability.png");
        ReliabilityDiagram.write(known(), "Reliability", png);
        assertSamePixels(img, ImageIO.read(png.toFile()));
    }

    @Test
    void anEvaluationWithoutBinsIsRefused() {
        Evaluation none = new Evaluation("PrivateTest", ConfusionMatrix.of(new long[7][7]), Double.NaN);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReliabilityDiagram.chart(none, "x"));
        assertEquals("the evaluation of PrivateTest has no confidence bins", e.getMessage());
    }

    @SuppressWarnings("unchecked")
    private static List<XYPlot> subplots(JFreeChart chart) {
        return ((CombinedDomainXYPlot) chart.getPlot()).getSubplots();
    }

    private static Color at(BufferedImage img, XYPlot plot, Rectangle2D area, double x, double y) {
        double px = plot.getDomainAxis().valueToJava2D(x, area, plot.getDomainAxisEdge());
        double py = plot.getRangeAxis().valueToJava2D(y, area, plot.getRangeAxisEdge());
        return new Color(img.getRGB((int) Math.round(px), (int) Math.round(py)));
    }

    private static void assertSamePixels(BufferedImage expected, BufferedImage actual) {
        assertEquals(expected.getWidth(), actual.getWidth());
        assertEquals(expected.getHeight(), actual.getHeight());
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                if (expected.getRGB(x, y) != actual.getRGB(x, y)) {
                    assertEquals(new Color(expected.getRGB(x, y)), new Color(actual.getRGB(x, y)), "pixel " + x + ", " + y);
                }
            }
        }
    }

    private static boolean reddish(Color c) {
        return c.getRed() > c.getGreen() + 40 && c.getRed() > c.getBlue() + 40;
    }
}
