package org.kervi.api.actionlinks;

import java.time.Instant;

/**
 * A snapshot of one action link.
 *
 * @param spec null only for an {@link ActionLinkState#INVALID} configuration
 * @param origin {@code code} for links added through {@link ActionLinks#add}, else the configuration's pid
 * @param lastTrigger when the action was last started by this link, null before the first start
 * @param starts how many times the link started the action
 * @param skipped triggers that came while the action was still running (not queued, as in Kervi)
 * @param lastError the last start or run failure, or why the configuration was refused; empty when none
 */
public record ActionLinkStatus(String id, ActionLinkSpec spec, String origin, ActionLinkState state,
        Instant lastTrigger, long starts, long skipped, long interrupts, String lastError) {}
