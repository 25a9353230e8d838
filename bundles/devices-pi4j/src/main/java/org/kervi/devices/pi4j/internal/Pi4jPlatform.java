package org.kervi.devices.pi4j.internal;

import com.pi4j.context.Context;
import java.util.List;
import org.kervi.api.hardware.Hardware;

/** The Pi4J context behind the Hardware service, its platform and providers, for the status and mock tools. */
public interface Pi4jPlatform {
    String platform();

    Context context();

    /** The one context's hardware, for {@link BundleHardware}, which every bundle gets as the Hardware service. */
    Hardware hardware();

    IoOwners owners();

    /** Each provider the platform wanted, in use or left out with its reason and fix. */
    List<ProviderStatus> providers();
}
