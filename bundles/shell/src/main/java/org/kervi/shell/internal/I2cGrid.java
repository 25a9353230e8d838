package org.kervi.shell.internal;

import org.kervi.api.hardware.I2cScan;

/** An I2C scan drawn as {@code i2cdetect} draws it: a 16-column grid, the address where a chip answered, UU if held. */
final class I2cGrid {
    private I2cGrid() {}

    static String render(I2cScan scan) {
        StringBuilder out = new StringBuilder("     0  1  2  3  4  5  6  7  8  9  a  b  c  d  e  f");
        for (int row = 0; row < 0x80; row += 0x10) {
            out.append(System.lineSeparator()).append(String.format("%02x:", row));
            for (int address = row; address < row + 0x10; address++) {
                out.append(' ').append(cell(scan, address));
            }
        }
        return out.toString();
    }

    private static String cell(I2cScan scan, int address) {
        if (address < I2cScan.FIRST_ADDRESS || address > I2cScan.LAST_ADDRESS) {
            return "  ";
        }
        if (scan.held().contains(address)) {
            return "UU";
        }
        return scan.answered().contains(address) ? String.format("%02x", address) : "--";
    }
}
