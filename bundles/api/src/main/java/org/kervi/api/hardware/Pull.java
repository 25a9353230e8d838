package org.kervi.api.hardware;

/** The pull resistor of a digital input: up, down, or none (an external resistor decides the idle level). */
public enum Pull {
    UP,
    DOWN,
    OFF
}
