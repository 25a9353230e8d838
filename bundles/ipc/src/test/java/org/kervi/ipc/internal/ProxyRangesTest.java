package org.kervi.ipc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.Gson;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kervi.api.runtime.ValueEntry;
import org.kervi.api.values.NumberValue;
import org.kervi.api.values.RangeLevel;
import org.kervi.api.values.ValueKind;
import org.kervi.api.values.ValueRole;
import org.kervi.ipc.api.ValueDescriptor;

class ProxyRangesTest {

    @Test
    void aProxyGetsTheOwnersRangesThroughJsonAndReadsTheSameLevel() {
        NumberValue owned = new NumberValue("temp", "Temperature").addWarningRange(60, 80, "hot")
                .addErrorRange(80, Double.POSITIVE_INFINITY).rangeHysteresis(2);
        ValueDescriptor d = Proxies.describe(new ValueEntry(owned, "c", "a", true));
        Gson gson = new Gson();
        @SuppressWarnings("unchecked")
        Map<String, Object> wired = gson.fromJson(gson.toJson(d.attributes()), Map.class);
        NumberValue proxy = (NumberValue) Proxies.proxy(new ValueDescriptor("temp", "Temperature", ValueKind.NUMBER,
                ValueRole.STANDALONE, "c", wired));
        assertEquals(owned.ranges(), proxy.ranges());
        Proxies.set(proxy, 70.0);
        assertEquals(RangeLevel.WARNING, proxy.rangeLevel());
        assertEquals("warning", proxy.attributes().get(NumberValue.RANGE_LEVEL));
        assertEquals(2.0, proxy.rangeHysteresis());
        Proxies.set(proxy, 85.0);
        Proxies.set(proxy, 79.0);
        assertEquals(RangeLevel.ERROR, proxy.rangeLevel(), "within the owner's margin the proxy stays in error too");
    }

    @Test
    void aMalformedRangeFromAPeerIsLeftOutAndTheValueStays() {
        NumberValue proxy = (NumberValue) Proxies.proxy(new ValueDescriptor("temp", "T", ValueKind.NUMBER,
                ValueRole.STANDALONE, "c", Map.of(NumberValue.RANGES, List.of(Map.of("level", "severe"),
                        Map.of("level", "error", "low", 5.0)))));
        assertEquals(1, proxy.ranges().size());
    }
}
