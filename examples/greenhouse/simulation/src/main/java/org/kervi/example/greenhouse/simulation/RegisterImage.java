package org.kervi.example.greenhouse.simulation;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.kervi.api.hardware.HardwareException;
import org.kervi.api.hardware.I2cDevice;

/**
 * An I2C chip's registers in memory: every register read answers what was put there, writes change nothing. Lets the
 * simulation run the real BME280 driver on candidate raw values. A proxy rather than an implementation, so that
 * methods the hardware api gains later need nothing here: they answer that the image does not support them.
 */
final class RegisterImage implements InvocationHandler {
    private final Map<Integer, byte[]> registers = new HashMap<>();
    private final I2cDevice device = (I2cDevice) Proxy.newProxyInstance(I2cDevice.class.getClassLoader(),
            new Class<?>[] {I2cDevice.class}, this);

    I2cDevice device() {
        return device;
    }

    void put(int register, byte[] bytes) {
        registers.put(register, bytes.clone());
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws HardwareException {
        switch (method.getName()) {
            case "readRegisters":
                return read((Integer) args[0], (Integer) args[1]);
            case "readRegister":
                return read((Integer) args[0], 1)[0] & 0xFF;
            case "writeRegister", "writeRegisters", "close":
                return null;
            case "bus", "address":
                return 0;
            case "hashCode":
                return System.identityHashCode(proxy);
            case "equals":
                return proxy == args[0];
            case "toString":
                return "register image " + registers.keySet();
            default:
                throw new UnsupportedOperationException("register image: " + method.getName());
        }
    }

    private byte[] read(int register, int length) throws HardwareException {
        byte[] bytes = registers.get(register);
        if (bytes == null || bytes.length < length) {
            throw new HardwareException(HardwareException.Kind.BUS_ERROR,
                    String.format("register image: nothing put at 0x%02X", register));
        }
        return Arrays.copyOf(bytes, length);
    }
}
