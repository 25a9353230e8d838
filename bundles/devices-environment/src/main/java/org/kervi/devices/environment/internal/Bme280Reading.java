package org.kervi.devices.environment.internal;

/** One measurement of all three quantities. */
public record Bme280Reading(double celsius, double hectopascal, double percentHumidity) {}
