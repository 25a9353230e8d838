package org.kervi.itests.multi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.After;
import org.junit.Test;
import org.kervi.testkit.KarafProcess;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The greenhouse demo as {@code ./demo.sh greenhouse} runs it, from the built distribution: the root (hub, app,
 * dashboard) and the sensors and actuators modules on Pi4J's mock platform with the simulated greenhouse, sped up.
 * Headless Chromium watches the dashboard: the soil moisture falls, the pump switches on, the moisture rises, the pump
 * switches off. Every reading is the widgets' text. Screenshots: {@code itests/target/screenshots/greenhouse-*.png}.
 */
public class GreenhouseBrowserIT {
    /** Generous: three JVMs and a browser on a loaded 2-core machine. */
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    /**
     * Simulated seconds per second: the soil dries 0.25 %/s; with the pump it gets 1.25 %/s wetter, so the pump runs
     * about 12 s from 30 to 45 % — long enough for the page's updates and the test's polling on a busy machine.
     */
    private static final int SPEED = 30;
    private static final String MOISTURE = "[data-value-id='soil_moisture'].header-item .value-text";
    private static final String PUMP = "[data-value-id='greenhouse.pump'].header-item .value-text";
    private KarafProcess root;
    private ChromeDriver browser;
    private WebDriverWait waiter;

    @After
    public void cleanUp() {
        if (browser != null) {
            Browser.screenshot(browser, "greenhouse-last");
            browser.quit();
        }
        KarafProcess.closeAll(root);
    }

    @Test
    public void theSoilDriesThePumpWatersItAgain() throws Exception {
        int http = Ports.free();
        Map<String, String> app = Map.of("appId", "greenhouse", "name", "Greenhouse",
                "startupTimeoutSeconds", "120", "modules", "sensors, actuators",
                "module.sensors.features", "kervi-example-greenhouse-sensors-simulated",
                "module.actuators.features", "kervi-example-greenhouse-actuators-simulated");
        root = new KarafProcess("greenhouse").withConfig("org.kervi.ipc", CrossInstanceIT.ipc("hub", Ports.free()))
                .withConfig("org.kervi.core", Map.of("readyOnStart", "false"))
                .withConfig("org.kervi.app", app)
                .withConfig("org.ops4j.pax.web", Map.of("org.osgi.service.http.port", Integer.toString(http)));
        root.start();
        // the dashboard first: Jetty binds its port before the application spawns modules that pick free ports
        root.execute("feature:install kervi-ipc kervi-dashboard", TIMEOUT);
        root.execute("feature:install kervi-example-greenhouse-app", TIMEOUT);
        root.awaitOutput("kervi:value-get greenhouse.active", out -> out.trim().equals("true"), TIMEOUT);
        // the simulated world starts at 40 % when the application is ready; hold it there until the page watches
        root.execute("kervi:value-set greenhouse_sim.speed 0");
        String base = "http://127.0.0.1:" + http + "/kervi/";
        DashboardApiIT.awaitDashboard(base, root);

        browser = Browser.start(Files.createTempDirectory("kervi-chromium"));
        waiter = new WebDriverWait(browser, TIMEOUT);
        waiter.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        browser.get(base);
        login();
        waiter.until(d -> "live".equals(attribute("#stream-status", "data-state")));

        // the simulated chips reach the dashboard through the real drivers: BME280, ADS1115, DS18B20
        double start = awaitNumber(MOISTURE, "the soil moisture", m -> m > 35);
        awaitNumber("[data-value-id='air_temperature'].header-item .value-text", "the air temperature",
                t -> t > 10 && t < 40);
        awaitNumber("[data-value-id='water_temperature'] .value-text", "the water temperature", t -> t > 5 && t < 30);
        assertEquals("off", awaitText(PUMP, "the pump", "off"::equals));
        Browser.screenshot(browser, "greenhouse-start");

        root.execute("kervi:value-set greenhouse_sim.speed " + SPEED);
        awaitNumber(MOISTURE, "the soil moisture falling from " + start, m -> m <= start - 3);
        Browser.screenshot(browser, "greenhouse-drying");

        awaitText(PUMP, "the pump switching on below 30 %", "on"::equals);
        double whenPumpOn = number(text(MOISTURE));
        assertTrue("pump on, the soil at " + whenPumpOn + " % (threshold 30 %)", whenPumpOn < 36);
        Browser.screenshot(browser, "greenhouse-pump-on");

        awaitNumber(MOISTURE, "the soil moisture rising from " + whenPumpOn, m -> m >= whenPumpOn + 5);
        Browser.screenshot(browser, "greenhouse-watering");
        awaitText(PUMP, "the pump switching off above 45 %", "off"::equals);
        double whenPumpOff = number(text(MOISTURE));
        assertTrue("pump off, the soil at " + whenPumpOff + " % (threshold 45 %)", whenPumpOff >= 43);
        Browser.screenshot(browser, "greenhouse-watered");
        // (the soil got wetter only because the simulation in the sensors instance read the actuators instance's
        // mock relay pin as high: the whole path from controller to pin to simulation to ADS1115 register ran)
        click("#nav a[data-dashboard='charts']");
        waitVisible("[data-value-id='soil_moisture'] .chart canvas");
        Browser.screenshot(browser, "greenhouse-charts");
    }

    private void login() {
        WebElement user = waitVisible("#login-user");
        user.clear();
        user.sendKeys("karaf");
        WebElement password = browser.findElement(By.cssSelector("#login-password"));
        password.clear();
        password.sendKeys("karaf");
        browser.findElement(By.cssSelector("#login-submit")).click();
        waitVisible("#app");
    }

    /** Waits until the widget shows a number that {@code condition} accepts, and returns it. */
    private double awaitNumber(String css, String what, java.util.function.DoublePredicate condition) {
        String shown = awaitText(css, what, t -> !Double.isNaN(number(t)) && condition.test(number(t)));
        return number(shown);
    }

    private String awaitText(String css, String what, java.util.function.Predicate<String> condition) {
        try {
            return waiter.until(d -> {
                String shown = text(css);
                return condition.test(shown) ? shown : null;
            });
        } catch (TimeoutException e) {
            Browser.screenshot(browser, "greenhouse-failed");
            throw new AssertionError(what + ": " + css + " shows '" + text(css) + "'", e);
        }
    }

    private WebElement waitVisible(String css) {
        return waiter.until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
        });
    }

    private void click(String css) {
        waitVisible(css).click();
    }

    private String text(String css) {
        List<WebElement> found = browser.findElements(By.cssSelector(css));
        return found.isEmpty() ? "" : found.get(0).getText();
    }

    private String attribute(String css, String name) {
        List<WebElement> found = browser.findElements(By.cssSelector(css));
        return found.isEmpty() ? null : found.get(0).getAttribute(name);
    }

    /** "38 %" → 38; NaN for "—" or nothing. */
    private static double number(String shown) {
        String digits = shown.replaceAll("[^0-9.\\-]", "");
        try {
            return digits.isEmpty() ? Double.NaN : Double.parseDouble(digits);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
