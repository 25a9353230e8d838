package org.kervi.itests.multi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.Map;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.kervi.itests.multi.DashboardClient.Reply;
import org.kervi.testkit.KarafProcess;

/**
 * The dashboard's API on a real Karaf with the fan demo's modules in one instance: sessions, roles, bad input,
 * cross-site requests, the live stream and hot install, over real HTTP.
 */
public class DashboardApiIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** Jetty and the whiteboard start after the feature install; a busy 2-core machine needs more than a minute. */
    private static final Duration DASHBOARD_START_TIMEOUT = Duration.ofSeconds(120);
    private static KarafProcess karaf;
    private static String base;

    @BeforeClass
    public static void startKaraf() {
        int http = Ports.free();
        karaf = new KarafProcess("dashboard-api")
                .withConfig("org.ops4j.pax.web", Map.of("org.osgi.service.http.port", Integer.toString(http)))
                .withFile("etc/users.properties", usersWithViewer())
                // the fan dashboard only for admins: a viewer sees the header and the system dashboard
                .withConfig("org.kervi.dashboard.board-fan", Map.of("id", "fan", "userGroups", "admin",
                        "panels", "controller:Fan controller:60, actions:Actions:40", "order", "1"))
                .start();
        karaf.execute("feature:install kervi-dashboard kervi-example-sensors-simulated kervi-example-controllers",
                Duration.ofSeconds(120));
        base = "http://127.0.0.1:" + http + "/kervi/";
        awaitDashboard(base);
    }

    /** Waits until the dashboard answers a login (Jetty and the whiteboard start after the feature install). */
    static void awaitDashboard(String base) {
        DashboardClient probe = new DashboardClient(base);
        Poll.until("the dashboard at " + base + " answering a login", DASHBOARD_START_TIMEOUT, () -> {
            Reply reply = probe.login("karaf", "karaf");
            if (reply.status() != 200) {
                throw new IllegalStateException("login answered " + reply);
            }
            return Boolean.TRUE;
        });
    }

    /** Like {@link #awaitDashboard(String)}; a failure quotes what the instance logged about its web server. */
    static void awaitDashboard(String base, KarafProcess karaf) {
        try {
            awaitDashboard(base);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\nweb server lines of " + karaf.karafLog() + ":\n"
                    + KarafProcess.tail(karaf.karafLog(), 4000).lines()
                            .filter(l -> l.contains("pax.web") || l.contains("jetty") || l.contains("Jetty")
                                    || l.contains("already in use") || l.contains("ERROR"))
                            .reduce("", (a, b) -> a + b + "\n"), e);
        }
    }

    @AfterClass
    public static void stopKaraf() {
        KarafProcess.closeAll(karaf);
    }

    static String usersWithViewer() {
        return "karaf = karaf,_g_:admingroup\n"
                + "_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh\n"
                + "viewer = viewer,viewer\n";
    }

    private static DashboardClient admin() {
        DashboardClient c = new DashboardClient(base);
        assertEquals(200, c.login("karaf", "karaf").status());
        return c;
    }

    @Test
    public void everyCallNeedsASession() {
        DashboardClient anonymous = new DashboardClient(base);
        for (Reply r : new Reply[] {anonymous.get("api/model"), anonymous.get("api/session"),
                anonymous.get("api/values/cpu_load"), anonymous.get("api/history/cpu_load"),
                anonymous.get("api/history?id=cpu_load"), anonymous.get("api/history.csv?id=cpu_load"),
                anonymous.get("api/health"),
                anonymous.get("api/stream"), anonymous.put("api/values/fan_controller.temp", "{\"value\":30}"),
                anonymous.post("api/actions/fan_controller.activate", "{\"args\":[true]}")}) {
            assertEquals(r.toString(), 401, r.status());
            assertEquals("not logged in", r.error());
        }
    }

    @Test
    public void wrongPasswordIsRefusedAndNotLogged() throws Exception {
        DashboardClient c = new DashboardClient(base);
        Reply r = c.login("karaf", "wrong-password-123");
        assertEquals(401, r.status());
        assertEquals("wrong user name or password", r.error());
        assertEquals(401, c.get("api/model").status());
        Reply ok = c.login("karaf", "karaf");
        assertEquals(200, ok.status());
        String cookie = String.join("; ", ok.headers().allValues("set-cookie"));
        assertTrue(cookie, cookie.contains("JSESSIONID=") && cookie.toLowerCase(java.util.Locale.ROOT).contains("httponly"));
        assertTrue(ok.json().get("canWrite").getAsBoolean());
        assertFalse(ok.json().get("csrf").getAsString().isEmpty());
        String log = java.nio.file.Files.readString(karaf.karafLog());
        assertTrue(log.contains("Dashboard login failed for user 'karaf'"));
        assertFalse("no password in the log", log.contains("wrong-password-123"));
    }

    /**
     * A layout's configuration changes in place: the model shows it under a new version (an open page reloads), and
     * the layout's service stays registered. (Re-registering it on every update raced with the dashboard bundle's
     * start: a feature's layouts are always updated once more by fileinstall about a second after Karaf creates them.)
     */
    @Test
    public void layoutChangesApplyInPlace() {
        DashboardClient c = admin();
        String before = layoutServiceId("org.kervi.dashboard.board~fan");
        long version = c.get("api/model").json().get("version").getAsLong();
        karaf.execute("config:property-set -p org.kervi.dashboard.board~fan name 'Fan room'");
        try {
            // the version moves on (after the stream's debounce): an open page is told to reload the model
            Poll.until("the renamed fan dashboard under a new model version", TIMEOUT, () -> {
                JsonObject m = c.get("api/model").json();
                return m.getAsJsonArray("dashboards").get(0).getAsJsonObject().get("name").getAsString()
                        .equals("Fan room") && m.get("version").getAsLong() > version ? m : null;
            });
            assertEquals("the layout service was re-registered", before,
                    layoutServiceId("org.kervi.dashboard.board~fan"));
        } finally {
            karaf.execute("config:property-delete -p org.kervi.dashboard.board~fan name");
            Poll.until("the fan dashboard's name back", TIMEOUT,
                    () -> c.get("api/model").json().getAsJsonArray("dashboards").get(0).getAsJsonObject()
                            .get("name").getAsString().equals("Fan") ? Boolean.TRUE : null);
        }
    }

    private static String layoutServiceId(String pid) {
        String out = karaf.execute("service:list org.kervi.dashboard.internal.BoardLayoutService");
        for (String block : out.split("\\n\\[")) {
            if (block.contains("service.pid = " + pid)) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("service\\.id = (\\d+)").matcher(block);
                assertTrue(block, m.find());
                return m.group(1);
            }
        }
        throw new AssertionError("no layout service for " + pid + ": " + out);
    }

    @Test
    public void modelHasTheFanDemoFromDashboardLinks() {
        JsonObject model = admin().get("api/model").json();
        JsonArray dashboards = model.getAsJsonArray("dashboards");
        assertEquals("fan", dashboards.get(0).getAsJsonObject().get("id").getAsString());
        assertTrue(model.toString(), dashboards.get(0).getAsJsonObject().get("isDefault").getAsBoolean());
        JsonObject controller = dashboards.get(0).getAsJsonObject().getAsJsonArray("panels").get(0)
                .getAsJsonObject();
        assertEquals("Fan controller", controller.get("title").getAsString());
        assertEquals(60, controller.get("width").getAsInt());
        assertTrue(controller.toString().contains("\"id\":\"fan_controller.boost\",\"widget\":\"switch\""));
        assertTrue(model.get("header").toString().contains("\"id\":\"cpu_load\""));
        JsonObject temp = model.getAsJsonObject("values").getAsJsonObject("fan_controller.temp");
        assertEquals("number", temp.get("type").getAsString());
        assertEquals("input", temp.get("role").getAsString());
        assertEquals(100, temp.get("max").getAsInt());
        assertEquals("cpu_load", model.getAsJsonObject("links").getAsJsonObject("fan_controller.temp")
                .get("source").getAsString());
        assertEquals("%", temp.get("unit").getAsString());
        assertEquals("CPU load", temp.get("name").getAsString());
        assertEquals(0, temp.get("decimals").getAsInt());
        JsonObject activate = model.getAsJsonObject("actions").getAsJsonObject("fan_controller.activate");
        assertEquals("boolean", activate.getAsJsonArray("parameters").get(0).getAsJsonObject().get("type")
                .getAsString());
        // the action's switch names the value that shows its state, and that value comes along
        JsonObject actions = dashboards.get(0).getAsJsonObject().getAsJsonArray("panels").get(1).getAsJsonObject();
        assertTrue(actions.toString(), actions.toString().contains("\"widget\":\"switch\""));
        assertTrue(actions.toString(), actions.toString().contains("\"state\":\"fan_controller.active\""));
        assertTrue(model.getAsJsonObject("values").has("fan_controller.active"));
        // every module state the page must know, from the runtime's enum
        assertTrue(model.get("moduleStates").toString(),
                model.get("moduleStates").toString().contains("{\"key\":\"unresponsive\",\"serving\":false}"));
    }

    @Test
    public void writesAndActionsReachTheController() {
        DashboardClient c = admin();
        assertEquals(200, c.put("api/values/cpu_load.setpoint", "{\"value\":60}").status());
        awaitValue(c, "fan_controller.temp", "60.0");
        Reply activate = c.post("api/actions/fan_controller.activate", "{\"args\":[true]}");
        assertEquals(activate.toString(), 200, activate.status());
        assertEquals(75.0, activate.json().get("result").getAsDouble(), 0.001);
        assertEquals(200, c.put("api/values/fan_controller.boost", "{\"value\":true}").status());
        awaitValue(c, "fan_controller.fan_speed", "100.0");
        assertEquals(200, c.put("api/values/fan_controller.boost", "{\"value\":false}").status());
        awaitValue(c, "fan_controller.fan_speed", "75.0");
        JsonArray history = c.get("api/history/cpu_load").json().getAsJsonArray("points");
        assertTrue(history.toString(), history.size() >= 1);
    }

    @Test
    public void badInputGetsTheRightStatusAndAMessage() {
        DashboardClient c = admin();
        assertError(c.get("api/values/no_such_value"), 404, "unknown value id 'no_such_value'");
        assertError(c.put("api/values/no_such_value", "{\"value\":1}"), 404, "unknown value id 'no_such_value'");
        assertError(c.put("api/values/fan_controller.temp", "{\"value\":\"hot\"}"), 400, "expected a number");
        assertError(c.put("api/values/fan_controller.temp", "{\"value\":true}"), 400, "expected a number");
        assertError(c.put("api/values/fan_controller.temp", "{\"value\":101}"), 400, "out of range");
        assertError(c.put("api/values/fan_controller.fan_speed", "{\"value\":5}"), 400, "read-only");
        assertError(c.put("api/values/fan_controller.temp", "{\"value\":[1,2]}"), 400, "expected a number, boolean");
        assertError(c.put("api/values/fan_controller.temp", "{\"value\":"), 400, "malformed JSON");
        assertError(c.put("api/values/fan_controller.temp", "{}"), 400, "expected {\"value\"");
        assertError(c.post("api/actions/no_such.action", "{\"args\":[]}"), 404, "unknown action id");
        Reply badArgs = c.post("api/actions/fan_controller.activate", "{\"args\":[\"maybe\"]}");
        assertError(badArgs, 400, "expected boolean");
        assertEquals("BAD_ARGUMENTS", badArgs.json().get("kind").getAsString());
        assertError(c.post("api/actions/fan_controller.activate", "{\"args\":true}"), 400, "must be a JSON array");
        assertError(c.get("api/nothing/here"), 404, "no API at");
        assertError(c.send("DELETE", "api/model", null, Map.of()), 405, "use GET");
        String big = "{\"value\":\"" + "x".repeat(20_000) + "\"}";
        assertError(c.put("api/values/fan_controller.temp", big), 413, "larger than the limit of 16384");
        assertEquals("still serving after all that", 200, c.get("api/model").status());
    }

    /**
     * Without the kervi-history feature, api/history answers from the dashboard's memory (source "memory"), as JSON
     * and as CSV; bad parameters say what was wrong; api/health says no store is installed.
     */
    @Test
    public void historyRangesFromMemoryWithoutTheHistoryStore() {
        DashboardClient c = admin();
        for (int v : new int[] {21, 22, 23}) {
            assertEquals(200, c.put("api/values/cpu_load.setpoint", "{\"value\":" + v + "}").status());
            awaitValue(c, "cpu_load", v + ".0");
        }
        JsonObject h = c.get("api/history?id=cpu_load").json();
        assertEquals(h.toString(), "memory", h.get("source").getAsString());
        assertEquals(600_000, h.get("to").getAsLong() - h.get("from").getAsLong());
        assertTrue(h.toString(), h.get("points").toString().contains(",23.0]"));
        JsonArray two = c.get("api/history?id=cpu_load&points=2&from=2020-01-01T00:00:00Z").json()
                .getAsJsonArray("points");
        assertTrue(two.toString(), two.size() <= 2 && two.size() >= 1);

        java.net.http.HttpResponse<String> csv = c.getText("api/history.csv?id=cpu_load&from=0");
        assertEquals(csv.body(), 200, csv.statusCode());
        assertTrue(csv.headers().firstValue("content-type").orElse(""), csv.headers().firstValue("content-type")
                .orElse("").startsWith("text/csv"));
        assertTrue(csv.headers().firstValue("content-disposition").orElse(""), csv.headers()
                .firstValue("content-disposition").orElse("").startsWith("attachment; filename=\"cpu_load_"));
        String[] lines = csv.body().split("\r\n");
        assertEquals("time,value", lines[0]);
        assertTrue(csv.body(), lines[lines.length - 1].matches("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z,23"));

        assertError(c.get("api/history"), 400, "missing parameter 'id'");
        assertError(c.get("api/history?id=no_such_value"), 404, "unknown value id 'no_such_value'");
        assertError(c.get("api/history?id=cpu_load&from=2000&to=1000"), 400, "'from' (1970-01-01T00:00:02Z) must be before 'to'");
        assertError(c.get("api/history?id=cpu_load&points=1"), 400, "'points' must be from 2 to 10000, got 1");
        assertError(c.get("api/history?id=cpu_load&points=20000"), 400, "'points' must be from 2 to 10000");
        assertError(c.get("api/history?id=cpu_load&points=lots"), 400, "'points' must be a whole number");
        assertError(c.get("api/history?id=cpu_load&from=yesterday"), 400, "'from' must be epoch milliseconds or ISO-8601");
        assertError(c.get("api/history.csv?id=cpu_load&to=soon"), 400, "'to' must be epoch milliseconds or ISO-8601");
        assertError(c.send("POST", "api/history?id=cpu_load", "{}", Map.of()), 405, "use GET");

        DashboardClient viewer = new DashboardClient(base);
        assertEquals(200, viewer.login("viewer", "viewer").status());
        assertError(viewer.get("api/history?id=fan_controller.temp"), 403, "user groups may not see");

        JsonObject health = c.get("api/health").json();
        assertFalse(health.toString(), health.getAsJsonObject("history").get("installed").getAsBoolean());
        assertTrue(health.toString(), health.get("serverTime").getAsLong() > 0);
    }

    @Test
    public void crossSiteRequestsAreRefused() {
        DashboardClient c = admin();
        assertError(c.send("POST", "api/actions/fan_controller.activate", "{\"args\":[true]}", Map.of()), 403,
                "missing or wrong X-Kervi-Csrf");
        assertError(c.send("POST", "api/actions/fan_controller.activate", "{\"args\":[true]}",
                Map.of("X-Kervi-Csrf", "forged")), 403, "missing or wrong X-Kervi-Csrf");
        assertError(c.send("POST", "api/actions/fan_controller.activate", "{\"args\":[true]}",
                Map.of("Origin", "http://evil.example", "X-Kervi-Csrf", csrfOf(c))), 403,
                "origin http://evil.example is not this server");
        assertError(c.send("POST", "api/actions/fan_controller.activate", "args=true",
                "application/x-www-form-urlencoded", Map.of("X-Kervi-Csrf", csrfOf(c))), 415, "send JSON");
        DashboardClient other = new DashboardClient(base);
        assertError(other.send("POST", "api/login", "{\"user\":\"karaf\",\"password\":\"karaf\"}",
                Map.of("Origin", "http://evil.example")), 403, "cross-site request refused");
    }

    @Test
    public void aViewerMayLookButNotTouchNorSeeRestrictedDashboards() {
        DashboardClient viewer = new DashboardClient(base);
        Reply session = viewer.login("viewer", "viewer");
        assertEquals(200, session.status());
        assertFalse(session.json().get("canWrite").getAsBoolean());
        JsonObject model = viewer.get("api/model").json();
        assertFalse(model.toString(), model.get("dashboards").toString().contains("\"id\":\"fan\""));
        assertTrue(model.get("dashboards").toString().contains("\"id\":\"system\""));
        assertTrue("header values stay visible", model.getAsJsonObject("values").has("fan_controller.fan_speed"));
        assertFalse(model.getAsJsonObject("values").has("fan_controller.temp"));
        assertError(viewer.get("api/values/fan_controller.temp"), 403, "user groups may not see");
        assertEquals(200, viewer.get("api/values/cpu_load").status());
        assertError(viewer.put("api/values/cpu_load.setpoint", "{\"value\":20}"), 403, "may not write values");
        assertError(viewer.post("api/actions/fan_controller.activate", "{\"args\":[true]}"), 403,
                "may not call actions");
    }

    @Test
    public void streamStartsWithASnapshotFollowsChangesAndCanBeDropped() throws Exception {
        DashboardClient c = admin();
        try (SseStream stream = c.stream()) {
            assertEquals(200, stream.status(TIMEOUT));
            SseStream.Event hello = stream.await(e -> e.name().equals("hello"), TIMEOUT);
            assertNotNull("hello", hello);
            SseStream.Event snapshot = stream.await(e -> e.name().equals("snapshot"), TIMEOUT);
            assertNotNull("snapshot", snapshot);
            assertTrue(snapshot.data().toString().contains("\"id\":\"cpu_load\""));
            c.put("api/values/cpu_load.setpoint", "{\"value\":33}");
            assertNotNull("the change arrives on the stream",
                    stream.await(e -> e.name().equals("values") && carries(e.data(), "cpu_load", 33.0), TIMEOUT));
            String listed = karaf.execute("kervi:dashboard-streams --no-format");
            assertTrue(listed, listed.contains("karaf"));
            assertTrue(karaf.execute("kervi:dashboard-streams --drop").contains("Closed"));
            assertTrue("the server closed the stream", stream.awaitEnd(TIMEOUT));
        }
    }

    @Test
    public void hotInstalledModulesAppearOnOpenStreamsAndLeaveAgain() throws Exception {
        DashboardClient c = admin();
        try (SseStream stream = c.stream()) {
            assertNotNull(stream.await(e -> e.name().equals("snapshot"), TIMEOUT));
            long logBefore = java.nio.file.Files.size(karaf.karafLog());
            karaf.execute("feature:uninstall kervi-example-controllers", Duration.ofSeconds(60));
            long uninstalled = System.nanoTime();
            SseStream.Event gone = stream.await(e -> e.name().equals("model"), TIMEOUT);
            assertNotNull("model event after uninstall", gone);
            assertTrue("model event within 1 s", gone.receivedNanos() - uninstalled < 1_000_000_000L);
            awaitModel(c, m -> !m.getAsJsonObject("values").has("fan_controller.temp"));
            assertEquals(404, c.get("api/values/fan_controller.temp").status());

            karaf.execute("feature:install kervi-example-controllers", Duration.ofSeconds(60));
            long installed = System.nanoTime();
            SseStream.Event back = stream.await(e -> e.name().equals("model"), TIMEOUT);
            assertNotNull("model event after install", back);
            assertTrue("model event within 1 s", back.receivedNanos() - installed < 1_000_000_000L);
            awaitModel(c, m -> m.getAsJsonObject("values").has("fan_controller.temp"));
            assertOnlyControllersRefreshed(logBefore);
        }
    }

    /** Karaf logs "Refreshing bundles:" and one line per bundle; only the module's own bundle may be among them. */
    private static void assertOnlyControllersRefreshed(long fromByte) throws java.io.IOException {
        String log = java.nio.file.Files.readString(karaf.karafLog()).substring((int) fromByte);
        boolean inRefresh = false;
        for (String line : log.split("\\R")) {
            String message = line.substring(line.lastIndexOf('|') + 1).trim();
            if (message.equals("Refreshing bundles:")) {
                inRefresh = true;
            } else if (inRefresh && line.contains("FeaturesServiceImpl") && !message.isEmpty()
                    && Character.isLetter(message.charAt(0)) && message.contains("/")) {
                assertTrue("an unrelated bundle was refreshed: " + message,
                        message.startsWith("org.kervi.example.controllers/"));
            } else {
                inRefresh = false;
            }
        }
    }

    @Test
    public void anOpenPageShowsAHotInstalledModuleWithinASecond() throws Exception {
        org.openqa.selenium.chrome.ChromeDriver browser = Browser.start(
                java.nio.file.Files.createTempDirectory("kervi-chromium"));
        try {
            org.openqa.selenium.support.ui.WebDriverWait wait = new org.openqa.selenium.support.ui.WebDriverWait(
                    browser, TIMEOUT, Duration.ofMillis(20));
            browser.get(base);
            wait.until(d -> d.findElement(org.openqa.selenium.By.id("login-user")).isDisplayed());
            browser.findElement(org.openqa.selenium.By.id("login-user")).sendKeys("karaf");
            browser.findElement(org.openqa.selenium.By.id("login-password")).sendKeys("karaf");
            browser.findElement(org.openqa.selenium.By.id("login-submit")).click();
            String temp = "[data-value-id='fan_controller.temp']";
            wait.until(d -> !d.findElements(org.openqa.selenium.By.cssSelector(temp)).isEmpty());
            browser.executeScript("window.__kerviNoReload = true;");

            karaf.execute("feature:uninstall kervi-example-controllers", Duration.ofSeconds(60));
            long removed = System.nanoTime();
            wait.until(d -> d.findElements(org.openqa.selenium.By.cssSelector(temp)).isEmpty());
            long goneMillis = (System.nanoTime() - removed) / 1_000_000;

            karaf.execute("feature:install kervi-example-controllers", Duration.ofSeconds(60));
            long installed = System.nanoTime();
            wait.until(d -> !d.findElements(org.openqa.selenium.By.cssSelector(temp)).isEmpty());
            long shownMillis = (System.nanoTime() - installed) / 1_000_000;
            System.out.println("[DashboardApiIT] widget gone " + goneMillis + " ms after the uninstall returned, shown "
                    + shownMillis + " ms after the install returned");
            assertTrue("gone after " + goneMillis + " ms", goneMillis < 1000);
            assertTrue("shown after " + shownMillis + " ms", shownMillis < 1000);
            assertEquals("no reload", Boolean.TRUE, browser.executeScript("return window.__kerviNoReload"));
            Browser.screenshot(browser, "dashboard-hot-installed");
        } finally {
            browser.quit();
        }
    }

    @Test
    public void thePathIsConfigurable() {
        String farm = base.replace("/kervi/", "/farm/");
        try {
            karaf.execute("config:property-set -p org.kervi.dashboard path /farm");
            awaitDashboard(farm);
            DashboardClient c = new DashboardClient(farm);
            assertEquals(200, c.login("karaf", "karaf").status());
            assertTrue(c.get("api/model").json().getAsJsonObject("values").has("cpu_load"));
            assertEquals(404, new DashboardClient(base).get("api/session").status());
        } finally {
            karaf.execute("config:property-set -p org.kervi.dashboard path /kervi");
            awaitDashboard(base);
        }
    }

    private static String csrfOf(DashboardClient c) {
        return c.get("api/session").json().get("csrf").getAsString();
    }

    private static boolean carries(JsonElement values, String id, double v) {
        for (JsonElement e : values.getAsJsonArray()) {
            JsonObject o = e.getAsJsonObject();
            if (o.get("id").getAsString().equals(id) && o.get("v").isJsonPrimitive()
                    && o.get("v").getAsJsonPrimitive().isNumber() && o.get("v").getAsDouble() == v) {
                return true;
            }
        }
        return false;
    }

    private static void awaitValue(DashboardClient c, String id, String expected) {
        Poll.until(id + " = " + expected, TIMEOUT, () -> {
            Reply r = c.get("api/values/" + id);
            if (r.status() == 200 && r.json().get("value").toString().equals(expected)) {
                return r;
            }
            throw new IllegalStateException(r.toString());
        });
    }

    private static void awaitModel(DashboardClient c, java.util.function.Predicate<JsonObject> condition) {
        Poll.until("the model to match", TIMEOUT, () -> {
            JsonObject model = c.get("api/model").json();
            if (condition.test(model)) {
                return model;
            }
            throw new IllegalStateException(String.valueOf(model));
        });
    }

    private static void assertError(Reply r, int status, String messagePart) {
        assertEquals(r.toString(), status, r.status());
        assertTrue(r.toString(), r.error().contains(messagePart));
    }
}
