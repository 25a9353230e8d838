package org.kervi.devices.pi4j.internal;

import com.pi4j.context.Context;
import java.util.List;

/** A Pi4J context and what became of each provider its platform wanted. */
record Pi4jSetup(Context context, List<ProviderStatus> providers) {}
