package org.kervi.devices.motion;

/** The MPU6050's accelerometer full scale (AFS_SEL) and its sensitivity (datasheet table 6.2). */
public enum AccelerometerRange {
    G2(0, 16384),
    G4(1, 8192),
    G8(2, 4096),
    G16(3, 2048);

    private final int select;
    private final double lsbPerG;

    AccelerometerRange(int select, double lsbPerG) {
        this.select = select;
        this.lsbPerG = lsbPerG;
    }

    /** The ACCEL_CONFIG value (AFS_SEL in bits 4:3). */
    public int configValue() {
        return select << 3;
    }

    public double lsbPerG() {
        return lsbPerG;
    }
}
