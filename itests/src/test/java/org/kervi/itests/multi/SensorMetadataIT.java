package org.kervi.itests.multi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.After;
import org.junit.Test;
import org.kervi.itests.multi.DashboardClient.Reply;
import org.kervi.itests.producer.HiddenTool;
import org.kervi.itests.producer.ProbeDriver;
import org.kervi.itests.producer.ProducerBundle;
import org.kervi.itests.producer.TypedProbe;
import org.kervi.testkit.CommandResult;
import org.kervi.testkit.KarafProcess;

/**
 * Two Karaf processes: {@code module} runs a sensor whose driver says "temperature" in °C and a component declared
 * {@code visible(false)}; {@code root} runs the hub and the dashboard. The root's shell and dashboard API show the
 * sensor's type and unit, which crossed the IPC link with the value; the invisible component's value and action are
 * in the root's shell (marked hidden) and nowhere in its dashboard model. An action that never answers in time reads
 * the same in the owner's shell, in the root's shell and from the root's dashboard API.
 */
public class SensorMetadataIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Duration DASHBOARD_TIMEOUT = Duration.ofSeconds(120);
    private KarafProcess root;
    private KarafProcess module;

    @After
    public void cleanUp() {
        KarafProcess.closeAll(root, module);
    }

    @Test
    public void typeAndUnitCrossInstancesAndAnInvisibleComponentStaysOffTheDashboard() {
        int hubPort = Ports.free();
        int http = Ports.free();
        root = CrossInstanceIT.linked("root", "hub", hubPort)
                .withConfig("org.ops4j.pax.web", Map.of("org.osgi.service.http.port", Integer.toString(http)));
        module = CrossInstanceIT.linked("module", "client", hubPort);
        KarafProcess.startAll(root, module);
        root.execute("feature:install kervi-ipc kervi-dashboard", DASHBOARD_TIMEOUT);
        module.execute("feature:install kervi-ipc");
        ProducerBundle.write(module.home().resolve("deploy/typed-probe.jar"), TypedProbe.class, ProbeDriver.class);
        ProducerBundle.write(module.home().resolve("deploy/hidden-tool.jar"), HiddenTool.class);

        String values = root.awaitOutput("kervi:values --no-format", out -> out.contains(HiddenTool.VALUE)
                && CrossInstanceIT.cells(out, TypedProbe.ID, 3, 4).get(0).equals("21.5 °C"), TIMEOUT);
        assertEquals(values, List.of("21.5 °C", "module", "Probe", "temperature", ""),
                CrossInstanceIT.cells(values, TypedProbe.ID, 3, 8));
        assertEquals(values, List.of("module", "Level", "", "hidden"),
                CrossInstanceIT.cells(values, HiddenTool.VALUE, 4, 8));
        String detail = root.execute("kervi:value-get " + TypedProbe.ID + " --verbose");
        assertTrue(detail, detail.contains("sensorType: temperature") && detail.contains("unit:      °C"));
        assertTrue(root.execute("kervi:actions hidden_tool --no-format"), root.execute(
                "kervi:actions hidden_tool --no-format").contains(HiddenTool.ACTION));
        String components = root.execute("kervi:components --no-format");
        assertEquals(components, List.of("hidden"), CrossInstanceIT.cells(components, "hidden_tool", 9, 10));

        String base = "http://127.0.0.1:" + http + "/kervi/";
        DashboardApiIT.awaitDashboard(base, root);
        DashboardClient client = new DashboardClient(base);
        assertEquals(200, client.login("karaf", "karaf").status());
        JsonObject model = Poll.until("the probe in the root's dashboard model", TIMEOUT, () -> {
            Reply r = client.get("api/model");
            if (r.status() != 200 || !r.json().getAsJsonObject("values").has(TypedProbe.ID)) {
                throw new IllegalStateException("no " + TypedProbe.ID + " yet: " + r);
            }
            return r.json();
        });
        JsonObject probe = model.getAsJsonObject("values").getAsJsonObject(TypedProbe.ID);
        assertEquals(probe.toString(), "temperature", probe.get("sensorType").getAsString());
        assertEquals(probe.toString(), "°C", probe.get("unit").getAsString());
        assertEquals(probe.toString(), "number", probe.get("type").getAsString());
        String json = model.toString();
        assertFalse("the invisible component is nowhere in the model: " + json, json.contains("hidden_tool"));
        assertEquals(json, 0, model.getAsJsonArray("header").size());

        String timeout = HiddenTool.STALL + ": TIMEOUT: no result within " + HiddenTool.STALL_TIMEOUT_MILLIS + " ms";
        assertEquals("a timeout in the owner's shell", timeout, failure(module, "kervi:action " + HiddenTool.STALL));
        assertEquals("the same timeout from another instance", timeout,
                failure(root, "kervi:action " + HiddenTool.STALL));
        Reply call = client.post("api/actions/" + HiddenTool.STALL, "{\"args\":[]}");
        assertEquals(call.toString(), 504, call.status());
        assertEquals(call.toString(), "TIMEOUT", call.json().get("kind").getAsString());
        assertEquals(call.toString(), "no result within " + HiddenTool.STALL_TIMEOUT_MILLIS + " ms", call.error());
    }

    private static String failure(KarafProcess karaf, String command) {
        CommandResult result = karaf.run(command);
        return result.error().orElse("no error: " + result.output()).trim();
    }
}
