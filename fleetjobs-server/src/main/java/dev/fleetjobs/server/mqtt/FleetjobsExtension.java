package dev.fleetjobs.server.mqtt;

import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import com.hivemq.extension.sdk.api.services.publish.PublishService;
import java.util.concurrent.CompletableFuture;

/**
 * The embedded extension: authentication and topic permissions on CONNECT, the jobs request
 * interceptor on every client. Its start hands over the broker's publish service.
 */
final class FleetjobsExtension implements ExtensionMain {

    private final DeviceAuthenticator authenticator;
    private final MqttJobsApi api;
    private final CompletableFuture<PublishService> started = new CompletableFuture<>();
    private final ConnectedDevices connected = new ConnectedDevices();

    FleetjobsExtension(DeviceAuthenticator authenticator, MqttJobsApi api) {
        this.authenticator = authenticator;
        this.api = api;
    }

    @Override
    public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
        Services.securityRegistry().setAuthenticatorProvider(providerInput -> authenticator);
        Services.eventRegistry().setClientLifecycleEventListener(connected);
        RequesterReplies replies = new RequesterReplies(Services.publishService(), Services.subscriptionStore());
        JobsRequestInterceptor interceptor = new JobsRequestInterceptor(api, replies);
        Services.initializerRegistry().setClientInitializer((initializerInput, client) -> client.addPublishInboundInterceptor(interceptor));
        started.complete(Services.publishService());
    }

    @Override
    public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {
        // Nothing to release: the broker drops the registrations with the extension.
    }

    /** Devices connected and authenticated right now. */
    long connectedDevices() {
        return connected.count();
    }

    CompletableFuture<PublishService> started() {
        return started;
    }
}
