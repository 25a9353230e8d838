/**
 * Messaging channels: where user-log entries go beyond the dashboard (email over SMTP, a webhook), each one a
 * factory configuration of the {@code kervi-messaging} bundle with a level, a source filter and a rate limit. The
 * shell lists them ({@code kervi:channels}) and sends test messages ({@code kervi:channel-test}) through
 * {@link org.kervi.api.messaging.MessagingChannels}.
 */
@Export
@Version("1.0.0")
package org.kervi.api.messaging;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
