package org.kervi.devices.pi4j.internal;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Whether a real-hardware provider can work on this board, checked before it joins the context. Each problem names
 * its fix, because the operator reads it in the log of a machine with no one else to ask.
 */
final class ProviderChecks {
    private final SystemFiles files;
    private final BoardSurvey board;
    private final Function<String, Optional<String>> nativeProblem;

    ProviderChecks(SystemFiles files, BoardSurvey board, Function<String, Optional<String>> nativeProblem) {
        this.files = files;
        this.board = board;
        this.nativeProblem = nativeProblem;
    }

    static ProviderChecks machine() {
        SystemFiles files = SystemFiles.machine();
        return new ProviderChecks(files, BoardSurvey.of(files), NativeLibraries::problem);
    }

    BoardSurvey board() {
        return board;
    }

    Optional<String> gpiod() {
        return nativeProblem.apply(NativeLibraries.GPIOD)
                .or(() -> devices(board.gpioChips(), "/dev/gpiochip*",
                        "a kernel with the GPIO character device (Raspberry Pi OS Bookworm has it)", "gpio"));
    }

    Optional<String> sysfsGpio() {
        if (!board.sysfsGpio()) {
            return Optional.of("/sys/class/gpio/export is missing (recent kernels dropped the sysfs GPIO interface):"
                    + " use platform gpiod for digital I/O");
        }
        return unwritable(List.of("/sys/class/gpio/export"), "gpio");
    }

    Optional<String> i2c() {
        return nativeProblem.apply(NativeLibraries.LINUXFS)
                .or(() -> devices(board.i2cBuses(), "/dev/i2c-*",
                        "dtparam=i2c_arm=on in /boot/firmware/config.txt (or raspi-config), then reboot", "i2c"));
    }

    Optional<String> spi() {
        return devices(board.spiDevices(), "/dev/spidev*",
                "dtparam=spi=on in /boot/firmware/config.txt (or raspi-config), then reboot", "spi");
    }

    Optional<String> pwm(int chip) {
        String folder = "/sys/class/pwm/pwmchip" + chip;
        if (!files.exists(folder)) {
            return Optional.of(folder + " is missing: add dtoverlay=pwm-2chan to /boot/firmware/config.txt, then"
                    + " reboot (Pi 5: kernel 6.6.22 or newer)");
        }
        return unwritable(List.of(folder + "/export"), "gpio");
    }

    private Optional<String> devices(List<String> names, String pattern, String enable, String group) {
        if (names.isEmpty()) {
            return Optional.of("no " + pattern + " on this machine: enable it with " + enable);
        }
        return unwritable(names.stream().map(name -> "/dev/" + name).toList(), group);
    }

    /** A problem only when none of {@code nodes} can be opened for reading and writing. */
    private Optional<String> unwritable(List<String> nodes, String group) {
        if (nodes.stream().anyMatch(files::readWritable)) {
            return Optional.empty();
        }
        return Optional.of("no read/write permission on " + nodes.get(0) + ": add the user that runs Kervi to group "
                + group + " (sudo usermod -aG " + group + " USER), then log in again or restart the service");
    }
}
