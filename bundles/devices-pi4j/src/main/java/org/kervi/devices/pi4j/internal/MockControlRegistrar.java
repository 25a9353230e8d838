package org.kervi.devices.pi4j.internal;

import org.kervi.devices.pi4j.mock.MockPlatformControl;
import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Offers {@link MockPlatformControl} while this bundle's Pi4J context runs the mock platform, and never on real
 * hardware. It follows the context's component: a new platform configuration brings a new control (or none).
 */
@Component(immediate = true)
// registered by hand, so bnd does not see it: declared for the resolver (a simulation's DS reference requires it)
@Capability(namespace = "osgi.service",
        attribute = "objectClass:List<String>=\"org.kervi.devices.pi4j.mock.MockPlatformControl\"")
public final class MockControlRegistrar {
    private final ServiceRegistration<MockPlatformControl> registration;

    @Activate
    public MockControlRegistrar(@Reference Pi4jPlatform platform, BundleContext bundleContext) {
        if (PlatformChoice.MOCK.configName().equals(platform.platform())) {
            registration = bundleContext.registerService(MockPlatformControl.class,
                    new Pi4jMockControl(platform.context()), null);
        } else {
            registration = null;
        }
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            registration.unregister();
        }
    }
}
