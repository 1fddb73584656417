package dev.fleetjobs.server.mqtt;

import com.hivemq.extension.sdk.api.async.Async;
import com.hivemq.extension.sdk.api.async.TimeoutFallback;
import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthInput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthOutput;
import com.hivemq.extension.sdk.api.client.parameter.ClientTlsInformation;
import com.hivemq.extension.sdk.api.packets.connect.ConnackReasonCode;
import com.hivemq.extension.sdk.api.packets.connect.ConnectPacket;
import com.hivemq.extension.sdk.api.packets.connect.WillPublishPacket;
import dev.fleetjobs.core.error.InvalidRequestException;
import dev.fleetjobs.core.security.Role;
import dev.fleetjobs.core.validation.Validator;
import dev.fleetjobs.server.auth.AccessKeyLogin;
import dev.fleetjobs.server.auth.DeviceCertificateAuthorizer;
import dev.fleetjobs.server.auth.Principal;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides every CONNECT. A client with a password is a back end: its user name and password must
 * be an admin's or operator's access key, and it may subscribe to the jobs events only. Any other
 * client is a device: its client id names the thing and must be a valid thing name; on the TLS
 * listener its certificate must be allowed to act as that thing (the plain listener exists only
 * when the operator asked for it). A device may publish and subscribe under its own
 * {@code $aws/things/{thing}/jobs/} and the configured extra topics. A will the broker would
 * publish under {@code $} is refused ({@link WillPolicy}; request wills were taken out before).
 */
final class ClientAuthenticator implements SimpleAuthenticator {

    private static final Logger LOG = LoggerFactory.getLogger(ClientAuthenticator.class);
    private static final Duration CERTIFICATE_CHECK_TIMEOUT = Duration.ofSeconds(10);

    private final DeviceCertificateAuthorizer certificates;
    private final AccessKeyLogin backEnds;
    private final TopicGrants grants;
    private final MqttRequestObserver observer;

    ClientAuthenticator(DeviceCertificateAuthorizer certificates, AccessKeyLogin backEnds, TopicGrants grants,
                        MqttRequestObserver observer) {
        this.observer = observer;
        this.certificates = certificates;
        this.backEnds = backEnds;
        this.grants = grants;
    }

    /** Whether a CONNECT logs in as a back end rather than as a device. */
    static boolean isBackEnd(ConnectPacket connect) {
        return connect.getPassword().isPresent();
    }

    @Override
    public void onConnect(SimpleAuthInput input, SimpleAuthOutput output) {
        ConnectPacket connect = input.getConnectPacket();
        String clientId = input.getClientInformation().getClientId();
        boolean backEnd = isBackEnd(connect);
        if (!backEnd && !isThingName(clientId)) {
            observer.connectRefused("MqttClientIdNotThing");
            output.failAuthentication(ConnackReasonCode.CLIENT_IDENTIFIER_NOT_VALID, "The client id must be the thing's name.");
            return;
        }
        Optional<WillPublishPacket> will = connect.getWillPublish();
        if (will.isPresent()) {
            WillPolicy.Verdict verdict = WillPolicy.of(clientId, !backEnd, will.get().getTopic(), will.get().getRetain());
            if (verdict.kind() != WillPolicy.Kind.BROKER) {
                // A request will was taken out by ConnectWills before this; whatever is left under $ is refused.
                observer.connectRefused("MqttWillRefused");
                output.failAuthentication(ConnackReasonCode.NOT_AUTHORIZED, verdict.kind() == WillPolicy.Kind.REFUSE ? verdict.reason()
                        : "The will on " + will.get().getTopic() + " could not be taken as a request.");
                return;
            }
        }
        if (backEnd) {
            logInBackEnd(connect, output);
            return;
        }
        Optional<ClientTlsInformation> tls = input.getConnectionInformation().getClientTlsInformation();
        if (tls.isEmpty()) {
            grantDevice(output, clientId);
            return;
        }
        Optional<X509Certificate> certificate = tls.get().getClientCertificate();
        if (certificate.isEmpty() || certificates == null) {
            observer.connectRefused("MqttCertificateMissing");
            output.failAuthentication(ConnackReasonCode.NOT_AUTHORIZED,
                    "A client certificate is required (back ends log in with an access key as user name and password).");
            return;
        }
        Async<SimpleAuthOutput> async = output.async(CERTIFICATE_CHECK_TIMEOUT, TimeoutFallback.FAILURE);
        certificates.mayActAs(certificate.get(), clientId).whenComplete((allowed, failure) -> {
            if (failure != null) {
                LOG.warn("Checking the certificate of {} failed", clientId, failure);
            }
            if (Boolean.TRUE.equals(allowed)) {
                grantDevice(output, clientId);
            } else {
                observer.connectRefused("MqttCertificateRefused");
                output.failAuthentication(ConnackReasonCode.NOT_AUTHORIZED,
                        "The certificate is not active or not attached to thing " + clientId + ".");
            }
            async.resume();
        });
    }

    private void logInBackEnd(ConnectPacket connect, SimpleAuthOutput output) {
        Optional<Principal> principal = Optional.empty();
        if (backEnds != null && connect.getUserName().isPresent()) {
            principal = backEnds.login(connect.getUserName().get(), JobsRequestInterceptor.bytes(connect.getPassword().get()));
        }
        if (principal.isEmpty()) {
            observer.connectRefused("MqttBadCredentials");
            output.failAuthentication(ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD,
                    "The user name and password must be an access key's id and secret.");
            return;
        }
        if (principal.get().role() == Role.DEVICE) {
            observer.connectRefused("MqttDeviceKeyAsBackEnd");
            output.failAuthentication(ConnackReasonCode.NOT_AUTHORIZED, "Device keys cannot log in as a back end; a device connects"
                    + " with its thing name as client id (and its certificate on the TLS listener).");
            return;
        }
        TopicGrants.backEnd(output.getDefaultPermissions());
        output.authenticateSuccessfully();
    }

    private void grantDevice(SimpleAuthOutput output, String thingName) {
        grants.device(output.getDefaultPermissions(), thingName);
        output.authenticateSuccessfully();
    }

    private static boolean isThingName(String clientId) {
        try {
            Validator.thingName("clientId", clientId);
            return true;
        } catch (InvalidRequestException e) {
            return false;
        }
    }
}
