package org.kervi.devices.pi4j.internal;

/** The kinds of I/O a Pi4J provider gives; each platform names one provider per kind. */
enum IoKind {
    DIGITAL_INPUT("digital input"),
    DIGITAL_OUTPUT("digital output"),
    PWM("PWM"),
    I2C("I2C"),
    SPI("SPI");

    private final String label;

    IoKind(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
