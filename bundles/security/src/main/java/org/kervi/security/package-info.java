/** Run modes and the administrator's credentials: what the shell's {@code kervi:passwd} and the dashboard's first-run page use. */
@Export
@Version("1.1.0")
package org.kervi.security;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
