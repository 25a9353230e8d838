package org.kervi.api.history;

/**
 * One recorded value: a {@link Double} for numbers (booleans as 0 / 1 in a downsampled series), a {@link Boolean}, or
 * a {@link String} for enums and text.
 */
public record HistoryPoint(long timeMillis, Object value) {}
