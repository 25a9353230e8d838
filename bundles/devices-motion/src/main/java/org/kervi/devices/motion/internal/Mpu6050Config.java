package org.kervi.devices.motion.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(id = ConfiguredMpu6050.PID, name = "Kervi MPU6050 motion sensor",
        description = "Three sensors: <id>_acceleration (x/y/z, g), <id>_rotation (x/y/z, °/s), <id>_temperature")
@interface Mpu6050Config {
    @AttributeDefinition(name = "Id", description = "Prefix of the three sensors' ids")
    String id();

    @AttributeDefinition(name = "Name", required = false)
    String name() default "";

    @AttributeDefinition(name = "I2C bus")
    int bus() default 1;

    @AttributeDefinition(name = "Address", description = "0x68 with AD0 low, 0x69 with AD0 high")
    String address() default "0x68";

    @AttributeDefinition(name = "Accelerometer range", options = {
        @Option(value = "G2", label = "±2 g"), @Option(value = "G4", label = "±4 g"),
        @Option(value = "G8", label = "±8 g"), @Option(value = "G16", label = "±16 g")
    })
    String accelerometerRange() default "G2";

    @AttributeDefinition(name = "Gyroscope range", options = {
        @Option(value = "DPS250", label = "±250 °/s"), @Option(value = "DPS500", label = "±500 °/s"),
        @Option(value = "DPS1000", label = "±1000 °/s"), @Option(value = "DPS2000", label = "±2000 °/s")
    })
    String gyroscopeRange() default "DPS250";

    @AttributeDefinition(name = "Poll interval, ms")
    long pollMillis() default 1000;
}
