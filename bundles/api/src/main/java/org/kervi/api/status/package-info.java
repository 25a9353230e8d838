/**
 * What the runtime's parts tell the shell and operators: the application's modules, the IPC link, the dashboard's
 * live streams. Each is a service registered by the bundle that owns it, so a {@code kervi:*} command that needs
 * one appears when that bundle runs.
 */
@Export
@Version("1.2.0")
package org.kervi.api.status;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
