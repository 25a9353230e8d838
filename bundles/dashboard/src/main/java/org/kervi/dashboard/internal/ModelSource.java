package org.kervi.dashboard.internal;

/** The current model as one user sees it. */
interface ModelSource {
    /** Built now, with current values: what {@code api/model} answers. */
    Model model(UserSession user);

    /**
     * For access checks only: may be the model built for the same roles and groups at the same model version
     * (its values may be older; which ids are hidden is not).
     */
    Model access(UserSession user);
}
