package org.kervi.devices.pi4j.internal;

import com.pi4j.context.Context;
import com.pi4j.io.spi.Spi;
import org.kervi.api.hardware.HardwareException;
import org.kervi.api.hardware.SpiDevice;

final class Pi4jSpiDevice implements SpiDevice {
    private final Context context;
    private final Spi spi;
    private final int bus;
    private final int chipSelect;

    Pi4jSpiDevice(Context context, Spi spi, int bus, int chipSelect) {
        this.context = context;
        this.spi = spi;
        this.bus = bus;
        this.chipSelect = chipSelect;
    }

    @Override
    public int bus() {
        return bus;
    }

    @Override
    public int chipSelect() {
        return chipSelect;
    }

    @Override
    public byte[] transfer(byte[] out) throws HardwareException {
        byte[] in = new byte[out.length];
        int count = Pi4jIo.onBus(this::where, () -> spi.transfer(out, 0, in, 0, out.length));
        if (count != out.length) {
            throw new HardwareException(HardwareException.Kind.BUS_ERROR,
                    where() + ": transferred " + count + " of " + out.length + " bytes");
        }
        return in;
    }

    @Override
    public void close() {
        Pi4jIo.release(context, spi.id());
    }

    private String where() {
        return "spi " + bus + "." + chipSelect;
    }
}
