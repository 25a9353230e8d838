package org.kervi.devices.pi4j.internal;

import java.util.List;
import java.util.Optional;

/** What the board offers, read from the device tree, {@code /dev} and {@code /sys}. */
record BoardSurvey(
        Optional<String> model,
        List<String> gpioChips,
        List<String> i2cBuses,
        List<String> spiDevices,
        List<String> pwmChips,
        boolean sysfsGpio) {
    static final String MODEL = "/proc/device-tree/model";

    static BoardSurvey of(SystemFiles files) {
        return new BoardSurvey(
                files.text(MODEL),
                files.names("/dev", "gpiochip"),
                files.names("/dev", "i2c-"),
                files.names("/dev", "spidev"),
                files.names("/sys/class/pwm", "pwmchip"),
                files.exists("/sys/class/gpio/export"));
    }

    boolean raspberryPi() {
        return model.filter(text -> text.contains("Raspberry Pi")).isPresent();
    }
}
