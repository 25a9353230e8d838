package org.kervi.example.greenhouse.simulation;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.kervi.api.hardware.HardwareException;
import org.kervi.api.hardware.I2cDevice;

/**
 * An I2C chip's registers in memory: every read of a register answers what was put there. Lets the simulation run the
 * real BME280 driver on candidate raw values.
 */
final class RegisterImage implements I2cDevice {
    private final Map<Integer, byte[]> registers = new HashMap<>();

    void put(int register, byte[] bytes) {
        registers.put(register, bytes.clone());
    }

    @Override
    public int bus() {
        return 0;
    }

    @Override
    public int address() {
        return 0;
    }

    @Override
    public int readRegister(int register) throws HardwareException {
        return readRegisters(register, 1)[0] & 0xFF;
    }

    @Override
    public byte[] readRegisters(int register, int length) throws HardwareException {
        byte[] bytes = registers.get(register);
        if (bytes == null || bytes.length < length) {
            throw new HardwareException(HardwareException.Kind.BUS_ERROR,
                    String.format("register image: nothing put at 0x%02X", register));
        }
        return Arrays.copyOf(bytes, length);
    }

    @Override
    public void writeRegister(int register, int value) {
        // set-up writes of a driver change nothing in the image
    }

    @Override
    public void writeRegisters(int register, byte[] values) {
        // as above
    }

    @Override
    public void close() {}
}
