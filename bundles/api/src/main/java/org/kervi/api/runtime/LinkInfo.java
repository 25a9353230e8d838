package org.kervi.api.runtime;

/** A link as the shell and dashboard show it. */
public record LinkInfo(String inputId, String sourceId, boolean resolved, String sourceOwner, String lastError) {
    public LinkInfo {
        sourceOwner = sourceOwner == null ? "" : sourceOwner;
        lastError = lastError == null ? "" : lastError;
    }
}
