package dev.fleetjobs.server.mqtt;

import com.hivemq.extension.sdk.api.interceptor.connect.ConnectInboundInterceptor;
import com.hivemq.extension.sdk.api.interceptor.connect.parameter.ConnectInboundInput;
import com.hivemq.extension.sdk.api.interceptor.connect.parameter.ConnectInboundOutput;
import com.hivemq.extension.sdk.api.packets.connect.ConnectPacket;
import com.hivemq.extension.sdk.api.packets.connect.WillPublishPacket;
import java.util.Optional;

/**
 * Runs on every CONNECT before authentication: a will on the device's own jobs request topic is
 * taken out of the packet, so that the broker never publishes it to subscribers, and handed to
 * {@link RequestWills}, which runs it as the request when it fires. Other wills stay for the
 * authenticator to judge.
 */
final class ConnectWills implements ConnectInboundInterceptor {

    private final RequestWills wills;

    ConnectWills(RequestWills wills) {
        this.wills = wills;
    }

    @Override
    public void onConnect(ConnectInboundInput input, ConnectInboundOutput output) {
        ConnectPacket connect = input.getConnectPacket();
        Optional<WillPublishPacket> will = connect.getWillPublish();
        if (will.isEmpty()) {
            return;
        }
        String clientId = input.getClientInformation().getClientId();
        WillPolicy.Verdict verdict = WillPolicy.of(clientId, !ClientAuthenticator.isBackEnd(connect), will.get().getTopic(),
                will.get().getRetain());
        if (verdict.kind() == WillPolicy.Kind.REQUEST) {
            wills.register(input.getConnectionInformation().getConnectionAttributeStore(), clientId, will.get(),
                    connect.getSessionExpiryInterval());
            output.getConnectPacket().setWillPublish(null);
        }
    }
}
