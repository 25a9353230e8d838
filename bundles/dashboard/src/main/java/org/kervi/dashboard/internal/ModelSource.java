package org.kervi.dashboard.internal;

/** The current model as one user sees it. */
@FunctionalInterface
interface ModelSource {
    Model model(UserSession user);
}
