package io.emolens.train;

import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** curves.png speaks in percent: its accuracy axis runs from 0% to 100% whatever the accuracies are. */
class CurvesChartTest {

    @Test
    void theAccuracyAxisRunsFrom0To100Percent() {
        List<EpochStats> history = List.of(new EpochStats(1, 1.7, 1.6, 0.31, 1.65, 0.30, 1e-3, 60, 400),
                new EpochStats(2, 1.4, 1.3, 0.45, 1.35, 0.44, 1e-3, 60, 400));
        JFreeChart chart = CurvesChart.chart(history, 2, "Learning curves (best epoch 2)");
        @SuppressWarnings("unchecked")
        List<XYPlot> plots = ((CombinedDomainXYPlot) chart.getPlot()).getSubplots();
        NumberAxis accuracy = (NumberAxis) plots.get(1).getRangeAxis();
        assertEquals("accuracy", accuracy.getLabel());
        assertEquals(0, accuracy.getLowerBound());
        assertEquals(1, accuracy.getUpperBound());
        assertEquals("40%", accuracy.getTickUnit().valueToString(0.4));
        NumberAxis loss = (NumberAxis) plots.get(0).getRangeAxis();
        assertEquals("cross-entropy", loss.getLabel());
    }
}
