package dev.fleetjobs.server.mqtt;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The TLS listener's key material: the server's key and certificate, and the CAs that sign device
 * certificates. Both are Java key stores (PKCS12 or JKS).
 */
public record TlsFiles(Path keystore, String keystorePassword, String privateKeyPassword, Path truststore,
                       String truststorePassword) {

    public TlsFiles {
        Objects.requireNonNull(keystore, "keystore");
        Objects.requireNonNull(truststore, "truststore");
        keystorePassword = keystorePassword == null ? "" : keystorePassword;
        privateKeyPassword = privateKeyPassword == null ? keystorePassword : privateKeyPassword;
        truststorePassword = truststorePassword == null ? "" : truststorePassword;
    }

    @Override
    public String toString() {
        return "TlsFiles[keystore=" + keystore + ", truststore=" + truststore + ", passwords=<hidden>]";
    }
}
