package org.kervi.automation.internal.links;

import java.util.Map;
import org.kervi.api.Registration;
import org.kervi.api.actionlinks.ActionLinkSpec;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One action link per factory configuration of {@value #PID}. A configuration that cannot make a link is logged
 * as an ERROR naming the pid and the problem, and listed as {@code invalid} by {@code kervi:action-links}; the rest
 * of the instance goes on.
 */
@Component(configurationPid = ActionLinkConfiguration.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = ActionLinkConfig.class, factory = true)
public final class ActionLinkConfiguration {
    static final String PID = "org.kervi.automation.actionlink";
    private static final Logger LOG = LoggerFactory.getLogger(ActionLinkConfiguration.class);
    private final Registration registration;

    @Activate
    public ActionLinkConfiguration(@Reference ActionLinkEngine engine, Map<String, Object> properties) {
        String pid = String.valueOf(properties.get("service.pid"));
        String id = ActionLinkSpecs.linkId(properties.get("id"), pid);
        Registration made;
        try {
            ActionLinkSpec spec = ActionLinkSpecs.fromConfiguration(id, properties);
            made = engine.add(spec, pid);
        } catch (IllegalArgumentException e) {
            LOG.error("Action link configuration {} refused: {}", pid, e.getMessage());
            made = engine.addInvalid(id, pid, e.getMessage());
        }
        this.registration = made;
    }

    @Deactivate
    void deactivate() {
        registration.close();
    }
}
