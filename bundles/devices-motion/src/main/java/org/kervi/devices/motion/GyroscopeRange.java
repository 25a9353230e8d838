package org.kervi.devices.motion;

/** The MPU6050's gyroscope full scale (FS_SEL) and its sensitivity (datasheet table 6.1). */
public enum GyroscopeRange {
    DPS250(0, 131),
    DPS500(1, 65.5),
    DPS1000(2, 32.8),
    DPS2000(3, 16.4);

    private final int select;
    private final double lsbPerDegreePerSecond;

    GyroscopeRange(int select, double lsbPerDegreePerSecond) {
        this.select = select;
        this.lsbPerDegreePerSecond = lsbPerDegreePerSecond;
    }

    /** The GYRO_CONFIG value (FS_SEL in bits 4:3). */
    public int configValue() {
        return select << 3;
    }

    public double lsbPerDegreePerSecond() {
        return lsbPerDegreePerSecond;
    }
}
