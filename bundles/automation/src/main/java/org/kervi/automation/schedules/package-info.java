/**
 * The scheduler's seam for tests: a {@link org.kervi.automation.schedules.ScheduleEngine} driven by a
 * {@link org.kervi.automation.schedules.ScheduleClock}; with a {@link org.kervi.automation.schedules.ManualScheduleClock}
 * a unit test advances time and sees its schedules fire, with no OSGi framework and no waiting. Inside Karaf the
 * bundle's {@code ScheduleService} is the same engine on the system clock.
 */
@Export
@Version("1.0.0")
package org.kervi.automation.schedules;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
