package dev.fleetjobs.server.service;

import dev.fleetjobs.core.security.Certificate;

/** A certificate this server made together with its key pair (CreateKeysAndCertificate): the private key is shown once. */
public record IssuedCertificate(Certificate certificate, String publicKeyPem, String privateKeyPem) {

    @Override
    public String toString() {
        return "IssuedCertificate[" + certificate.certificateId() + ", private key hidden]";
    }
}
