/**
 * The user log: what happened that an operator should read (a value entered a warning range, an action failed, a
 * module restarted), with a time, a level and the id it is about. Kept across restarts by the {@code kervi-automation}
 * bundle, shown by the dashboard and {@code kervi:log}, and passed to messaging channels (email, webhook).
 */
@Export
@Version("1.0.0")
package org.kervi.api.userlog;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
