package org.kervi.api.hardware;

/**
 * One GPIO channel configuration as {@code kervi:hardware} shows it. {@code id} is the value id (or the
 * configuration's pid when the id itself is what is wrong), {@code kind} is {@code digital-input},
 * {@code digital-output} or {@code pwm}, {@code address} e.g. {@code gpio 17}; {@code error} is empty unless the
 * channel failed or its last write to the pin failed.
 */
public record ChannelStatus(String id, String kind, String address, ChannelState state, String error) {}
