package org.kervi.ipc.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.kervi.api.actions.ActionInfo;
import org.kervi.api.runtime.ValueEntry;
import org.kervi.api.values.BooleanValue;
import org.kervi.api.values.Color;
import org.kervi.api.values.ColorValue;
import org.kervi.api.values.DateTimeValue;
import org.kervi.api.values.EnumValue;
import org.kervi.api.values.NumberValue;
import org.kervi.api.values.StringValue;
import org.kervi.api.values.Value;
import org.kervi.api.values.ValueRange;
import org.kervi.ipc.api.ActionDescriptor;
import org.kervi.ipc.api.ValueDescriptor;

/** Between the core's values and actions and the transport's descriptors and wire scalars. */
final class Proxies {
    private Proxies() {}

    static ValueDescriptor describe(ValueEntry entry) {
        Value<?> v = entry.value();
        Map<String, Object> attributes = v.attributes();
        if (!v.dashboardLinks().isEmpty()) {
            attributes.put(DashboardLinksWire.ATTRIBUTE, DashboardLinksWire.toWire(v.dashboardLinks()));
        }
        return new ValueDescriptor(v.id(), v.name(), v.kind(), v.role(), entry.componentId(), attributes);
    }

    static ActionDescriptor describe(ActionInfo a) {
        return new ActionDescriptor(a.id(), a.name(), a.componentId(), a.parameters(), a.returnType(), a.confirm(),
                a.concurrency(), a.timeout(), a.dashboardLinks(), a.unit(), a.decimals());
    }

    static ActionInfo info(ActionDescriptor d, String owner) {
        return new ActionInfo(d.id(), d.name(), d.componentId(), owner, false, d.parameters(), d.returnType(),
                d.confirm(), d.concurrency(), d.timeout(), d.dashboardLinks(), d.unit(), d.decimals());
    }

    /** A value's state as a JSON scalar: numbers, booleans, text, ISO-8601 instants, #rrggbb colors. */
    static Object toWire(Object v) {
        if (v instanceof Instant instant) {
            return instant.toString();
        }
        if (v instanceof Color color) {
            return color.hex();
        }
        return v;
    }

    /**
     * A proxy of the same kind, role, range, unit and options as the remote value, so that links, the shell and the
     * dashboard treat it like a local one. Its delta is only shown (an attribute): the owner applied it before
     * publishing, so the proxy takes every event.
     * The declared ranges come along, so the proxy's range level follows its value as the owner's does.
     */
    static Value<?> proxy(ValueDescriptor d) {
        Map<String, Object> a = d.attributes();
        Value<?> v = switch (d.kind()) {
            case NUMBER -> {
                NumberValue n = new NumberValue(d.id(), d.name());
                double min = number(a.get("min"), Double.NEGATIVE_INFINITY);
                double max = number(a.get("max"), Double.POSITIVE_INFINITY);
                if (min <= max) {
                    n.range(min, max);
                }
                double decimals = number(a.get("decimals"), 3);
                if (decimals >= 0 && decimals <= 15) {
                    n.decimals((int) decimals);
                }
                if (a.get(NumberValue.RANGES) instanceof List<?> ranges) {
                    for (Object range : ranges) {
                        try {
                            n.addRange(ValueRange.fromAttribute(range));
                        } catch (IllegalArgumentException badRange) {
                            // a peer's malformed range: the proxy goes without it rather than without the value
                        }
                    }
                    double margin = number(a.get(NumberValue.RANGE_HYSTERESIS), 0);
                    if (margin > 0 && !Double.isInfinite(margin)) {
                        n.rangeHysteresis(margin);
                    }
                }
                yield n.unit(a.get("unit") == null ? "" : a.get("unit").toString());
            }
            case BOOLEAN -> new BooleanValue(d.id(), d.name());
            case STRING -> {
                StringValue s = new StringValue(d.id(), d.name());
                double maxLength = number(a.get("maxLength"), 0);
                yield maxLength >= 1 ? s.maxLength((int) maxLength) : s;
            }
            case ENUM -> {
                EnumValue e = new EnumValue(d.id(), d.name());
                if (a.get("options") instanceof List<?> options) {
                    for (Object o : options) {
                        if (o instanceof Map<?, ?> m && m.get("key") != null) {
                            Object label = m.get("label");
                            e.option(m.get("key").toString(), label == null ? null : label.toString());
                        }
                    }
                }
                yield e;
            }
            case DATETIME -> new DateTimeValue(d.id(), d.name());
            case COLOR -> new ColorValue(d.id(), d.name());
        };
        v.role(d.role());
        DashboardLinksWire.fromWire(a.get(DashboardLinksWire.ATTRIBUTE)).forEach(v::linkToDashboard);
        a.forEach((key, attribute) -> {
            if (!TYPE_ATTRIBUTES.contains(key) && !key.equals(DashboardLinksWire.ATTRIBUTE) && attribute != null) {
                v.attribute(key, attribute);
            }
        });
        return v;
    }

    /** Attributes the proxy's own type derives from its settings. */
    private static final java.util.Set<String> TYPE_ATTRIBUTES =
            java.util.Set.of("unit", "min", "max", "decimals", "options", "maxLength",
                    NumberValue.RANGES, NumberValue.RANGE_LEVEL, NumberValue.RANGE_HYSTERESIS);

    private static double number(Object o, double fallback) {
        return o instanceof Number n ? n.doubleValue() : fallback;
    }

    /** Sets a proxy from a wire scalar (the transport's reader thread; the hot path of remote values). */
    @SuppressWarnings("unchecked")
    static void set(Value<?> proxy, Object raw) {
        Value<Object> p = (Value<Object>) proxy;
        p.set(p.convert(raw));
    }
}
