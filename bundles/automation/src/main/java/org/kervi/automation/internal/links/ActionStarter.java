package org.kervi.automation.internal.links;

import java.util.List;

/** Starts an action by id for a link; the one seam between the links and the action service. */
interface ActionStarter {
    LinkRun start(String actionId, List<Object> args);
}
