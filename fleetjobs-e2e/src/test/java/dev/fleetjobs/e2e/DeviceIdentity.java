package dev.fleetjobs.e2e;

import dev.fleetjobs.server.pki.CertificateIds;
import dev.fleetjobs.server.pki.Pem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iotjobsdataplane.IotJobsDataPlaneClient;

/** A device's client certificate and key, and TLS clients that present them to the device listener. */
record DeviceIdentity(X509Certificate certificate, PrivateKey key) {

    private static final char[] PASSWORD = "fleetjobs-test".toCharArray();

    static DeviceIdentity fromPem(String certificatePem, String privateKeyPem) {
        try {
            return new DeviceIdentity(Pem.certificate(certificatePem), Pem.privateKey(privateKeyPem));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String certificateId() {
        return CertificateIds.of(certificate);
    }

    String arn() {
        return "arn:aws:iot:us-east-1:000000000000:cert/" + certificateId();
    }

    KeyManager[] keyManagers() {
        return keyManagerFactory().getKeyManagers();
    }

    KeyManagerFactory keyManagerFactory() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("device", key, PASSWORD, new X509Certificate[] {certificate});
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(store, PASSWORD);
            return factory;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static TrustManager[] trusting(X509Certificate serverCa) {
        return trustManagerFactory(serverCa).getTrustManagers();
    }

    static TrustManagerFactory trustManagerFactory(X509Certificate serverCa) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("fleetjobs-ca", serverCa);
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return factory;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    SSLContext sslContext(X509Certificate serverCa) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers(), trusting(serverCa), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The official data-plane client over the device listener, presenting this certificate; it signs nothing. */
    IotJobsDataPlaneClient jobsClient(URI deviceEndpoint, X509Certificate serverCa) {
        return IotJobsDataPlaneClient.builder()
                .endpointOverride(deviceEndpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClientBuilder(ApacheHttpClient.builder()
                        .tlsKeyManagersProvider(this::keyManagers)
                        .tlsTrustManagersProvider(() -> trusting(serverCa)))
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    /** Writes the certificate and key as PEM files (the key owner-only) for curl; returns {certificate, key}. */
    Path[] writeTo(Path dir, String name) {
        try {
            Path certificateFile = dir.resolve(name + ".cert.pem");
            Path keyFile = dir.resolve(name + ".key.pem");
            Files.writeString(certificateFile, Pem.of(certificate));
            Files.writeString(keyFile, Pem.pkcs8(key));
            Files.setPosixFilePermissions(keyFile, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            return new Path[] {certificateFile, keyFile};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
