/**
 * The application's value history: what values were, over time, and the last state of values to keep. A service of
 * the {@code kervi-history} bundle in the root instance ({@link org.kervi.api.history.ValueHistory}); the dashboard,
 * the shell and the application use it when it runs.
 */
@Export
@Version("1.0.0")
package org.kervi.api.history;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
