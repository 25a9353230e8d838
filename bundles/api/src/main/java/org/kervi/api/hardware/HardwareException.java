package org.kervi.api.hardware;

/**
 * A pin, bus or chip that did not do what the driver needed. Checked, because a driver must decide what a failed read
 * means (a sensor reports it on its state and polls again later).
 */
public class HardwareException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What went wrong, so that a caller can react without parsing messages. */
    public enum Kind {
        /** A transfer on the bus failed: no device answered, or the answer was cut short. */
        BUS_ERROR,
        /** A device answered, but it is not the chip the driver expects (wrong chip id). */
        WRONG_CHIP,
        /** The platform cannot give this pin or bus: unknown number, already in use, or not supported. */
        UNAVAILABLE
    }

    private final Kind kind;

    public HardwareException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public HardwareException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    /** A device at {@code where} that answered with another chip id than the driver expects. */
    public static HardwareException wrongChip(String where, int expectedId, int actualId) {
        return new HardwareException(Kind.WRONG_CHIP,
                String.format("wrong chip at %s: chip id 0x%02X, expected 0x%02X", where, actualId, expectedId));
    }

    public Kind kind() {
        return kind;
    }
}
