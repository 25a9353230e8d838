package org.kervi.bench;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/** A Paho callback for the raw baseline's clients: arriving messages go to one method, problems to stderr. */
interface MessageOnlyCallback extends MqttCallback {
    @Override
    default void disconnected(MqttDisconnectResponse response) {
        System.err.println("[raw mqtt] disconnected: " + response);
    }

    @Override
    default void mqttErrorOccurred(MqttException exception) {
        System.err.println("[raw mqtt] " + exception);
    }

    @Override
    default void deliveryComplete(IMqttToken token) {
        // the baseline waits on tokens where it needs to
    }

    @Override
    default void connectComplete(boolean reconnect, String serverURI) {
        // no automatic reconnect in the baseline
    }

    @Override
    default void authPacketArrived(int reasonCode, MqttProperties properties) {
        // no enhanced authentication in the baseline
    }
}
