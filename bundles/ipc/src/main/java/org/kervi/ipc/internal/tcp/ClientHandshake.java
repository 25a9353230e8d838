package org.kervi.ipc.internal.tcp;

import org.kervi.ipc.api.TransportProblem;

/**
 * The client's side of the version 3 handshake: a hello with its nonce, then — only if the hub's challenge proves
 * that the hub knows this instance's key — the answer. A hub that cannot prove it gets nothing derived from the key.
 */
final class ClientHandshake {
    private final ClientSettings settings;
    private final String hubAddress;
    private final String clientNonce = Hmac.nonce();

    ClientHandshake(ClientSettings settings, String hubAddress) {
        this.settings = settings;
        this.hubAddress = hubAddress;
    }

    Frame hello() {
        return Frame.hello(settings.applicationId(), settings.instanceId(), clientNonce);
    }

    /** The {@code auth} frame for the hub's challenge; throws before answering when the hub's proof is wrong. */
    Frame answer(Frame challenge) throws ProtocolException {
        String hubNonce = Frame.require(challenge.nonce, "nonce", challenge);
        String expected = Hmac.hubProof(settings.key(), settings.applicationId(), settings.instanceId(), clientNonce,
                hubNonce);
        if (!Hmac.matches(expected, challenge.proof)) {
            throw new ProtocolException(TransportProblem.AUTH_FAILED, "the hub at " + hubAddress + " could not prove"
                    + " that it knows the key of instance '" + settings.instanceId() + "' (a rogue hub, or a wrong"
                    + " key on this side): nothing was answered and the connection was closed");
        }
        return Frame.auth(Hmac.clientMac(settings.key(), settings.applicationId(), settings.instanceId(), hubNonce,
                clientNonce));
    }
}
