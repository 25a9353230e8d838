package org.kervi.dashboard.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

/** One per {@code org.kervi.dashboard.board} configuration; the dashboard server collects them. */
@Component(service = BoardLayoutService.class, configurationPid = "org.kervi.dashboard.board",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = BoardConfig.class, factory = true)
public class BoardLayoutService {
    private final BoardLayout layout;

    @Activate
    public BoardLayoutService(BoardConfig config) {
        this.layout = BoardLayout.of(config);
    }

    BoardLayout layout() {
        return layout;
    }
}
