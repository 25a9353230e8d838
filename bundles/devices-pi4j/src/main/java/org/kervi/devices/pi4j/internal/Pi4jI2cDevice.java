package org.kervi.devices.pi4j.internal;

import com.pi4j.context.Context;
import com.pi4j.io.i2c.I2C;
import java.util.function.Supplier;
import org.kervi.api.hardware.HardwareException;
import org.kervi.api.hardware.I2cDevice;

final class Pi4jI2cDevice implements I2cDevice {
    private final Context context;
    private final I2C i2c;
    private final int bus;
    private final int address;

    Pi4jI2cDevice(Context context, I2C i2c, int bus, int address) {
        this.context = context;
        this.i2c = i2c;
        this.bus = bus;
        this.address = address;
    }

    static String describe(int bus, int address) {
        return String.format("i2c bus %d address 0x%02X", bus, address);
    }

    @Override
    public int bus() {
        return bus;
    }

    @Override
    public int address() {
        return address;
    }

    /**
     * A block read of one byte: Pi4J's single-register read gives linuxfs's byte unsigned but the mock's signed
     * (0xA1 as -95), which could not be told from an error code.
     */
    @Override
    public int readRegister(int register) throws HardwareException {
        return readRegisters(register, 1)[0] & 0xFF;
    }

    @Override
    public byte[] readRegisters(int register, int length) throws HardwareException {
        byte[] buffer = new byte[length];
        int read = transfer(() -> where(register), () -> i2c.readRegister(register, buffer, 0, length));
        if (read != length) {
            throw new HardwareException(HardwareException.Kind.BUS_ERROR,
                    where(register) + ": read " + read + " of " + length + " bytes");
        }
        return buffer;
    }

    @Override
    public void writeRegister(int register, int value) throws HardwareException {
        transfer(() -> where(register), () -> i2c.writeRegister(register, (byte) value));
    }

    @Override
    public void writeRegisters(int register, byte[] values) throws HardwareException {
        transfer(() -> where(register), () -> i2c.writeRegister(register, values, 0, values.length));
    }

    /** One transfer at a time on this device (the mock platform's control fills its register queues meanwhile). */
    private <T> T transfer(Supplier<String> where, Pi4jIo.Step<T> step) throws HardwareException {
        synchronized (i2c) {
            return Pi4jIo.onBus(where, step);
        }
    }

    @Override
    public void write(byte... bytes) throws HardwareException {
        transfer(() -> describe(bus, address), () -> i2c.write(bytes, 0, bytes.length));
    }

    @Override
    public byte[] read(int length) throws HardwareException {
        byte[] buffer = new byte[length];
        int read = transfer(() -> describe(bus, address), () -> i2c.read(buffer, 0, length));
        if (read != length) {
            throw new HardwareException(HardwareException.Kind.BUS_ERROR,
                    describe(bus, address) + ": read " + read + " of " + length + " bytes");
        }
        return buffer;
    }

    @Override
    public void close() {
        Pi4jIo.release(context, i2c.id());
    }

    private String where(int register) {
        return String.format("%s register 0x%02X", describe(bus, address), register);
    }
}
