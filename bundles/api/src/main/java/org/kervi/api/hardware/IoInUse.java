package org.kervi.api.hardware;

/**
 * A pin or bus device held on the platform. {@code address} is e.g. {@code gpio 17}, {@code pwm 0},
 * {@code i2c 1 0x76}; {@code state} is what the platform reports ({@code high}, {@code low}, {@code 40 % at 1000 Hz}
 * or empty); {@code user} is the channel holding it ({@code channel relay}), else the symbolic name of the bundle
 * that opened it (a driver's), else {@code a driver}.
 */
public record IoInUse(String address, String kind, String state, String user) {}
