package dev.fleetjobs.server.mqtt;

import com.hivemq.extension.sdk.api.async.Async;
import com.hivemq.extension.sdk.api.async.TimeoutFallback;
import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthInput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthOutput;
import com.hivemq.extension.sdk.api.auth.parameter.TopicPermission;
import com.hivemq.extension.sdk.api.client.parameter.ClientTlsInformation;
import com.hivemq.extension.sdk.api.packets.auth.DefaultAuthorizationBehaviour;
import com.hivemq.extension.sdk.api.packets.auth.ModifiableDefaultPermissions;
import com.hivemq.extension.sdk.api.packets.connect.ConnackReasonCode;
import com.hivemq.extension.sdk.api.services.builder.Builders;
import dev.fleetjobs.core.error.InvalidRequestException;
import dev.fleetjobs.core.validation.Validator;
import dev.fleetjobs.protocol.mqtt.JobsTopic;
import dev.fleetjobs.server.auth.DeviceCertificateAuthorizer;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides every CONNECT. The client id names the thing and must be a valid thing name. On the
 * TLS listener the client certificate must be allowed to act as that thing; the plain listener
 * exists only when the operator asked for it. A device may then publish and subscribe under its
 * own {@code $aws/things/{thing}/jobs/} and the configured extra topics, nothing else.
 */
final class DeviceAuthenticator implements SimpleAuthenticator {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceAuthenticator.class);
    private static final Duration CERTIFICATE_CHECK_TIMEOUT = Duration.ofSeconds(10);

    private final DeviceCertificateAuthorizer certificates;
    private final List<String> extraTopics;

    DeviceAuthenticator(DeviceCertificateAuthorizer certificates, List<String> extraTopics) {
        this.certificates = certificates;
        this.extraTopics = extraTopics;
    }

    @Override
    public void onConnect(SimpleAuthInput input, SimpleAuthOutput output) {
        String clientId = input.getClientInformation().getClientId();
        try {
            Validator.thingName("clientId", clientId);
        } catch (InvalidRequestException e) {
            output.failAuthentication(ConnackReasonCode.CLIENT_IDENTIFIER_NOT_VALID, "The client id must be the thing's name.");
            return;
        }
        Optional<ClientTlsInformation> tls = input.getConnectionInformation().getClientTlsInformation();
        if (tls.isEmpty()) {
            grant(output, clientId);
            return;
        }
        Optional<X509Certificate> certificate = tls.get().getClientCertificate();
        if (certificate.isEmpty() || certificates == null) {
            output.failAuthentication(ConnackReasonCode.NOT_AUTHORIZED, "A client certificate is required.");
            return;
        }
        Async<SimpleAuthOutput> async = output.async(CERTIFICATE_CHECK_TIMEOUT, TimeoutFallback.FAILURE);
        certificates.mayActAs(certificate.get(), clientId).whenComplete((allowed, failure) -> {
            if (failure != null) {
                LOG.warn("Checking the certificate of {} failed", clientId, failure);
            }
            if (Boolean.TRUE.equals(allowed)) {
                grant(output, clientId);
            } else {
                output.failAuthentication(ConnackReasonCode.NOT_AUTHORIZED,
                        "The certificate is not active or not attached to thing " + clientId + ".");
            }
            async.resume();
        });
    }

    private void grant(SimpleAuthOutput output, String thingName) {
        ModifiableDefaultPermissions permissions = output.getDefaultPermissions();
        permissions.add(allow(JobsTopic.prefix(thingName) + "/#"));
        for (String filter : extraTopics) {
            permissions.add(allow(filter.replace(MqttSettings.THING_PLACEHOLDER, thingName)));
        }
        permissions.setDefaultBehaviour(DefaultAuthorizationBehaviour.DENY);
        output.authenticateSuccessfully();
    }

    private static TopicPermission allow(String filter) {
        return Builders.topicPermission()
                .topicFilter(filter)
                .type(TopicPermission.PermissionType.ALLOW)
                .activity(TopicPermission.MqttActivity.ALL)
                .build();
    }
}
