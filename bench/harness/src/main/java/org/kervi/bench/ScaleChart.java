package org.kervi.bench;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * One chart of a scaling curve, drawn by JFreeChart as a PNG under {@code kervi.bench.chartsDir} (default
 * {@code docs/perf}): one line with points per series, the parameter on a logarithmic x axis.
 */
final class ScaleChart {
    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final boolean logY;
    private final Map<String, XYSeries> series = new LinkedHashMap<>();

    ScaleChart(String title, String xLabel, String yLabel, boolean logY) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.logY = logY;
    }

    ScaleChart point(String seriesName, double x, double y) {
        if (!Double.isNaN(y) && (!logY || y > 0)) {
            series.computeIfAbsent(seriesName, n -> new XYSeries(n, false)).add(x, y);
        }
        return this;
    }

    /** Writes {@code <name>.png}; returns its path. */
    Path write(String name) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        series.values().forEach(data::addSeries);
        JFreeChart chart = ChartFactory.createXYLineChart(title, xLabel, yLabel, data, PlotOrientation.VERTICAL, true,
                false, false);
        XYPlot plot = chart.getXYPlot();
        LogAxis x = new LogAxis(xLabel);
        x.setBase(10);
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        plot.setDomainAxis(x);
        if (logY) {
            plot.setRangeAxis(new LogAxis(yLabel));
        }
        plot.setRenderer(new XYLineAndShapeRenderer(true, true));
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        Path dir = Paths.get(System.getProperty("kervi.bench.chartsDir", "docs/perf"));
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".png");
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 900, 520);
        return file.toAbsolutePath();
    }
}
