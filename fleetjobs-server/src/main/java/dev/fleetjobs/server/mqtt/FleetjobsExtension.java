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
 * The embedded extension: request wills taken out of CONNECT, authentication and topic
 * permissions, the lifecycle events that fire request wills, and the jobs request interceptor on
 * every client. Its start hands over the broker's publish service.
 */
final class FleetjobsExtension implements ExtensionMain {

    private final ClientAuthenticator authenticator;
    private final MqttJobsApi api;
    private final RequestWills wills;
    private final CompletableFuture<PublishService> started = new CompletableFuture<>();
    private final ConnectedDevices connected = new ConnectedDevices();

    FleetjobsExtension(ClientAuthenticator authenticator, MqttJobsApi api) {
        this.authenticator = authenticator;
        this.api = api;
        this.wills = new RequestWills(api);
    }

    @Override
    public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
        RequesterReplies replies = new RequesterReplies(Services.publishService(), Services.subscriptionStore());
        wills.start(replies);
        ConnectWills connectWills = new ConnectWills(wills);
        Services.interceptorRegistry().setConnectInboundInterceptorProvider(providerInput -> connectWills);
        Services.securityRegistry().setAuthenticatorProvider(providerInput -> authenticator);
        Services.eventRegistry().setClientLifecycleEventListener(providerInput ->
                new LifecycleListeners(wills, connected.getClientLifecycleEventListener(providerInput)));
        JobsRequestInterceptor interceptor = new JobsRequestInterceptor(api, replies);
        Services.initializerRegistry().setClientInitializer((initializerInput, client) -> client.addPublishInboundInterceptor(interceptor));
        started.complete(Services.publishService());
    }

    @Override
    public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {
        wills.close();
    }

    /** Called before the broker stops, so that disconnecting its clients fires no will. */
    void quiesce() {
        wills.close();
    }

    /** Devices connected and authenticated right now. */
    long connectedDevices() {
        return connected.count();
    }

    CompletableFuture<PublishService> started() {
        return started;
    }
}
