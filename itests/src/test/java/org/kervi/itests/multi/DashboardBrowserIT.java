package org.kervi.itests.multi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.After;
import org.junit.Test;
import org.kervi.testkit.KarafProcess;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The fan demo's dashboard in real headless Chromium against three real JVMs: the root (hub, app, dashboard), the
 * sensors module and the controllers module. Screenshots go to {@code itests/target/screenshots/}.
 */
public class DashboardBrowserIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private KarafProcess root;
    private ChromeDriver browser;
    private WebDriverWait waiter;

    @After
    public void cleanUp() {
        if (browser != null) {
            Browser.screenshot(browser, "dashboard-last");
            browser.quit();
        }
        KarafProcess.closeAll(root);
    }

    @Test
    public void fanDemoInTheBrowser() throws Exception {
        int http = Ports.free();
        Map<String, String> app = new LinkedHashMap<>(Map.of("appId", "fan-demo", "name", "Fan demo",
                "startupTimeoutSeconds", "90", "modules", "sensors, controllers",
                "module.sensors.features", "kervi-example-sensors-simulated",
                "module.controllers.features", "kervi-example-controllers"));
        root = new KarafProcess("root").withConfig("org.kervi.ipc", CrossInstanceIT.ipc("hub", Ports.free()))
                .withConfig("org.kervi.core", Map.of("readyOnStart", "false"))
                .withConfig("org.kervi.app", app)
                .withConfig("org.ops4j.pax.web", Map.of("org.osgi.service.http.port", Integer.toString(http)));
        root.start();
        root.execute("feature:install kervi-ipc kervi-example-app kervi-dashboard", Duration.ofSeconds(120));
        root.awaitOutput("kervi:value-get fan_controller.active", out -> out.trim().equals("true"),
                FanDemoIT.APP_READY);
        String base = "http://127.0.0.1:" + http + "/kervi/";
        DashboardApiIT.awaitDashboard(base);
        root.execute("kervi:value-set cpu_load.setpoint 60");

        Path profile = Files.createTempDirectory("kervi-chromium");
        browser = Browser.start(profile);
        waiter = new WebDriverWait(browser, TIMEOUT);
        waiter.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        browser.get(base);

        // a wrong password is refused
        waitVisible("#login-form");
        login("karaf", "not-the-password");
        waiter.until(d -> !text("#login-error").isBlank());
        assertFalse(visible("#app"));
        Browser.screenshot(browser, "dashboard-login-refused");

        login("karaf", "karaf");
        waitVisible("#app");
        assertEquals("karaf", text("#user-name"));
        waitStreamLive();

        // live values from the sensors instance, through the controllers instance
        awaitText("[data-value-id='cpu_load'].header-item .value-text", "60");
        awaitText("[data-value-id='fan_controller.fan_speed'] .value-text", "75");
        root.execute("kervi:value-set cpu_load.setpoint 40");
        awaitText("[data-value-id='cpu_load'].header-item .value-text", "40");
        awaitText("[data-value-id='fan_controller.fan_speed'] .value-text", "50");
        Browser.screenshot(browser, "dashboard-desktop");

        // flip an input: the controller in another instance reacts, the output widget changes
        click("[data-value-id='fan_controller.boost'] input.switch-input");
        awaitText("[data-value-id='fan_controller.fan_speed'] .value-text", "100");
        assertEquals("true", root.execute("kervi:value-get fan_controller.boost").trim());
        click("[data-value-id='fan_controller.boost'] input.switch-input");
        awaitText("[data-value-id='fan_controller.fan_speed'] .value-text", "50");

        // the action bound to its state value: a switch showing fan_controller.active (on since app_main)
        String fanControl = "[data-action-id='fan_controller.activate'] input.switch-input";
        // (disabled while its call runs: wait for the state and for the switch to take a click again)
        waiter.until(d -> waitVisible(fanControl).isSelected() && waitVisible(fanControl).isEnabled());
        click(fanControl);
        awaitText("[data-value-id='fan_controller.fan_speed'] .value-text", "0");
        root.awaitOutput("kervi:value-get fan_controller.active", out -> out.trim().equals("false"), TIMEOUT);
        waiter.until(d -> !waitVisible(fanControl).isSelected() && waitVisible(fanControl).isEnabled());
        click(fanControl);
        awaitText("[data-value-id='fan_controller.fan_speed'] .value-text", "50");
        waiter.until(d -> waitVisible(fanControl).isSelected() && waitVisible(fanControl).isEnabled());
        Browser.screenshot(browser, "dashboard-after-action");

        // cut the stream; a change made while it is down shows once it resumes, without a reload
        browser.executeScript("window.__kerviNoReload = true;");
        String before = root.execute("kervi:dashboard-streams --no-format");
        assertTrue(root.execute("kervi:dashboard-streams --drop").contains("Closed 1"));
        root.execute("kervi:value-set cpu_load.setpoint 80");
        awaitText("[data-value-id='fan_controller.fan_speed'] .value-text", "100");
        awaitText("[data-value-id='cpu_load'].header-item .value-text", "80");
        waitStreamLive();
        assertEquals("the page was not reloaded", Boolean.TRUE, browser.executeScript("return window.__kerviNoReload"));
        String after = root.execute("kervi:dashboard-streams --no-format");
        assertFalse("a new stream: " + before + " / " + after, before.equals(after));

        // the sensors module leaves (its instance stops): its values stay greyed on the open page, the link shows
        // unresolved, the module list says so; all comes back live without a reload
        root.execute("config:property-set -p org.kervi.app modules controllers");
        waiter.until(d -> hasClass("[data-value-id='cpu_load'].header-item", "unavailable"));
        awaitContains("[data-value-id='fan_controller.temp'] .link-state", "unresolved");
        waiter.until(d -> !"running".equals(attribute("#modules [data-module='sensors']", "data-state")));
        Browser.screenshot(browser, "dashboard-sensors-gone");
        root.execute("config:property-set -p org.kervi.app modules 'sensors, controllers'");
        waiter.until(d -> "running".equals(attribute("#modules [data-module='sensors']", "data-state")));
        waiter.until(d -> !hasClass("[data-value-id='cpu_load'].header-item", "unavailable"));
        waiter.until(d -> d.findElements(By.cssSelector("[data-value-id='fan_controller.temp'] .link-state")).stream()
                .noneMatch(e -> e.isDisplayed() && e.getText().contains("unresolved")));
        root.execute("kervi:value-set cpu_load.setpoint 40");
        awaitText("[data-value-id='fan_controller.fan_speed'] .value-text", "50");
        assertEquals("the page was not reloaded", Boolean.TRUE, browser.executeScript("return window.__kerviNoReload"));

        moduleNotServingGreysItsWidgets();

        // the system dashboard: a live chart of cpu_load
        click("#nav a[data-dashboard='system']");
        waitVisible("[data-value-id='cpu_load'] .chart canvas");
        Browser.screenshot(browser, "dashboard-system-chart");
        chartRangeFromMemoryWithoutTheHistoryStore();
        Browser.screenshot(browser, "dashboard-system-dark", true);

        rootGoneAndBack(base);

        // a phone-sized window: everything fits the width; the app's name is readable in the header
        click("#nav a[data-dashboard='fan']");
        Browser.screenshot(browser, "dashboard-desktop-dark", true);
        browser.manage().window().setSize(new Dimension(390, 844));
        waitVisible("[data-value-id='fan_controller.fan_speed']");
        waiter.until(d -> ((Number) browser.executeScript("return window.innerWidth;")).intValue() <= 390);
        Long overflow = (Long) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - window.innerWidth;");
        assertTrue("horizontal overflow of " + overflow + " px at phone width", overflow <= 1);
        Boolean titleCut = (Boolean) browser.executeScript(
                "const t = document.getElementById('app-title'); return t.scrollWidth > t.clientWidth;");
        assertFalse("the app's name '" + text("#app-title") + "' is cut at phone width", titleCut);
        Browser.screenshot(browser, "dashboard-phone");
        Browser.screenshot(browser, "dashboard-phone-dark", true);
        List<WebElement> switches = browser.findElements(By.cssSelector("input.switch-input"));
        assertFalse("the switch is there at phone width", switches.isEmpty());
    }

    /**
     * Without kervi-history a chart's 1 h range comes from the dashboard's memory and says so; live points continue
     * it with no duplicate time; back to live (10 min) afterwards.
     */
    private void chartRangeFromMemoryWithoutTheHistoryStore() {
        String chart = "[data-value-id='cpu_load'] .chart";
        String bar = "[data-value-id='cpu_load'] .chart-bar";
        waiter.until(d -> "absent".equals(attribute("#health", "data-state")));
        assertEquals("history: not installed", text("#health .health-summary"));
        click(bar + " button[data-range='1h']");
        waiter.until(d -> "loaded".equals(attribute(bar, "data-state")));
        assertEquals("1h", attribute(chart, "data-range"));
        String label = text(bar + " .chart-range-label");
        assertTrue(label, label.startsWith("1 h · ") && label.endsWith("points · dashboard memory"));
        double changedAt = System.currentTimeMillis() / 1000.0;
        root.execute("kervi:value-set cpu_load.setpoint 45");
        ChartPlot plot = ChartPlot.await(browser, waiter, chart, "the live point 45 on the 1 h chart",
                p -> p.hasPointAfter(changedAt - 1, 45));
        assertTrue("no duplicate or backwards time: " + plot, plot.increasing());
        Browser.screenshot(browser, "dashboard-system-chart-1h");
        click(bar + " button[data-range='live']");
        waiter.until(d -> "live".equals(attribute(chart, "data-range")) && "live".equals(attribute(bar, "data-state")));
        root.execute("kervi:value-set cpu_load.setpoint 40");
        awaitText("[data-value-id='cpu_load'].header-item .value-text", "40");
    }

    /**
     * A module stopped on purpose ({@code stopped}, not serving): every widget it owns stays, greyed, says
     * "controllers: stopped" and has its controls disabled; the other modules' widgets stay live. Started again,
     * its controls work again without a reload.
     */
    private void moduleNotServingGreysItsWidgets() {
        String owned = "[data-value-id^='fan_controller.'], [data-action-id^='fan_controller.']";
        root.execute("kervi:module-stop controllers");
        waiter.until(d -> "stopped".equals(attribute("#modules [data-module='controllers']", "data-state")));
        List<String> wrong = awaitNoOffenders("controllers' widgets greyed and disabled", "const bad = [];"
                + "const ws = document.querySelectorAll(\"" + owned + "\");"
                + "if (ws.length < 5) bad.push('only ' + ws.length + ' widgets of controllers');"
                + "for (const w of ws) {"
                + "  const id = w.dataset.valueId || w.dataset.actionId;"
                + "  if (!w.classList.contains('unavailable')) bad.push(id + ' not greyed');"
                + "  const badge = w.querySelector('.module-state');"
                + "  const says = w.classList.contains('header-item') ? 'stopped' : 'controllers: stopped';"
                + "  if (!badge || badge.hidden || !badge.textContent.includes(says))"
                + "    bad.push(id + ' badge: ' + (badge && badge.textContent));"
                + "  for (const c of w.querySelectorAll('input, button, select')) if (!c.disabled) bad.push(id + ' enabled');"
                + "}"
                + "if (document.querySelector(\"[data-value-id='cpu_load'].header-item.unavailable\"))"
                + "  bad.push('cpu_load greyed too');"
                + "return bad;");
        assertTrue(wrong.toString(), wrong.isEmpty());
        Browser.screenshot(browser, "dashboard-controllers-stopped");
        root.execute("kervi:module-start controllers");
        waiter.until(d -> "running".equals(attribute("#modules [data-module='controllers']", "data-state")));
        waiter.until(d -> browser.findElement(By.cssSelector("[data-value-id='fan_controller.boost'] input"))
                .isEnabled());
        assertFalse(hasClass("[data-value-id='fan_controller.boost']", "unavailable"));
        assertEquals("the page was not reloaded", Boolean.TRUE, browser.executeScript("return window.__kerviNoReload"));
    }

    /**
     * The root killed while the page is open on the system dashboard: within the stream's watchdog every widget
     * shows stale with its controls disabled, the status bar no longer claims "running". The root back (a new
     * JVM: the session is gone): the sign-in prompt, then the same dashboard, live, without a reload.
     */
    private void rootGoneAndBack(String base) throws Exception {
        String everyWidgetStale = "const bad = [];"
                + "const ws = document.querySelectorAll('#dashboard .widget, #header-values .header-item');"
                + "if (ws.length < 3) bad.push('only ' + ws.length + ' widgets');"
                + "for (const w of ws) {"
                + "  const id = w.dataset.valueId || w.dataset.actionId;"
                + "  if (!w.classList.contains('stale')) bad.push(id + ' not stale');"
                + "  for (const c of w.querySelectorAll('input, button, select')) if (!c.disabled) bad.push(id + ' enabled');"
                + "}"
                + "for (const m of document.querySelectorAll('#modules .module'))"
                + "  if (m.dataset.state === 'running' || m.textContent.endsWith('running')) bad.push(m.dataset.module + ' running');"
                + "if (document.getElementById('stale-banner').hidden) bad.push('no banner');"
                + "return bad;";
        long killedAt = System.nanoTime();
        root.kill9();
        List<String> wrong = awaitNoOffenders("every widget stale and disabled", everyWidgetStale);
        long staleMillis = (System.nanoTime() - killedAt) / 1_000_000;
        assertTrue(wrong.toString(), wrong.isEmpty());
        assertTrue("stale only after " + staleMillis + " ms (watchdog: 3 heartbeats of 5 s)", staleMillis < 15_000);
        Browser.screenshot(browser, "dashboard-root-gone");
        Browser.screenshot(browser, "dashboard-root-gone-dark", true);

        root.restart();
        DashboardApiIT.awaitDashboard(base);
        waitVisible("#login-form");
        Browser.screenshot(browser, "dashboard-sign-in-after-root-restart");
        assertEquals("the page was not reloaded", Boolean.TRUE, browser.executeScript("return window.__kerviNoReload"));
        login("karaf", "karaf");
        waitVisible("#app");
        try {
            waiter.until(d -> "system".equals(attribute("#nav a[aria-current='page']", "data-dashboard")));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("not back on the system dashboard: "
                    + attribute("#nav a[aria-current='page']", "data-dashboard"), e);
        }
        waitStreamLive();
        waiter.until(d -> browser.findElements(By.cssSelector(".widget.stale, .header-item.stale")).isEmpty());
        assertFalse(visible("#stale-banner"));
        // the sensors module is back under the new root: its slider works again
        new WebDriverWait(browser, Duration.ofSeconds(120)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> browser.findElement(By.cssSelector("[data-value-id='cpu_load.setpoint'] input")).isEnabled());
        root.execute("kervi:value-set cpu_load.setpoint 30");
        awaitText("[data-value-id='cpu_load'].header-item .value-text", "30");
        assertEquals("the page was not reloaded", Boolean.TRUE, browser.executeScript("return window.__kerviNoReload"));
    }

    /** Runs a script returning a list of what is wrong until the list is empty; returns the last list. */
    @SuppressWarnings("unchecked")
    private List<String> awaitNoOffenders(String what, String script) {
        List<String>[] last = new List[] {List.of("never ran")};
        try {
            waiter.until(d -> {
                last[0] = (List<String>) browser.executeScript(script);
                return last[0].isEmpty();
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            Browser.screenshot(browser, "failed-" + what.replaceAll("[^A-Za-z0-9]+", "_"));
            throw new AssertionError(what + ": " + last[0], e);
        }
        return last[0];
    }

    private void login(String user, String password) {
        WebElement u = waitVisible("#login-user");
        u.clear();
        u.sendKeys(user);
        WebElement p = browser.findElement(By.cssSelector("#login-password"));
        p.clear();
        p.sendKeys(password);
        browser.findElement(By.cssSelector("#login-submit")).click();
    }

    private void waitStreamLive() {
        waiter.until(d -> "live".equals(d.findElement(By.cssSelector("#stream-status")).getAttribute("data-state")));
    }

    private WebElement waitVisible(String css) {
        return waiter.until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
        });
    }

    private boolean visible(String css) {
        List<WebElement> found = browser.findElements(By.cssSelector(css));
        return !found.isEmpty() && found.get(0).isDisplayed();
    }

    private void click(String css) {
        waitVisible(css).click();
    }

    private String text(String css) {
        List<WebElement> found = browser.findElements(By.cssSelector(css));
        return found.isEmpty() ? "" : found.get(0).getText();
    }

    /** Waits until the element's text, as a number, equals {@code number} (e.g. "75 %" for 75). */
    private void awaitText(String css, String number) {
        try {
            waiter.until(d -> number(text(css)).equals(number));
        } catch (org.openqa.selenium.TimeoutException e) {
            Browser.screenshot(browser, "failed-" + css.replaceAll("[^A-Za-z0-9]+", "_"));
            throw new AssertionError(css + " never showed " + number + "; shows '" + text(css) + "'", e);
        }
    }

    private boolean hasClass(String css, String cssClass) {
        String classes = attribute(css, "class");
        return classes != null && java.util.Arrays.asList(classes.split("\\s+")).contains(cssClass);
    }

    private String attribute(String css, String name) {
        List<WebElement> found = browser.findElements(By.cssSelector(css));
        return found.isEmpty() ? null : found.get(0).getAttribute(name);
    }

    private void awaitContains(String css, String part) {
        try {
            waiter.until(d -> text(css).contains(part));
        } catch (org.openqa.selenium.TimeoutException e) {
            Browser.screenshot(browser, "failed-" + css.replaceAll("[^A-Za-z0-9]+", "_"));
            throw new AssertionError(css + " never contained '" + part + "'; shows '" + text(css) + "'", e);
        }
    }

    private static String number(String shown) {
        String digits = shown.replaceAll("[^0-9.\\-]", "");
        if (digits.isEmpty()) {
            return "";
        }
        try {
            double d = Double.parseDouble(digits);
            return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
        } catch (NumberFormatException e) {
            return digits;
        }
    }
}
