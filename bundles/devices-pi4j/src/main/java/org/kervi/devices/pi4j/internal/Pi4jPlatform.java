package org.kervi.devices.pi4j.internal;

import com.pi4j.context.Context;

/** The Pi4J context behind the Hardware service and its platform's name, for the status and mock tools. */
public interface Pi4jPlatform {
    String platform();

    Context context();
}
