/**
 * Action links (Kervi's {@code action.link_to(value, trigger_value=...)}): start an action when a value meets a
 * condition, interrupt it when another holds. Declared in code through the {@link org.kervi.api.actionlinks.ActionLinks}
 * service or by an operator in the factory pid {@code org.kervi.automation.actionlink}; run by the
 * {@code kervi-automation} bundle.
 */
@Export
@Version("1.0.0")
package org.kervi.api.actionlinks;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
