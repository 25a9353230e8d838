package org.kervi.example.greenhouse.sensors;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Where the greenhouse's sensors are wired (defaults: docs/hardware.md, "Greenhouse demo"). */
@ObjectClassDefinition(id = SensorsConfig.PID, name = "Greenhouse sensors",
        description = "BME280 air sensor and ADS1115 soil moisture input on I2C, DS18B20 water probe on 1-Wire")
public @interface SensorsConfig {
    String PID = "org.kervi.example.greenhouse.sensors";

    @AttributeDefinition(name = "I2C bus")
    int i2cBus() default 1;

    @AttributeDefinition(name = "BME280 address", description = "118 (0x76, SDO to ground) or 119 (0x77)")
    int bme280Address() default 0x76;

    @AttributeDefinition(name = "ADS1115 address", description = "72 (0x48, ADDR to ground) to 75 (0x4B)")
    int ads1115Address() default 0x48;

    @AttributeDefinition(name = "Soil probe channel", description = "ADS1115 input of the soil moisture probe, 0-3")
    int soilChannel() default 0;

    @AttributeDefinition(name = "Soil dry (V)", description = "Probe voltage in dry soil (0 %)")
    double soilDryVolts() default 2.8;

    @AttributeDefinition(name = "Soil wet (V)", description = "Probe voltage in soaked soil (100 %)")
    double soilWetVolts() default 1.2;

    @AttributeDefinition(name = "Water probe", description = "The DS18B20's 1-Wire device id")
    String waterProbe() default "28-00000000a1b2";

    @AttributeDefinition(name = "Poll interval (ms)")
    int pollMillis() default 1000;
}
