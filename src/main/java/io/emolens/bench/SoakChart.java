package io.emolens.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The soak's samples as a PNG: memory (RSS, JavaCPP physical and tracked, heap) above, threads and open files below. */
public final class SoakChart {
    private SoakChart() {
    }

    /** The chart: a combined plot over minutes, memory in MiB (weight 2) above the thread and open-file counts. */
    public static JFreeChart chart(List<ResourceSample> samples, String title) {
        XYSeries rss = new XYSeries("RSS");
        XYSeries javacpp = new XYSeries("JavaCPP physical");
        XYSeries tracked = new XYSeries("JavaCPP tracked buffers");
        XYSeries heap = new XYSeries("Java heap used");
        XYSeries threads = new XYSeries("threads");
        XYSeries files = new XYSeries("open files");
        for (ResourceSample s : samples) {
            rss.add(s.minute(), s.rssMb());
            javacpp.add(s.minute(), s.javacppMb());
            tracked.add(s.minute(), s.javacppTrackedMb());
            heap.add(s.minute(), s.heapUsedMb());
            threads.add(s.minute(), s.threads());
            files.add(s.minute(), s.openFiles());
        }
        XYSeriesCollection memory = new XYSeriesCollection();
        memory.addSeries(rss);
        memory.addSeries(javacpp);
        memory.addSeries(tracked);
        memory.addSeries(heap);
        XYSeriesCollection counts = new XYSeriesCollection();
        counts.addSeries(threads);
        counts.addSeries(files);
        NumberAxis mb = new NumberAxis("MiB");
        NumberAxis n = new NumberAxis("count");
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(new NumberAxis("minute"));
        plot.add(new XYPlot(memory, null, mb, new XYLineAndShapeRenderer(true, true)), 2);
        plot.add(new XYPlot(counts, null, n, new XYLineAndShapeRenderer(true, true)), 1);
        return new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    }

    public static void write(List<ResourceSample> samples, String title, Path png) throws IOException {
        ChartUtils.saveChartAsPNG(png.toFile(), chart(samples, title), 900, 640);
    }
}
