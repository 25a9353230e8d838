package org.kervi.homeassistant.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Home Assistant's sensor device class for a number, from the value's {@code sensorType} and unit: only where the
 * unit is one Home Assistant accepts for that class (it refuses the entity otherwise), else none.
 */
final class DeviceClasses {
    private record Kind(String deviceClass, Set<String> units) {}

    private static final Map<String, Kind> BY_SENSOR_TYPE = Map.ofEntries(
            Map.entry("temperature", new Kind("temperature", Set.of("°C", "°F", "K"))),
            Map.entry("humidity", new Kind("humidity", Set.of("%"))),
            Map.entry("moisture", new Kind("moisture", Set.of("%"))),
            Map.entry("pressure", new Kind("pressure", Set.of("Pa", "hPa", "kPa", "bar", "cbar", "mbar", "mmHg",
                    "inHg", "psi"))),
            Map.entry("light", new Kind("illuminance", Set.of("lx"))),
            Map.entry("illuminance", new Kind("illuminance", Set.of("lx"))),
            Map.entry("voltage", new Kind("voltage", Set.of("V", "mV"))),
            Map.entry("current", new Kind("current", Set.of("A", "mA"))),
            Map.entry("power", new Kind("power", Set.of("W", "kW"))),
            Map.entry("energy", new Kind("energy", Set.of("Wh", "kWh"))),
            Map.entry("battery", new Kind("battery", Set.of("%"))),
            Map.entry("distance", new Kind("distance", Set.of("mm", "cm", "m", "km"))),
            Map.entry("frequency", new Kind("frequency", Set.of("Hz", "kHz", "MHz"))));

    private DeviceClasses() {}

    /** The device class, or null when none is known for this type and unit. */
    static String of(String sensorType, String unit) {
        Kind kind = BY_SENSOR_TYPE.get(sensorType == null ? "" : sensorType.trim().toLowerCase(Locale.ROOT));
        if (kind != null && kind.units().contains(unit == null ? "" : unit.trim())) {
            return kind.deviceClass();
        }
        if (kind == null && "°C".equals(unit)) {
            return "temperature";
        }
        return null;
    }
}
