package org.kervi.homeassistant.internal;

import java.util.List;

/** What {@code kervi:homeassistant} shows: the broker link and the entities published now. */
public interface HomeAssistantStatus {
    /** A published entity as the shell lists it. */
    record Row(String kerviId, String component, String objectId, String instanceId, boolean instanceOnline) {}

    String brokerUrl();

    /** Empty when connected, else why not. */
    String problem();

    String exposed();

    List<Row> entities();
}
