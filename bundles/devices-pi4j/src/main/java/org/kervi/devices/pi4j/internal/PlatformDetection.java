package org.kervi.devices.pi4j.internal;

/** Which platform {@code auto} stands for on a surveyed board, and why. */
record PlatformDetection(PlatformChoice platform, String reason) {

    static PlatformDetection of(BoardSurvey board) {
        if (board.model().isEmpty()) {
            return mock("no Raspberry Pi detected (" + BoardSurvey.MODEL + " missing)");
        }
        String model = board.model().get();
        if (!board.raspberryPi()) {
            return mock("no Raspberry Pi detected (" + BoardSurvey.MODEL + " says '" + model + "')");
        }
        if (board.gpioChips().isEmpty()) {
            return mock(model + " has no /dev/gpiochip* (a kernel without the GPIO character device?)");
        }
        return new PlatformDetection(PlatformChoice.GPIOD, model + ": gpiod for digital I/O ("
                + String.join(", ", board.gpioChips()) + "), linuxfs for I2C, SPI and PWM");
    }

    /** What to log: a fallback to mock is a warning, a detected board is news. */
    boolean fellBack() {
        return platform == PlatformChoice.MOCK;
    }

    private static PlatformDetection mock(String why) {
        return new PlatformDetection(PlatformChoice.MOCK, why + ": using the mock platform");
    }
}
