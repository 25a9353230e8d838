@Export
@Version("1.5.0")
package org.kervi.api.runtime;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
