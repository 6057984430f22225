package io.emolens.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The soak chart plots each sample's figures at its minute: memory above, counts below. */
class SoakChartTest {
    private static final List<ResourceSample> SAMPLES = List.of(
            new ResourceSample(0, 900, 400, 300, 120, 41, 60, 256),
            new ResourceSample(1.5, 950, 420, 310, 180, 43, 61, 256),
            new ResourceSample(3, 940, 415, 305, 150, 42, 60, 300));

    @Test
    void everySamplesFiguresArePlottedAtItsMinute(@TempDir Path tmp) throws Exception {
        JFreeChart chart = SoakChart.chart(SAMPLES, "bench soak");
        @SuppressWarnings("unchecked")
        List<XYPlot> plots = ((CombinedDomainXYPlot) chart.getPlot()).getSubplots();
        assertEquals(2, plots.size());
        XYDataset memory = plots.get(0).getDataset();
        XYDataset counts = plots.get(1).getDataset();
        assertEquals("MiB", plots.get(0).getRangeAxis().getLabel());
        assertEquals("count", plots.get(1).getRangeAxis().getLabel());
        assertEquals(List.of("RSS", "JavaCPP physical", "JavaCPP tracked buffers", "Java heap used"), names(memory));
        assertEquals(List.of("threads", "open files"), names(counts));
        double[][] expectedMemory = {{900, 950, 940}, {400, 420, 415}, {300, 310, 305}, {120, 180, 150}};
        double[][] expectedCounts = {{41, 43, 42}, {60, 61, 60}};
        assertSeries(expectedMemory, memory);
        assertSeries(expectedCounts, counts);
        assertEquals(2, plots.get(0).getWeight(), "memory gets two thirds of the height");

        Path png = tmp.resolve("soak.png");
        SoakChart.write(SAMPLES, "bench soak", png);
        assertTrue(Files.isRegularFile(png));
        assertEquals(900, ImageIO.read(png.toFile()).getWidth());
    }

    private static List<String> names(XYDataset d) {
        return java.util.stream.IntStream.range(0, d.getSeriesCount()).mapToObj(s -> d.getSeriesKey(s).toString()).toList();
    }

    private static void assertSeries(double[][] expected, XYDataset d) {
        double[] minutes = {0, 1.5, 3};
        for (int s = 0; s < expected.length; s++) {
            assertEquals(3, d.getItemCount(s), d.getSeriesKey(s).toString());
            for (int i = 0; i < 3; i++) {
                assertEquals(minutes[i], d.getXValue(s, i), 0, d.getSeriesKey(s) + " sample " + i);
                assertEquals(expected[s][i], d.getYValue(s, i), 0, d.getSeriesKey(s) + " sample " + i);
            }
        }
    }
}
