package org.kervi.dashboard.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/**
 * One per {@code org.kervi.dashboard.board} configuration; the dashboard server collects them.
 *
 * <p>A changed configuration is applied in place ({@code @Modified}): the service stays registered and only its
 * properties change, which the dashboard server hears as an update of its reference. Without this every update
 * re-registered the service, and one such update always comes right after a feature installs the configuration
 * (Karaf creates it, then felix fileinstall stores its file name in it about a second later), i.e. while the
 * dashboard bundle may still be starting.
 */
@Component(service = BoardLayoutService.class, configurationPid = "org.kervi.dashboard.board",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = BoardConfig.class, factory = true)
public class BoardLayoutService {
    private volatile BoardLayout layout;

    @Activate
    public BoardLayoutService(BoardConfig config) {
        this.layout = BoardLayout.of(config);
    }

    @Modified
    void modified(BoardConfig config) {
        this.layout = BoardLayout.of(config);
    }

    BoardLayout layout() {
        return layout;
    }
}
