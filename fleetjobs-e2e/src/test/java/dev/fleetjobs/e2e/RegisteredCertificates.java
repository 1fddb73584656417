package dev.fleetjobs.e2e;

import dev.fleetjobs.server.auth.DeviceCertificateAuthorizer;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/** A certificate registry for tests, standing in for the real one: certificates registered with a status and a thing. */
final class RegisteredCertificates implements DeviceCertificateAuthorizer {

    private record Registration(String thingName, boolean active) {
    }

    private final Map<String, Registration> registrations = new ConcurrentHashMap<>();

    void register(X509Certificate certificate, String thingName, boolean active) {
        registrations.put(key(certificate), new Registration(thingName, active));
    }

    @Override
    public CompletableFuture<Boolean> mayActAs(X509Certificate certificate, String thingName) {
        Registration registration = registrations.get(key(certificate));
        return CompletableFuture.completedFuture(registration != null && registration.active() && registration.thingName().equals(thingName));
    }

    private static String key(X509Certificate certificate) {
        try {
            return Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
