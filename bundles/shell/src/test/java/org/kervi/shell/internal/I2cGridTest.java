package org.kervi.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kervi.api.hardware.I2cScan;

class I2cGridTest {
    @Test
    void drawsTheGridLikeI2cdetect() {
        String grid = I2cGrid.render(new I2cScan(1, List.of(0x03, 0x48, 0x77), List.of(0x76)));
        List<String> lines = grid.lines().toList();
        assertEquals(9, lines.size());
        assertEquals("     0  1  2  3  4  5  6  7  8  9  a  b  c  d  e  f", lines.get(0));
        assertEquals("00:          03 -- -- -- -- -- -- -- -- -- -- -- --", lines.get(1));
        assertEquals("40: -- -- -- -- -- -- -- -- 48 -- -- -- -- -- -- --", lines.get(5));
        assertEquals("70: -- -- -- -- -- -- UU 77                        ", lines.get(8));
    }
}
