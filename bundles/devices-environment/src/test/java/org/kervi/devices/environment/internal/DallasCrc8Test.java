package org.kervi.devices.environment.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class DallasCrc8Test {
    @Test
    void givesTheCrcOfMaximApplicationNote27sRomExample() {
        byte[] rom = {0x02, 0x1C, (byte) 0xB8, 0x01, 0x00, 0x00, 0x00};
        assertEquals(0xA2, DallasCrc8.of(rom, rom.length));
    }

    @Test
    void givesTheCrcsOfRealDs18b20Scratchpads() {
        assertEquals(0x57, DallasCrc8.of(HexFormat.of().parseHex("72014b467fff0e10"), 8));
        assertEquals(0xE1, DallasCrc8.of(HexFormat.of().parseHex("4b014b467fff0510"), 8));
    }
}
