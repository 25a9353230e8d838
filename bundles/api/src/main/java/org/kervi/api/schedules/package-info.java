/**
 * Scheduled actions: an action started by id at times a {@link org.kervi.api.schedules.Schedule} names (Kervi's
 * {@code run_every()}), in code through {@link org.kervi.api.schedules.ScheduleService} or by configuration (factory
 * pid {@code org.kervi.automation.schedule}); listed by {@code kervi:schedules}.
 */
@Export
@Version("1.0.0")
package org.kervi.api.schedules;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
