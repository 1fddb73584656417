package dev.fleetjobs.server.mqtt;

import com.hivemq.extension.sdk.api.events.client.ClientLifecycleEventListener;
import com.hivemq.extension.sdk.api.events.client.ClientLifecycleEventListenerProvider;
import com.hivemq.extension.sdk.api.events.client.parameters.AuthenticationSuccessfulInput;
import com.hivemq.extension.sdk.api.events.client.parameters.ConnectionStartInput;
import com.hivemq.extension.sdk.api.events.client.parameters.DisconnectEventInput;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many devices are connected to the embedded broker: the broker makes one listener per
 * connection, which counts the connection once it authenticated and uncounts it when it ends
 * (also when a device with the same client id takes it over).
 */
final class ConnectedDevices implements ClientLifecycleEventListenerProvider {

    private final AtomicLong connected = new AtomicLong();

    long count() {
        return connected.get();
    }

    @Override
    public ClientLifecycleEventListener getClientLifecycleEventListener(
            com.hivemq.extension.sdk.api.events.client.parameters.ClientLifecycleEventListenerProviderInput input) {
        return new ClientLifecycleEventListener() {
            private boolean counted;

            @Override
            public void onMqttConnectionStart(ConnectionStartInput start) {
                // Counted once authenticated: a refused device never was connected.
            }

            @Override
            public synchronized void onAuthenticationSuccessful(AuthenticationSuccessfulInput success) {
                if (!counted) {
                    counted = true;
                    connected.incrementAndGet();
                }
            }

            @Override
            public synchronized void onDisconnect(DisconnectEventInput disconnect) {
                if (counted) {
                    counted = false;
                    connected.decrementAndGet();
                }
            }
        };
    }
}
