package org.kervi.itests.multi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.After;
import org.junit.Test;
import org.kervi.testkit.KarafProcess;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue #10's browser test: the CPU chart of the fan demo's System dashboard, fed with a day of generated history
 * (86,400 points at 1 Hz imported with {@code kervi:history-import}), draws the 24 h range when it is chosen, and live
 * points continue it with no duplicate time. One root instance with the history store, the dashboard and the demo's
 * simulated sensor; the page is read through the chart's uPlot instance.
 */
public class ChartHistoryBrowserIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int DAY_SECONDS = 86_400;
    private static final String CHART = "[data-value-id='cpu_load'] .chart";
    private static final String BAR = "[data-value-id='cpu_load'] .chart-bar";

    private KarafProcess root;
    private ChromeDriver browser;
    private WebDriverWait waiter;

    @After
    public void cleanUp() {
        if (browser != null) {
            Browser.screenshot(browser, "chart-history-last");
            browser.quit();
        }
        KarafProcess.closeAll(root);
    }

    @Test
    public void aDayOfHistoryDrawsAt24hAndLivePointsContinueIt() throws Exception {
        int http = Ports.free();
        root = new KarafProcess("chart-history")
                .withConfig("org.ops4j.pax.web", Map.of("org.osgi.service.http.port", Integer.toString(http)))
                // the fan demo's System dashboard, where cpu_load is a chart
                .withConfig("org.kervi.dashboard.board-system", Map.of("id", "system", "name", "System",
                        "isDefault", "true", "order", "1", "panels", "cpu:CPU load:100"))
                .start();
        root.execute("feature:install kervi-history kervi-dashboard kervi-example-sensors-simulated",
                Duration.ofSeconds(120));
        String base = "http://127.0.0.1:" + http + "/kervi/";
        DashboardApiIT.awaitDashboard(base);
        root.execute("kervi:value-set cpu_load.setpoint 50");

        long lastGenerated = Instant.now().toEpochMilli() / 1000 * 1000 - 2000;
        Path csv = dayOfHistory(lastGenerated);
        root.execute("kervi:history-import cpu_load " + csv.toAbsolutePath(), Duration.ofSeconds(180));
        DashboardClient api = new DashboardClient(base);
        assertEquals(200, api.login("karaf", "karaf").status());
        JsonObject stored = Poll.until("the imported day in api/history", Duration.ofSeconds(120), () -> {
            JsonObject h = api.get("api/history?id=cpu_load&points=1000&from=" + (lastGenerated - DAY_SECONDS * 1000L))
                    .json();
            return h != null && h.get("matched").getAsLong() >= DAY_SECONDS ? h : null;
        });
        assertTrue(stored.toString().substring(0, 200), stored.getAsJsonArray("points").size() <= 1000);

        browser = Browser.start(Files.createTempDirectory("kervi-chromium"));
        waiter = new WebDriverWait(browser, TIMEOUT);
        waiter.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        browser.get(base + "#dashboard=system");
        waiter.until(d -> d.findElement(By.id("login-user")).isDisplayed());
        browser.findElement(By.id("login-user")).sendKeys("karaf");
        browser.findElement(By.id("login-password")).sendKeys("karaf");
        browser.findElement(By.id("login-submit")).click();
        waiter.until(d -> !d.findElements(By.cssSelector(CHART + " canvas")).isEmpty());
        waiter.until(d -> "live".equals(d.findElement(By.id("stream-status")).getAttribute("data-state")));
        assertEquals("live", attribute(CHART, "data-range"));
        waiter.until(d -> "ok".equals(attribute("#health", "data-state")));

        browser.findElement(By.cssSelector(BAR + " button[data-range='24h']")).click();
        waiter.until(d -> "loaded".equals(attribute(BAR, "data-state")) && attribute(BAR, "data-paint-ms") != null);
        System.out.println("[ChartHistoryBrowserIT] 24 h of cpu_load (" + stored.get("matched") + " points stored)"
                + " drawn " + attribute(BAR, "data-paint-ms") + " ms after the click");
        String label = browser.findElement(By.cssSelector(BAR + " .chart-range-label")).getText();
        assertTrue(label, label.startsWith("24 h · ") && label.contains("86,"));
        assertEquals("true", attribute(BAR + " button[data-range='24h']", "aria-pressed"));
        ChartPlot day = ChartPlot.read(browser, CHART);
        long now = Instant.now().getEpochSecond();
        assertEquals("24h", attribute(CHART, "data-range"));
        assertTrue(day.toString(), day.length() >= 200 && day.length() <= 1100);
        assertTrue("starts at the window's left edge: " + day, Math.abs(day.firstX() - (now - DAY_SECONDS)) < 120);
        assertTrue("ends now: " + day, Math.abs(day.lastX() - now) < 60);
        assertTrue("the day's shape (20..80) is kept: " + day, day.minY() < 22 && day.maxY() > 78);
        assertTrue(day.toString(), day.increasing());
        Browser.screenshot(browser, "chart-history-24h");

        for (int v : new int[] {91, 12}) {
            double changedAt = Instant.now().toEpochMilli() / 1000.0;
            root.execute("kervi:value-set cpu_load.setpoint " + v);
            ChartPlot live = awaitPlot("the live point " + v + " on the 24 h chart", p -> p.hasPointAfter(changedAt - 1, v));
            assertTrue("no duplicate or backwards time: " + live, live.increasing());
            assertTrue("the last x grows: " + day + " → " + live, live.lastX() > day.lastX());
            assertTrue("the loaded day is still there: " + live, live.minX() < now - DAY_SECONDS + 120);
            day = live;
        }
        assertTrue(browser.findElement(By.cssSelector(BAR + " .chart-range-label")).getText().startsWith("24 h"));
        Browser.screenshot(browser, "chart-history-24h-live");

        aFailingStoreSaysSoInTheStatusBar(api);
    }

    /**
     * The store switched to a PostgreSQL server that is not there: the status bar's health section turns red with
     * the problem (and api/health says so); back on SQLite it is ok again.
     */
    private void aFailingStoreSaysSoInTheStatusBar(DashboardClient api) {
        JsonObject ok = api.get("api/health").json().getAsJsonObject("history");
        assertTrue(ok.toString(), ok.get("installed").getAsBoolean() && ok.get("healthy").getAsBoolean());
        assertEquals("sqlite", ok.get("store").getAsString());

        root.withConfig("org.kervi.history", Map.of("store", "postgresql",
                "url", "jdbc:postgresql://127.0.0.1:" + Ports.free() + "/kervi"));
        int[] setpoint = {30};
        waiter.until(d -> {
            // changes to write, so that the store is tried
            root.execute("kervi:value-set cpu_load.setpoint " + (setpoint[0]++ % 2 == 0 ? 30 : 31));
            return "failing".equals(attribute("#health", "data-state"));
        });
        String summary = browser.findElement(By.cssSelector("#health .health-summary")).getText();
        assertTrue(summary, summary.startsWith("history failing since "));
        JsonObject failing = api.get("api/health").json().getAsJsonObject("history");
        assertEquals(failing.toString(), "postgresql", failing.get("store").getAsString());
        assertTrue(failing.toString(), !failing.get("healthy").getAsBoolean()
                && !failing.get("problem").getAsString().isBlank());
        browser.findElement(By.cssSelector("#health .health-summary")).click();
        Browser.screenshot(browser, "chart-history-store-failing");

        root.withConfig("org.kervi.history", Map.of("store", "sqlite"));
        waiter.until(d -> "ok".equals(attribute("#health", "data-state")));
    }

    /** 86,400 points at 1 Hz ending at {@code lastMillis}: a sine between 20 and 80 with a period of an hour. */
    private static Path dayOfHistory(long lastMillis) throws Exception {
        Path file = Files.createTempFile("kervi-day-", ".csv");
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("time,value\n");
            for (int i = 0; i < DAY_SECONDS; i++) {
                long t = lastMillis - (DAY_SECONDS - 1 - i) * 1000L;
                double v = 50 + 30 * Math.sin(2 * Math.PI * i / 3600.0);
                out.write(Instant.ofEpochMilli(t) + "," + String.format(Locale.ROOT, "%.2f", v) + "\n");
            }
        }
        return file;
    }

    private ChartPlot awaitPlot(String what, java.util.function.Predicate<ChartPlot> condition) {
        return ChartPlot.await(browser, waiter, CHART, what, condition);
    }

    private String attribute(String css, String name) {
        List<org.openqa.selenium.WebElement> found = browser.findElements(By.cssSelector(css));
        return found.isEmpty() ? null : found.get(0).getAttribute(name);
    }
}
