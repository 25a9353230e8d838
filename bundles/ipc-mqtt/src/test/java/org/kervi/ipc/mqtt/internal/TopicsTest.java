package org.kervi.ipc.mqtt.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class TopicsTest {
    private final Topics topics = new Topics("kervi", "greenhouse");

    @Test
    void levelsAfterTheApplicationRoot() {
        assertArrayEquals(new String[] {"value", "fan.speed"}, topics.levels(topics.value("fan.speed")));
        assertArrayEquals(new String[] {"dir", "value", "fan.speed"}, topics.levels(topics.valueEntry("fan.speed")));
        assertArrayEquals(new String[] {"call", "sensors", "fan.boost"},
                topics.levels(topics.request(Topics.CALL, "sensors", "fan.boost")));
    }

    @Test
    void emptyLevelsAreKeptAsTheyStand() {
        assertArrayEquals(new String[] {"value", ""}, topics.levels("kervi/greenhouse/value/"));
        assertArrayEquals(new String[] {"", "x", ""}, topics.levels("kervi/greenhouse//x/"));
        assertArrayEquals(new String[] {""}, topics.levels("kervi/greenhouse/"));
    }

    @Test
    void topicsOfOtherApplicationsHaveNoLevels() {
        assertNull(topics.levels("kervi/lab/value/fan.speed"));
        assertNull(topics.levels("homeassistant/status"));
    }
}
