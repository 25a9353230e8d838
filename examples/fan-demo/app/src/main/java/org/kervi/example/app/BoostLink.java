package org.kervi.example.app;

import org.kervi.api.Registration;
import org.kervi.api.actionlinks.ActionLinks;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Kervi's {@code boost.link_to(cpu_load, trigger_value=lambda v: v > 90)}: when the CPU load (sensors instance)
 * rises above 90 %, the fan controller (controllers instance) boosts. Declared in code; an operator could declare
 * the same link in {@code etc/org.kervi.automation.actionlink-boost.cfg}.
 */
@Component(immediate = true)
public class BoostLink {
    static final String LINK_ID = "boost";
    private final Registration link;

    @Activate
    public BoostLink(@Reference ActionLinks links) {
        link = links.when("cpu_load").above(90).start("fan_controller.boost_run").id(LINK_ID).register();
    }

    @Deactivate
    void deactivate() {
        link.close();
    }
}
