package org.kervi.example.greenhouse.simulation;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The simulated greenhouse around the sensors module on the mock platform. Chip addresses and the probe id are the
 * sensors module's defaults ({@code org.kervi.example.greenhouse.sensors}); change both together.
 */
@ObjectClassDefinition(id = SimulationConfig.PID, name = "Greenhouse simulation (mock platform)",
        description = "Moves the mock BME280, ADS1115 and DS18B20 so the greenhouse demo shows life")
public @interface SimulationConfig {
    String PID = "org.kervi.example.greenhouse.simulation";

    @AttributeDefinition(name = "Speed", description = "Simulated seconds per real second")
    double speed() default 20;

    @AttributeDefinition(name = "Soil moisture at start (%)")
    double startMoisture() default 40;

    @AttributeDefinition(name = "Air temperature at start (°C)")
    double startTemperature() default 22;

    @AttributeDefinition(name = "Step (ms)", description = "Real time between two steps of the simulation")
    int stepMillis() default 250;

    @AttributeDefinition(name = "I2C bus")
    int i2cBus() default 1;

    @AttributeDefinition(name = "BME280 address")
    int bme280Address() default 0x76;

    @AttributeDefinition(name = "ADS1115 address")
    int ads1115Address() default 0x48;

    @AttributeDefinition(name = "Soil probe channel")
    int soilChannel() default 0;

    @AttributeDefinition(name = "Soil dry (V)")
    double soilDryVolts() default 2.8;

    @AttributeDefinition(name = "Soil wet (V)")
    double soilWetVolts() default 1.2;

    @AttributeDefinition(name = "Water probe", description = "The simulated DS18B20's 1-Wire device id")
    String waterProbe() default "28-00000000a1b2";

    @AttributeDefinition(name = "1-Wire devices", description = "The folder the Hardware service reads 1-Wire "
            + "devices from (oneWireDevices of org.kervi.hardware); the simulation writes w1_slave files there")
    String oneWireDevices();
}
