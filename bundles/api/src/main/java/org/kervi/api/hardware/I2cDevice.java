package org.kervi.api.hardware;

import org.osgi.annotation.versioning.ProviderType;

/** One chip on an I2C bus, addressed by its 7-bit address. Registers and values are unsigned bytes (0–255). */
@ProviderType
public interface I2cDevice extends AutoCloseable {
    int bus();

    int address();

    /** Reads one register, 0–255. */
    int readRegister(int register) throws HardwareException;

    /** Reads {@code length} bytes starting at {@code register} (a block read, as chips with auto-increment allow). */
    byte[] readRegisters(int register, int length) throws HardwareException;

    void writeRegister(int register, int value) throws HardwareException;

    void writeRegisters(int register, byte[] values) throws HardwareException;

    /** Sends bytes with no register in front (a command opcode, as the BH1750 takes). */
    void write(byte... bytes) throws HardwareException;

    /** Reads {@code length} bytes with no register in front (the answer of a command-driven chip). */
    byte[] read(int length) throws HardwareException;

    @Override
    void close();
}
