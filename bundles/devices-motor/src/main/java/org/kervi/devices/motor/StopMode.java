package org.kervi.devices.motor;

/** What a DC motor does at speed 0. */
public enum StopMode {
    /** Both motor terminals open: the motor runs down freely (Adafruit's RELEASE). */
    COAST,
    /** Both motor terminals at the same level: the motor stops fast. */
    BRAKE
}
