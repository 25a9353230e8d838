package org.kervi.itests.multi;

import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What a chart's uPlot draws (the {@code uplot} property of its {@code .chart} element): x in seconds, y values. */
record ChartPlot(List<Double> xs, List<Double> ys) {

    @SuppressWarnings("unchecked")
    static ChartPlot read(ChromeDriver browser, String chartCss) {
        List<List<Number>> data = (List<List<Number>>) browser.executeScript(
                "const u = document.querySelector(arguments[0]).uplot;"
                        + " return [Array.from(u.data[0]), Array.from(u.data[1])];", chartCss);
        return new ChartPlot(data.get(0).stream().map(Number::doubleValue).toList(),
                data.get(1).stream().map(n -> n == null ? null : n.doubleValue()).toList());
    }

    /** Reads the plot until it satisfies {@code condition}; fails with the last plot seen. */
    static ChartPlot await(ChromeDriver browser, WebDriverWait waiter, String chartCss, String what,
            Predicate<ChartPlot> condition) {
        ChartPlot[] last = {null};
        try {
            waiter.until(d -> {
                last[0] = read(browser, chartCss);
                return condition.test(last[0]);
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            Browser.screenshot(browser, "failed-" + what.replaceAll("[^A-Za-z0-9]+", "_"));
            throw new AssertionError(what + ": " + last[0], e);
        }
        return last[0];
    }

    int length() {
        return xs.size();
    }

    double firstX() {
        return xs.get(0);
    }

    double lastX() {
        return xs.get(xs.size() - 1);
    }

    double minX() {
        return xs.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    double minY() {
        return ys.stream().filter(Objects::nonNull).mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    double maxY() {
        return ys.stream().filter(Objects::nonNull).mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    /** Every x greater than the one before: no duplicate time, nothing out of order. */
    boolean increasing() {
        for (int i = 1; i < xs.size(); i++) {
            if (!(xs.get(i) > xs.get(i - 1))) {
                return false;
            }
        }
        return true;
    }

    /** A point of value {@code v} at or after {@code x} that is not the line's extension to now (the last x). */
    boolean hasPointAfter(double x, double v) {
        for (int i = 0; i < xs.size() - 1; i++) {
            if (xs.get(i) >= x && ys.get(i) != null && ys.get(i) == v) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return length() + " points, x " + (xs.isEmpty() ? "-" : firstX() + " .. " + lastX()) + ", y " + minY()
                + " .. " + maxY();
    }
}
