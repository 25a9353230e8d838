package org.kervi.devices.pi4j.internal;

import com.pi4j.boardinfo.util.BoardInfoHelper;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalInputProvider;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalOutputProvider;
import com.pi4j.plugin.linuxfs.internal.LinuxPwm;
import com.pi4j.plugin.linuxfs.provider.gpio.digital.LinuxFsDigitalInputProvider;
import com.pi4j.plugin.linuxfs.provider.gpio.digital.LinuxFsDigitalOutputProvider;
import com.pi4j.plugin.linuxfs.provider.i2c.LinuxFsI2CProvider;
import com.pi4j.plugin.linuxfs.provider.pwm.LinuxFsPwmProvider;
import com.pi4j.plugin.linuxfs.provider.spi.LinuxFsSpiProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import com.pi4j.plugin.mock.provider.i2c.MockI2CProvider;
import com.pi4j.plugin.mock.provider.pwm.MockPwmProvider;
import com.pi4j.plugin.mock.provider.spi.MockSpiProvider;
import java.util.List;

/**
 * The providers each platform is made of: {@code gpiod} is gpiod digital I/O plus linuxfs I2C, SPI and PWM (the Pi 5
 * on Bookworm); {@code linuxfs} is linuxfs for all of it (sysfs GPIO, older kernels); {@code mock} is Pi4J's mock.
 */
final class PlatformProviders {
    private PlatformProviders() {}

    static List<ProviderCandidate> of(PlatformChoice platform, ProviderChecks checks) {
        return switch (platform) {
            case GPIOD -> List.of(
                    new ProviderCandidate(IoKind.DIGITAL_INPUT, GpioDDigitalInputProvider.ID,
                            GpioDDigitalInputProvider::newInstance, checks::gpiod),
                    new ProviderCandidate(IoKind.DIGITAL_OUTPUT, GpioDDigitalOutputProvider.ID,
                            GpioDDigitalOutputProvider::newInstance, checks::gpiod),
                    linuxFsPwm(checks), linuxFsI2c(checks), linuxFsSpi(checks));
            case LINUXFS -> List.of(
                    new ProviderCandidate(IoKind.DIGITAL_INPUT, LinuxFsDigitalInputProvider.ID,
                            LinuxFsDigitalInputProvider::newInstance, checks::sysfsGpio),
                    new ProviderCandidate(IoKind.DIGITAL_OUTPUT, LinuxFsDigitalOutputProvider.ID,
                            LinuxFsDigitalOutputProvider::newInstance, checks::sysfsGpio),
                    linuxFsPwm(checks), linuxFsI2c(checks), linuxFsSpi(checks));
            case MOCK -> mock();
            case AUTO -> throw new IllegalArgumentException("auto is resolved to a platform before its providers");
        };
    }

    static List<ProviderCandidate> mock() {
        return List.of(
                    ProviderCandidate.always(IoKind.DIGITAL_INPUT, MockDigitalInputProvider.ID,
                            MockDigitalInputProvider::newInstance),
                    ProviderCandidate.always(IoKind.DIGITAL_OUTPUT, MockDigitalOutputProvider.ID,
                            MockDigitalOutputProvider::newInstance),
                    ProviderCandidate.always(IoKind.PWM, MockPwmProvider.ID, MockPwmProvider::newInstance),
                    ProviderCandidate.always(IoKind.I2C, MockI2CProvider.ID, MockI2CProvider::newInstance),
                    ProviderCandidate.always(IoKind.SPI, MockSpiProvider.ID, MockSpiProvider::newInstance));
    }

    private static ProviderCandidate linuxFsPwm(ProviderChecks checks) {
        // the chip Pi4J's own LinuxFsPlugin picks: the RP1's on a Pi 5, the SoC's before
        int chip = BoardInfoHelper.usesRP1() ? LinuxPwm.DEFAULT_RP1_PWM_CHIP : LinuxPwm.DEFAULT_LEGACY_PWM_CHIP;
        return new ProviderCandidate(IoKind.PWM, LinuxFsPwmProvider.ID, () -> LinuxFsPwmProvider.newInstance(chip),
                () -> checks.pwm(chip));
    }

    private static ProviderCandidate linuxFsI2c(ProviderChecks checks) {
        return new ProviderCandidate(IoKind.I2C, LinuxFsI2CProvider.ID, LinuxFsI2CProvider::newInstance, checks::i2c);
    }

    private static ProviderCandidate linuxFsSpi(ProviderChecks checks) {
        return new ProviderCandidate(IoKind.SPI, LinuxFsSpiProvider.ID, LinuxFsSpiProvider::newInstance, checks::spi);
    }
}
