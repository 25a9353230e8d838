package org.kervi.bench;

import java.io.BufferedWriter;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.kervi.testkit.KarafProcess;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard's first chart paint for 24 h × 6 series (issue #10): one root with {@code kervi-history}, the
 * dashboard and the probe bundle's {@code bench_charts} (six chart values on dashboard {@code charts}), each fed with
 * a day at 1 Hz through {@code kervi:history-import}; headless Chromium (Debian's) opens the dashboard and chooses
 * 24 h on all six charts at once. Measured: click → each chart's data drawn (its bar's {@code data-paint-ms}),
 * then, while the six values change at 1 Hz, the page's animation frames for {@code kervi.bench.feedSeconds}.
 * See docs/performance.md.
 */
public final class ChartPaintBenchmark {
    private static final int DAY_SECONDS = 86_400;
    private static final int SERIES = 6;
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    private ChartPaintBenchmark() {}

    public static void main(String[] args) throws Exception {
        int runs = Integer.getInteger("kervi.bench.runs", 3);
        int feedSeconds = Integer.getInteger("kervi.bench.feedSeconds", 15);
        Path probe = Bench.locate("kervi.bench.probe", "bench/bundle/target", "kervi-bench-bundle-.*[0-9T]\\.jar");
        int http = Bench.freePort();
        StringBuilder report = new StringBuilder("# Dashboard: first chart paint, 24 h × 6 series\n\n")
                .append(Bench.machine()).append("\n\nload before: ").append(Bench.loadAverage()).append("\n\n");
        try (KarafProcess root = new KarafProcess("chart-paint")
                .withConfig("org.ops4j.pax.web", Map.of("org.osgi.service.http.port", Integer.toString(http)))
                .withConfig("org.kervi.bench.charts", Map.of("role", "charts"))) {
            Files.copy(probe, root.home().resolve("deploy").resolve(probe.getFileName()));
            root.start();
            root.execute("feature:install kervi-history kervi-dashboard", TIMEOUT);
            root.awaitOutput("kervi:values bench.chart", out -> out.contains("bench.chart6"), TIMEOUT);
            long last = Instant.now().toEpochMilli() / 1000 * 1000 - 1000;
            for (int i = 1; i <= SERIES; i++) {
                Path csv = day(last, i);
                System.out.println("[bench] " + root.execute("kervi:history-import bench.chart" + i + " " + csv, TIMEOUT)
                        .trim());
                Files.delete(csv);
            }
            String base = "http://127.0.0.1:" + http + "/kervi/";
            awaitStored(base, last);
            report.append("| run | click → first chart drawn | click → all six drawn | per chart (ms) | frames/s while"
                    + " six values change at 1 Hz | longest frame gap |\n|---|---|---|---|---|---|\n");
            for (int run = 1; run <= runs; run++) {
                report.append(run(root, base, run, feedSeconds)).append('\n');
            }
        }
        report.append("\nload after: ").append(Bench.loadAverage()).append('\n');
        System.out.println(report);
        System.out.println("[bench] report written to " + Bench.writeReport("chart-paint", report.toString()));
    }

    /** One browser session: open the dashboard, choose 24 h on all six charts, read the paint times, then frames. */
    private static String run(KarafProcess root, String base, int run, int feedSeconds) throws Exception {
        ChromeDriver browser = browser(Files.createTempDirectory("kervi-chromium"));
        try {
            WebDriverWait wait = new WebDriverWait(browser, TIMEOUT);
            browser.get(base + "#dashboard=charts");
            wait.until(d -> d.findElement(By.id("login-user")).isDisplayed());
            browser.findElement(By.id("login-user")).sendKeys("karaf");
            browser.findElement(By.id("login-password")).sendKeys("karaf");
            browser.findElement(By.id("login-submit")).click();
            wait.until(d -> d.findElements(By.cssSelector(".chart canvas")).size() == SERIES);
            wait.until(d -> "live".equals(d.findElement(By.id("stream-status")).getAttribute("data-state")));
            browser.executeScript("for (const b of document.querySelectorAll(\".chart-range[data-range='24h']\"))"
                    + " b.click();");
            wait.until(d -> d.findElements(By.cssSelector(".chart-bar[data-paint-ms]")).size() == SERIES);
            List<Long> paints = new ArrayList<>();
            for (var bar : browser.findElements(By.cssSelector(".chart-bar"))) {
                paints.add(Long.parseLong(bar.getAttribute("data-paint-ms")));
            }
            long first = paints.stream().mapToLong(Long::longValue).min().orElse(-1);
            long all = paints.stream().mapToLong(Long::longValue).max().orElse(-1);

            CompletableFuture<String> feed = CompletableFuture.supplyAsync(
                    () -> root.execute("kervi:action bench_charts.feed " + feedSeconds, TIMEOUT));
            browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(feedSeconds + 30L));
            @SuppressWarnings("unchecked")
            List<Number> frames = (List<Number>) browser.executeAsyncScript(
                    "const done = arguments[arguments.length - 1]; const until = performance.now() + arguments[0];"
                            + " let n = 0, last = performance.now(), gap = 0;"
                            + " function f(t) { n++; gap = Math.max(gap, t - last); last = t;"
                            + "   if (t < until) requestAnimationFrame(f); else done([n, gap]); }"
                            + " requestAnimationFrame(f);", (feedSeconds - 2) * 1000);
            feed.join();
            double fps = frames.get(0).doubleValue() / (feedSeconds - 2);
            return String.format(Locale.ROOT, "| %d | %d ms | %d ms | %s | %.1f | %.0f ms |", run, first, all, paints,
                    fps, frames.get(1).doubleValue());
        } finally {
            browser.quit();
        }
    }

    /** A day at 1 Hz ending at {@code lastMillis}: a sine between 10 and 90, its phase different per series. */
    private static Path day(long lastMillis, int series) throws Exception {
        Path file = Files.createTempFile("kervi-day-" + series + "-", ".csv");
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("time,value\n");
            for (int i = 0; i < DAY_SECONDS; i++) {
                long t = lastMillis - (DAY_SECONDS - 1 - i) * 1000L;
                double v = 50 + 40 * Math.sin(2 * Math.PI * (i + 600 * series) / 3600.0);
                out.write(Instant.ofEpochMilli(t) + "," + String.format(Locale.ROOT, "%.2f", v) + "\n");
            }
        }
        return file;
    }

    /** Waits until api/history matches a whole day for every series (the import goes through the writer's batches). */
    private static void awaitStored(String base, long last) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        http.send(HttpRequest.newBuilder(URI.create(base + "api/login")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"karaf\",\"password\":\"karaf\"}")).build(),
                HttpResponse.BodyHandlers.discarding());
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        for (int i = 1; i <= SERIES; i++) {
            String url = base + "api/history?id=bench.chart" + i + "&points=1000&from=" + (last - DAY_SECONDS * 1000L);
            while (true) {
                String body = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                var json = com.google.gson.JsonParser.parseString(body).getAsJsonObject();
                if (json.has("matched") && json.get("matched").getAsLong() >= DAY_SECONDS) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("bench.chart" + i + " not stored in time: " + body.substring(0,
                            Math.min(200, body.length())));
                }
                Bench.sleep(500);
            }
        }
    }

    /** Debian's headless Chromium through Debian's chromedriver (never a downloaded one), 1280 × 900. */
    private static ChromeDriver browser(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1280, 900));
        return driver;
    }
}
